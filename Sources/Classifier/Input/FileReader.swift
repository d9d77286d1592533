/// Splits one input into records: JSON Lines, one document, or a DiscordChatExporter export (metadata only,
/// through ``ChatExporterScanner``). The bytes come from a ``ByteWindow``, read in chunks.
final class FileReader {
    /// The bytes of the input, read in chunks.
    private let window: ByteWindow
    /// The input's path as opened (`-` for standard input).
    var path: String { window.path }
    /// The server name for an export that carries none: the file's base name.
    let fallbackName: String
    private var mode: Mode = .undecided
    private var lineNumber = 0
    /// How far the current line is known to hold no line end, so a long line is scanned once however many reads
    /// it takes.
    private var scannedUpTo = 0
    private var finished = false

    private enum Mode { case undecided, lines, document }

    let maxRecordBytes: Int
    /// Lines looked at to tell JSON Lines from one pretty-printed document.
    static let linesLookedAt = 8

    init(path: String, maxRecordBytes: Int, hashing: Bool = false, forceLines: Bool = false, chunkSize: Int = 1 << 20) {
        window = ByteWindow(path: path, hashing: hashing, chunkSize: chunkSize)
        self.maxRecordBytes = maxRecordBytes
        self.fallbackName = ServerReader.fallbackName(for: path)
        let lower = path.lowercased()
        if forceLines || lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { mode = .lines }
    }

    /// A reader over bytes already in memory, split and detected exactly as a file of that name would be: there is
    /// one splitter, whether the input comes from disk, a pipe or a caller of the library.
    init(bytes: [UInt8], name: String, maxRecordBytes: Int, hashing: Bool = false) {
        window = ByteWindow(bytes: bytes, name: name, hashing: hashing)
        self.maxRecordBytes = maxRecordBytes
        self.fallbackName = ServerReader.fallbackName(for: name)
        let lower = name.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { mode = .lines }
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes >> 10) KiB"
    }

    /// The input's SHA-256 once read to the end (see ``ByteWindow/finishHash()``).
    func finishHash() -> String? { window.finishHash() }

    /// Bytes read since the last call, for progress.
    func takeBytesRead() -> Int { window.takeBytesRead() }

    func next() -> RawRecord? {
        if finished { return nil }
        if let openError = window.openError {
            finished = true
            return RawRecord(content: .error(openError), source: SourceRef(file: path), fallbackName: fallbackName)
        }
        if mode == .undecided { decideMode() }
        let record: RawRecord?
        switch mode {
        case .lines: record = nextLine()
        case .document, .undecided: record = ChatExporterScanner.startsExport(window) ? chatExport() : document()
        }
        if let readError = window.readError, record == nil || mode == .document {
            window.readError = nil
            finished = true
            return RawRecord(content: .error(readError), source: SourceRef(file: path), fallbackName: fallbackName)
        }
        return record
    }

    /// JSON Lines when there are two non-blank lines or more and the first or second is a whole JSON object or
    /// array by itself, or two of the first eight are (so broken leading lines do not turn a watch list into one
    /// bad document); a pretty-printed document has none, or one at most.
    private func decideMode() {
        var lines: [Range<Int>] = []
        var start = window.position
        // A stream with no line end in sight (/dev/zero, a giant one-line document) stops the look here. A
        // DiscordChatExporter export needs only its first kilobytes: minified, it is one line of gigabytes that
        // must not be read to find out that it has no second line.
        let lookAhead = ChatExporterScanner.startsExport(window) ? ChatExporterScanner.maxMetadataBytes : maxRecordBytes
        while lines.count < Self.linesLookedAt, window.buffer.count - window.position <= lookAhead {
            guard let first = firstNonBlank(from: start) else {
                if window.atEnd { break }
                start = max(start, window.buffer.count)
                fill()
                continue
            }
            guard let end = lineEnd(from: first) else {
                if window.atEnd { break }
                fill()
                continue
            }
            lines.append(first..<end)
            start = end
        }
        func isWholeValue(_ range: Range<Int>) -> Bool {
            let value = window.buffer[range].withUnsafeBufferPointer { try? JSONParser.parse($0) }
            return value?.objectValue != nil || value?.arrayValue != nil
        }
        let whole = lines.filter(isWholeValue).count
        mode = lines.count >= 2 && (lines.prefix(2).contains(where: isWholeValue) || whole >= 2) ? .lines : .document
    }

    private func nextLine() -> RawRecord? {
        while true {
            if let end = lineEnd(from: window.position) {
                lineNumber += 1
                var stop = end
                if stop > window.position, window.buffer[stop - 1] == 0x0D { stop -= 1 }  // CRLF
                let range = window.position..<stop
                window.position = min(end + 1, window.buffer.count)
                if lineNumber == 1, range.lowerBound == 0, ByteOrderMark.length(at: window.buffer) > 0 {
                    if let record = record(for: 3..<max(3, stop)) { return record }
                    continue
                }
                if let record = record(for: range) { return record }
                continue
            }
            if window.atEnd {
                finished = true
                return nil
            }
            if window.buffer.count - window.position > maxRecordBytes {
                lineNumber += 1
                let resumed = skipToNextLine()
                let source = SourceRef(file: path, record: lineNumber)
                if !resumed { finished = true }
                let reason = resumed
                    ? "the line is longer than \(Self.size(maxRecordBytes)); it is skipped"
                    : "no line end in \(Self.size(5 * maxRecordBytes)) (endless input?); the rest of the file is not read"
                return RawRecord(content: .error(.malformedJSON(source: source, line: lineNumber, column: 1, reason: reason)),
                                 source: source, fallbackName: fallbackName)
            }
            fill()
        }
    }

    /// Drops the rest of an over-long line, reading on to its end without keeping it; the next line is read as usual.
    /// Skips the rest of an over-long line, reading at most four times `maxRecordBytes` more for its end (memory stays at
    /// one chunk: what is skipped is dropped as it is read). Returns false when no line end came in that much - an
    /// endless input such as /dev/zero - and the rest of the file is then not read.
    private func skipToNextLine() -> Bool {
        var skipped = 0
        while true {
            if let end = window.buffer[window.position...].firstIndex(of: 0x0A) {
                window.position = end + 1
                scannedUpTo = 0
                return true
            }
            skipped += window.buffer.count - window.position
            window.position = window.buffer.count
            if window.atEnd { return true }
            if skipped > 4 * maxRecordBytes { return false }
            fill()
        }
    }

    private func record(for range: Range<Int>) -> RawRecord? {
        let isBlank = window.buffer[range].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        if isBlank { return nil }
        return RawRecord(content: .bytes(Array(window.buffer[range])), source: SourceRef(file: path, record: lineNumber),
                         fallbackName: "\(fallbackName):\(lineNumber)")
    }

    private func chatExport() -> RawRecord {
        finished = true
        var scanner = ChatExporterScanner(window: window)
        return scanner.record(fallbackName: fallbackName)
    }

    private func document() -> RawRecord? {
        while !window.atEnd {
            fill()
            if window.buffer.count - window.position > maxRecordBytes {
                finished = true
                window.buffer = []
                return RawRecord(content: .error(.unreadable(
                    file: path, reason: "larger than \(Self.size(maxRecordBytes)) for one server export; "
                        + "write one server per line (JSON Lines) instead")),
                    source: SourceRef(file: path), fallbackName: fallbackName)
            }
        }
        finished = true
        let bytes = Array(window.buffer[window.position...])
        window.buffer = []
        return RawRecord(content: .bytes(bytes), source: SourceRef(file: path), fallbackName: fallbackName)
    }

    // MARK: - Buffer

    private func firstNonBlank(from start: Int) -> Int? {
        var index = start
        if index == 0 { index = ByteOrderMark.length(at: window.buffer) }
        while index < window.buffer.count {
            switch window.buffer[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return index
            }
        }
        return nil
    }

    /// Index of the next line feed at or after `start`, or the end of the input once it has all been read.
    private func lineEnd(from start: Int) -> Int? {
        let from = max(start, scannedUpTo)
        if from < window.buffer.count, let index = window.buffer[from...].firstIndex(of: 0x0A) {
            scannedUpTo = 0
            return index
        }
        scannedUpTo = window.buffer.count
        return window.atEnd && start < window.buffer.count ? window.buffer.count : nil
    }

    /// Reads the next chunk; in JSON Lines, first drops the lines already split off.
    private func fill() {
        if mode == .lines, window.position > 0 {
            scannedUpTo = max(0, scannedUpTo - window.position)
            window.drop(upTo: window.position)
        }
        window.fill()
    }
}
