/// Reads a DiscordChatExporter JSON export as metadata only: the `guild` and `channel` objects at the top of the
/// file. Reading stops as soon as both are in hand, so a multi-gigabyte export costs a few kilobytes, and the
/// `messages` array is never parsed, kept or shown. Keys that come before them (none, in DiscordChatExporter's own
/// output) are skipped chunk by chunk without being held.
extension FileReader {
    /// The most a `guild` or `channel` object may take; anything bigger is not DiscordChatExporter metadata.
    static let maxMetadataBytes = 1 << 20

    /// True when the document is an object whose first key is `"guild"`: DiscordChatExporter's layout.
    func startsChatExport() -> Bool {
        while buffer.count - position < 64, !atEnd { fill() }
        var index = skipBlank(from: position)
        if index == 0, ByteOrderMark.length(at: buffer) > 0 { index = skipBlank(from: 3) }
        guard index < buffer.count, buffer[index] == UInt8(ascii: "{") else { return false }
        index = skipBlank(from: index + 1)
        let key = Array("\"guild\"".utf8)
        return buffer.count - index >= key.count && Array(buffer[index..<(index + key.count)]) == key
    }

    /// The `guild` and `channel` objects of the export, as one record.
    func chatExport() -> RawRecord {
        finished = true
        let source = SourceRef(file: path)
        var index = skipBlank(from: position)
        // Where the scan stands, not how much has been read: the message must not depend on the chunk size.
        func failure(_ reason: String) -> RawRecord {
            let (line, column) = lineAndColumn(at: index)
            return RawRecord(content: .error(.malformedJSON(source: source, line: line, column: column,
                                                            reason: reason + " (DiscordChatExporter export)")),
                             source: source, fallbackName: fallbackName)
        }
        if index == 0 { index = ByteOrderMark.length(at: buffer) }
        index = skipBlank(from: index) + 1  // past "{"
        var guild: [UInt8]?
        var channel: [UInt8]?
        while guild == nil || channel == nil {
            index = skipBlankFilling(from: &index)
            guard index < buffer.count else { return failure("the file ends before the guild and channel objects") }
            if buffer[index] == UInt8(ascii: "}") { break }
            if buffer[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard buffer[index] == UInt8(ascii: "\"") else { return failure("expected a member name") }
            guard let keyEnd = valueEnd(from: &index, capture: true) else { return failure("unterminated member name") }
            let key = String(decoding: buffer[(index + 1)..<(keyEnd - 1)], as: UTF8.self)
            index = keyEnd
            index = skipBlankFilling(from: &index)
            guard index < buffer.count, buffer[index] == UInt8(ascii: ":") else { return failure("expected ':' after \"\(key)\"") }
            index += 1
            index = skipBlankFilling(from: &index)
            let wanted = key == "guild" || key == "channel"
            guard let end = valueEnd(from: &index, capture: wanted) else {
                return failure(wanted ? "the \(key) object is cut short or larger than 1 MiB" : "the \(key) value is cut short")
            }
            if key == "guild" { guild = Array(buffer[index..<end]) }
            if key == "channel" { channel = Array(buffer[index..<end]) }
            index = end
        }
        buffer = []
        position = 0
        guard let guild else { return failure("no guild object") }
        guard let channel else { return failure("no channel object") }
        return RawRecord(content: .chatExporter(guild: guild, channels: [channel]), source: source,
                         fallbackName: fallbackName)
    }

    // MARK: - Scanning

    /// Line and column (in bytes, from 1) of `index`, for errors. The column counts from the last line end still in
    /// the buffer, which is the line's start unless a line of more than the metadata limit was dropped.
    private func lineAndColumn(at index: Int) -> (line: Int, column: Int) {
        let end = min(index, buffer.count)
        let before = buffer[0..<end]
        let column = before.lastIndex(of: 0x0A).map { end - $0 } ?? droppedLineBytes + end + 1
        return (1 + droppedNewlines + before.lazy.filter { $0 == 0x0A }.count, column)
    }

    /// Counts the line ends, and the bytes of the line still open, in what is about to be dropped from the buffer.
    private func noteDropped(upTo index: Int) {
        let dropped = buffer[0..<index]
        droppedNewlines += dropped.lazy.filter { $0 == 0x0A }.count
        if let last = dropped.lastIndex(of: 0x0A) { droppedLineBytes = index - last - 1 } else { droppedLineBytes += index }
    }

    private func skipBlank(from start: Int) -> Int {
        var index = start
        while index < buffer.count, [0x20, 0x09, 0x0A, 0x0D].contains(buffer[index]) { index += 1 }
        return index
    }

    /// Skips white space, reading more when it runs out.
    private func skipBlankFilling(from index: inout Int) -> Int {
        while true {
            index = skipBlank(from: index)
            if index < buffer.count || atEnd { return index }
            dropConsumed(upTo: &index)
            fill()
        }
    }

    /// Forgets the bytes before `index`, which nothing needs any more.
    private func dropConsumed(upTo index: inout Int) {
        noteDropped(upTo: index)
        buffer.removeSubrange(0..<index)
        position = 0
        index = 0
    }

    /// The end (exclusive) of the JSON value starting at `index`, reading more of the file as needed. When the value
    /// is not captured, the bytes already scanned are dropped as the scan goes, so memory stays flat whatever its
    /// size; `index` moves with the buffer. Nil when the file ends first or a captured value outgrows the limit.
    private func valueEnd(from index: inout Int, capture: Bool) -> Int? {
        var depth = 0
        var inString = false
        var escaped = false
        var cursor = index
        let opensString = buffer[index] == UInt8(ascii: "\"")
        let isContainer = buffer[index] == UInt8(ascii: "{") || buffer[index] == UInt8(ascii: "[")
        while true {
            while cursor < buffer.count {
                let byte = buffer[cursor]
                if inString {
                    if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") {
                        inString = false
                        if opensString && depth == 0 { return cursor + 1 }
                    }
                } else {
                    switch byte {
                    case UInt8(ascii: "\""): inString = true
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if isContainer && depth == 0 { return cursor + 1 }
                        if depth < 0 { return cursor }  // a scalar ended by its parent's closing bracket
                    case UInt8(ascii: ","):
                        if !isContainer && !opensString && depth == 0 { return cursor }
                    default: break
                    }
                }
                cursor += 1
            }
            if atEnd { return nil }
            if capture {
                if cursor - index > Self.maxMetadataBytes { return nil }
            } else {
                // Keep only the current position: the value's bytes so far are not wanted.
                cursor -= index
                noteDropped(upTo: index)
                buffer.removeSubrange(0..<index)
                index = 0
                position = 0
            }
            fill()
        }
    }
}
