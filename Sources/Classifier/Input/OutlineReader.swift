import Foundation

/// Reads the plain-text outline a moderator types from screenshots of a server, when no export can be had:
///
/// ```
/// # Server name
/// > a line of the description
/// CATEGORY
///   channel-name
///   | the topic of the channel above
///   #another-channel
/// ```
///
/// A line starting with `# ` names the server, `> ` adds to its description; a line at the left margin is a
/// category, an indented one (spaces or a tab, an optional `#`, `-` or `•`) a channel of the category above (or of
/// none, before the first category), and an indented line starting with `|` the topic of the channel above it.
/// Blank lines are skipped. Detected from the text itself: a document whose first non-blank line starts with `# `.
package enum OutlineReader {
    /// True when `bytes` (after a byte-order mark and blank lines) start with `# `: an outline, not JSON.
    public static func looksLikeOutline(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = ByteOrderMark.length(at: bytes)
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        return index + 1 < bytes.count && bytes[index] == UInt8(ascii: "#") && bytes[index + 1] == 0x20
    }

    /// The server an outline describes, or an error naming the line that cannot be placed.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, source: SourceRef, fallbackName: String)
        throws(InputError) -> Server {
        var source = source
        source.format = "outline"
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var server = Server(name: fallbackName, source: source)
        var named = false
        var description: [String] = []
        var category: Int?
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            func fail(_ reason: String) -> InputError {
                .malformedOutline(source: source, line: lineNumber, reason: reason)
            }
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line.removeLast() }
            guard line.utf8.count <= ServerDecoder.maximumTextBytes else {
                throw fail("the line is longer than \(ServerDecoder.maximumTextBytes / 1024) KiB")
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let indented = line.first == " " || line.first == "\t"
            if !indented, line.hasPrefix("# ") {
                guard !named else { throw fail("a second '# ' line: an outline names one server") }
                server.name = trimmed.dropFirst(2).trimmingCharacters(in: .whitespaces)
                named = true
            } else if !indented, line.hasPrefix(">") {
                description.append(trimmed.dropFirst().trimmingCharacters(in: .whitespaces))
            } else if !indented {
                category = server.categories.count
                server.categories.append(ChannelCategory(name: trimmed))
            } else if trimmed.hasPrefix("|") {
                guard !server.channels.isEmpty else { throw fail("a topic ('|') before any channel") }
                let topic = trimmed.dropFirst().trimmingCharacters(in: .whitespaces)
                let last = server.channels.count - 1
                server.channels[last].topic = [server.channels[last].topic, topic].compactMap { $0 }.joined(separator: " ")
            } else {
                var name = Substring(trimmed)
                if let first = name.first, "#-•*".contains(first) { name = name.dropFirst() }
                server.channels.append(Channel(name: name.trimmingCharacters(in: .whitespaces), categoryIndex: category))
            }
        }
        if !description.isEmpty { server.description = description.joined(separator: " ") }
        return server
    }
}
