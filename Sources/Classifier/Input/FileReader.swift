import Crypto
import Foundation

/// Splits one file (or standard input) into records, reading it in chunks.
final class FileReader {
    let path: String
    let fallbackName: String
    private var descriptor: Int32 = -1
    var buffer: [UInt8] = []
    /// Start of the unread part of `buffer`.
    var position = 0
    var atEnd = false
    private var mode: Mode = .undecided
    private var lineNumber = 0
    private var unreported = 0
    private var openError: InputError?
    /// A read that failed part way: reported as one more record once the records before it are out.
    var readError: InputError?
    /// Line ends in bytes already dropped from `buffer` (DiscordChatExporter scanning), for error lines.
    var droppedNewlines = 0
    /// Bytes of the current line already dropped from `buffer`, for error columns.
    var droppedLineBytes = 0
    /// How far the current line is known to hold no line end, so a long line is scanned once however many reads
    /// it takes.
    private var scannedUpTo = 0
    var finished = false
    /// Where read(2) puts each chunk before it joins `buffer`.
    private let chunk: UnsafeMutableBufferPointer<UInt8>

    private enum Mode { case undecided, lines, document }

    let maxRecordBytes: Int
    /// Lines looked at to tell JSON Lines from one pretty-printed document.
    static let linesLookedAt = 8

    /// SHA-256 of every byte read, when the stream hashes files.
    private var hasher: SHA256?

    init(path: String, maxRecordBytes: Int, hashing: Bool = false, forceLines: Bool = false, chunkSize: Int = 1 << 20) {
        self.path = path
        chunk = .allocate(capacity: max(1, chunkSize))
        self.maxRecordBytes = maxRecordBytes
        if hashing { hasher = SHA256() }
        self.fallbackName = ServerReader.fallbackName(for: path)
        if path == "-" {
            descriptor = STDIN_FILENO
        } else {
            descriptor = open(path, O_RDONLY)
            if descriptor < 0 {
                let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
                openError = .unreadable(file: path, reason: reason)
            } else {
                var info = stat()
                if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                    openError = .unreadable(file: path, reason: "is a directory; pass the files inside it")
                }
            }
        }
        let lower = path.lowercased()
        if forceLines || lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { mode = .lines }
    }

    /// A reader over bytes already in memory, split and detected exactly as a file of that name would be: there is
    /// one splitter, whether the input comes from disk, a pipe or a caller of the library.
    init(bytes: [UInt8], name: String, maxRecordBytes: Int, hashing: Bool = false) {
        self.path = name
        self.maxRecordBytes = maxRecordBytes
        self.fallbackName = ServerReader.fallbackName(for: name)
        chunk = .allocate(capacity: 1)
        buffer = bytes
        atEnd = true
        if hashing {
            // Every byte is already here: hashed once, as a file's are while it is read.
            hasher = SHA256()
            hasher?.update(data: bytes)
        }
        let lower = name.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { mode = .lines }
    }

    deinit {
        if descriptor > STDIN_FILENO { close(descriptor) }
        chunk.deallocate()
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes >> 10) KiB"
    }

    /// The file's SHA-256 once it has been read to the end (reading on to the end first when hashing stopped
    /// early, as for DiscordChatExporter metadata), or nil when not hashing or the file could not be read.
    func finishHash() -> String? {
        guard hasher != nil, openError == nil, readError == nil else { return nil }
        while !atEnd {
            buffer.removeAll(keepingCapacity: true)
            position = 0
            fill()
        }
        guard readError == nil, let digest = hasher?.finalize() else { return nil }
        return digest.hexDigits
    }

    func takeBytesRead() -> Int {
        defer { unreported = 0 }
        return unreported
    }

    func next() -> RawRecord? {
        if finished { return nil }
        if let openError {
            finished = true
            return RawRecord(content: .error(openError), source: SourceRef(file: path), fallbackName: fallbackName)
        }
        if mode == .undecided { decideMode() }
        let record: RawRecord?
        switch mode {
        case .lines: record = nextLine()
        case .document, .undecided: record = startsChatExport() ? chatExport() : document()
        }
        if let readError, record == nil || mode == .document {
            self.readError = nil
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
        var start = position
        // A stream with no line end in sight (/dev/zero, a giant one-line document) stops the look here. A
        // DiscordChatExporter export needs only its first kilobytes: minified, it is one line of gigabytes that
        // must not be read to find out that it has no second line.
        let lookAhead = startsChatExport() ? Self.maxMetadataBytes : maxRecordBytes
        while lines.count < Self.linesLookedAt, buffer.count - position <= lookAhead {
            guard let first = firstNonBlank(from: start) else {
                if atEnd { break }
                start = max(start, buffer.count)
                fill()
                continue
            }
            guard let end = lineEnd(from: first) else {
                if atEnd { break }
                fill()
                continue
            }
            lines.append(first..<end)
            start = end
        }
        func isWholeValue(_ range: Range<Int>) -> Bool {
            let value = buffer[range].withUnsafeBufferPointer { try? JSONParser.parse($0) }
            return value?.objectValue != nil || value?.arrayValue != nil
        }
        let whole = lines.filter(isWholeValue).count
        mode = lines.count >= 2 && (lines.prefix(2).contains(where: isWholeValue) || whole >= 2) ? .lines : .document
    }

    private func nextLine() -> RawRecord? {
        while true {
            if let end = lineEnd(from: position) {
                lineNumber += 1
                var stop = end
                if stop > position, buffer[stop - 1] == 0x0D { stop -= 1 }  // CRLF
                let range = position..<stop
                position = min(end + 1, buffer.count)
                if lineNumber == 1, range.lowerBound == 0, ByteOrderMark.length(at: buffer) > 0 {
                    if let record = record(for: 3..<max(3, stop)) { return record }
                    continue
                }
                if let record = record(for: range) { return record }
                continue
            }
            if atEnd {
                finished = true
                return nil
            }
            if buffer.count - position > maxRecordBytes {
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
            if let end = buffer[position...].firstIndex(of: 0x0A) {
                position = end + 1
                scannedUpTo = 0
                return true
            }
            skipped += buffer.count - position
            position = buffer.count
            if atEnd { return true }
            if skipped > 4 * maxRecordBytes { return false }
            fill()
        }
    }

    private func record(for range: Range<Int>) -> RawRecord? {
        let isBlank = buffer[range].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        if isBlank { return nil }
        return RawRecord(content: .bytes(Array(buffer[range])), source: SourceRef(file: path, record: lineNumber),
                         fallbackName: "\(fallbackName):\(lineNumber)")
    }

    private func document() -> RawRecord? {
        while !atEnd {
            fill()
            if buffer.count - position > maxRecordBytes {
                finished = true
                buffer = []
                return RawRecord(content: .error(.unreadable(
                    file: path, reason: "larger than \(Self.size(maxRecordBytes)) for one server export; "
                        + "write one server per line (JSON Lines) instead")),
                    source: SourceRef(file: path), fallbackName: fallbackName)
            }
        }
        finished = true
        let bytes = Array(buffer[position...])
        buffer = []
        return RawRecord(content: .bytes(bytes), source: SourceRef(file: path), fallbackName: fallbackName)
    }

    // MARK: - Buffer

    private func firstNonBlank(from start: Int) -> Int? {
        var index = start
        if index == 0 { index = ByteOrderMark.length(at: buffer) }
        while index < buffer.count {
            switch buffer[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return index
            }
        }
        return nil
    }

    /// Index of the next line feed at or after `start`, or the end of the input once it has all been read.
    private func lineEnd(from start: Int) -> Int? {
        let from = max(start, scannedUpTo)
        if from < buffer.count, let index = buffer[from...].firstIndex(of: 0x0A) {
            scannedUpTo = 0
            return index
        }
        scannedUpTo = buffer.count
        return atEnd && start < buffer.count ? buffer.count : nil
    }

    /// Reads the next chunk, dropping what has been consumed.
    func fill() {
        if mode == .lines, position > 0 {
            buffer.removeSubrange(0..<position)
            scannedUpTo = max(0, scannedUpTo - position)
            position = 0
        }
        var count = 0
        while descriptor >= 0 {
            let result = read(descriptor, chunk.baseAddress!, chunk.count)
            if result < 0, errno == EINTR { continue }
            if result < 0 { readError = .unreadable(file: path, reason: String(cString: strerror(errno))) }
            count = max(result, 0)
            break
        }
        let bytes = UnsafeBufferPointer(start: chunk.baseAddress!, count: count)
        hasher?.update(bufferPointer: UnsafeRawBufferPointer(bytes))
        buffer.append(contentsOf: bytes)
        unreported += count
        if count == 0 { atEnd = true }
    }
}
