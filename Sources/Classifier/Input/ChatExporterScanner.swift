/// Reads a DiscordChatExporter JSON export as metadata only: the `guild` and `channel` objects at the top of the
/// file, and `exportedAt` when it comes before the messages (as in DiscordChatExporter's own output). Scanning stops
/// at the `messages` key, so a multi-gigabyte export costs a few kilobytes, and the messages are never parsed, kept
/// or shown. Values skipped on the way are dropped chunk by chunk without being held.
struct ChatExporterScanner {
    /// The most a `guild` or `channel` object may take; anything bigger is not DiscordChatExporter metadata.
    static let maxMetadataBytes = 1 << 20
    /// The longest `exportedAt` kept; a longer value is not a timestamp and is ignored.
    static let maxTimestampBytes = 64

    private let window: ByteWindow
    /// Line ends in bytes already dropped from the window, for error lines.
    private var droppedNewlines = 0
    /// Bytes of the current line already dropped from the window, for error columns.
    private var droppedLineBytes = 0

    init(window: ByteWindow) {
        self.window = window
    }

    /// True when the document in `window` is an object whose first key is `"guild"`: DiscordChatExporter's layout.
    /// Reads the first bytes of the input if they are not in yet.
    static func startsExport(_ window: ByteWindow) -> Bool {
        while window.buffer.count - window.position < 64, !window.atEnd { window.fill() }
        var index = window.skipBlank(from: window.position)
        if index == 0, ByteOrderMark.length(at: window.buffer) > 0 { index = window.skipBlank(from: 3) }
        guard index < window.buffer.count, window.buffer[index] == UInt8(ascii: "{") else { return false }
        index = window.skipBlank(from: index + 1)
        let key = Array("\"guild\"".utf8)
        return window.buffer.count - index >= key.count && Array(window.buffer[index..<(index + key.count)]) == key
    }

    /// The `guild` and `channel` objects of the export (and its `exportedAt`), as one record; the window is emptied.
    mutating func record(fallbackName: String) -> RawRecord {
        let source = SourceRef(file: window.path)
        var index = window.skipBlank(from: window.position)
        // Where the scan stands, not how much has been read: the message must not depend on the chunk size.
        func failure(_ reason: String, at index: Int) -> RawRecord {
            let (line, column) = lineAndColumn(at: index)
            return RawRecord(content: .error(.malformedJSON(source: source, line: line, column: column,
                                                            reason: reason + " (DiscordChatExporter export)")),
                             source: source, fallbackName: fallbackName)
        }
        if index == 0 { index = ByteOrderMark.length(at: window.buffer) }
        index = window.skipBlank(from: index) + 1  // past "{"
        var guild: [UInt8]?
        var channel: [UInt8]?
        var exportedAt: String?
        scan: while true {
            index = skipBlankFilling(from: &index)
            guard index < window.buffer.count else {
                if guild != nil, channel != nil { break scan }
                return failure("the file ends before the guild and channel objects", at: index)
            }
            switch window.buffer[index] {
            case UInt8(ascii: "}"): break scan
            case UInt8(ascii: ","):
                index += 1
                continue scan
            case UInt8(ascii: "\""): break
            default: return failure("expected a member name", at: index)
            }
            guard let keyEnd = valueEnd(from: &index, capture: true) else {
                return failure("unterminated member name", at: index)
            }
            let key = String(decoding: window.buffer[(index + 1)..<(keyEnd - 1)], as: UTF8.self)
            // The messages are not metadata: never read past their key.
            if key == "messages", guild != nil, channel != nil { break scan }
            index = keyEnd
            index = skipBlankFilling(from: &index)
            guard index < window.buffer.count, window.buffer[index] == UInt8(ascii: ":") else {
                return failure("expected ':' after \"\(key)\"", at: index)
            }
            index += 1
            index = skipBlankFilling(from: &index)
            let wanted = key == "guild" || key == "channel" || key == "exportedAt"
            guard let end = valueEnd(from: &index, capture: wanted) else {
                return failure(wanted ? "the \(key) value is cut short or larger than 1 MiB" : "the \(key) value is cut short",
                               at: index)
            }
            switch key {
            case "guild": guild = Array(window.buffer[index..<end])
            case "channel": channel = Array(window.buffer[index..<end])
            case "exportedAt" where end - index <= Self.maxTimestampBytes:
                exportedAt = window.buffer[index..<end].withUnsafeBufferPointer { try? JSONParser.parse($0) }?.stringValue
            default: break
            }
            index = end
        }
        window.buffer = []
        window.position = 0
        guard let guild else { return failure("no guild object", at: index) }
        guard let channel else { return failure("no channel object", at: index) }
        return RawRecord(content: .chatExporter(guild: guild, channels: [channel], exportedAt: exportedAt),
                         source: source, fallbackName: fallbackName)
    }

    // MARK: - Scanning

    /// Line and column (in bytes, from 1) of `index`, for errors. The column counts from the last line end still in
    /// the window, which is the line's start unless a line of more than the metadata limit was dropped.
    private func lineAndColumn(at index: Int) -> (line: Int, column: Int) {
        let end = min(index, window.buffer.count)
        let before = window.buffer[0..<end]
        let column = before.lastIndex(of: 0x0A).map { end - $0 } ?? droppedLineBytes + end + 1
        return (1 + droppedNewlines + before.lazy.filter { $0 == 0x0A }.count, column)
    }

    /// Forgets the bytes before `index`, counting the line ends and the bytes of the line still open in them.
    private mutating func drop(upTo index: inout Int) {
        let dropped = window.buffer[0..<index]
        droppedNewlines += dropped.lazy.filter { $0 == 0x0A }.count
        if let last = dropped.lastIndex(of: 0x0A) { droppedLineBytes = index - last - 1 } else { droppedLineBytes += index }
        window.drop(upTo: index)
        index = 0
    }

    /// Skips white space, reading more when it runs out.
    private mutating func skipBlankFilling(from index: inout Int) -> Int {
        while true {
            index = window.skipBlank(from: index)
            if index < window.buffer.count || window.atEnd { return index }
            drop(upTo: &index)
            window.fill()
        }
    }

    /// The end (exclusive) of the JSON value starting at `index`, reading more of the file as needed. When the value
    /// is not captured, the bytes already scanned are dropped as the scan goes, so memory stays flat whatever its
    /// size; `index` moves with the window. Nil when the file ends first or a captured value outgrows the limit.
    private mutating func valueEnd(from index: inout Int, capture: Bool) -> Int? {
        var depth = 0
        var inString = false
        var escaped = false
        var cursor = index
        let first = window.buffer[index]
        let opensString = first == UInt8(ascii: "\"")
        let isContainer = first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
        while true {
            while cursor < window.buffer.count {
                let byte = window.buffer[cursor]
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
            if window.atEnd { return nil }
            if capture {
                if cursor - index > Self.maxMetadataBytes { return nil }
            } else {
                // Keep only from the current position: the value's bytes so far are not wanted.
                cursor -= index
                drop(upTo: &index)
            }
            window.fill()
        }
    }
}
