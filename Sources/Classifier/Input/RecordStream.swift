import Foundation

/// Reads records from files, directories and standard input one at a time, so memory stays flat whatever the size
/// of a watch list.
///
/// - A JSON Lines input (`.jsonl`, `.ndjson`, or any input of two lines or more whose first or second line is a
///   whole JSON object or array) gives one record per non-blank line, read in chunks.
/// - A DiscordChatExporter export gives its `guild` and `channel` metadata only (see `ChatExporterReader.swift`);
///   consecutive exports of one guild make one record.
/// - Any other file is one record (one server export), up to `maxRecordBytes`.
/// - A directory gives the records of its `.json`, `.jsonl` and `.ndjson` files, recursively, in path order; hidden
///   files and fixture expectations (`NAME.expected.json`) are skipped.
/// - `-` is standard input.
public final class RecordStream: IteratorProtocol, Sequence {
    /// Bytes read so far and, when every input is a regular file, their total: for progress and time left.
    public private(set) var bytesRead = 0
    /// Size in bytes of all the input files, taken when the stream is made; nil when standard input is one of them.
    public let totalBytes: Int?

    private var pending: [String]
    private var current: FileReader?
    /// Bytes asked of read(2) at a time. Tests and the fuzzer set a few bytes, so that every record, line and
    /// DiscordChatExporter boundary falls inside a chunk somewhere; the result must not depend on it.
    public var chunkSize = 1 << 20
    /// A line, or a one-server document, longer than this is reported as an error record instead of being held in
    /// memory (and an endless input such as /dev/zero ends).
    public static let defaultMaxRecordBytes = 256 << 20
    /// Largest record held in memory, in bytes: a longer line or one-server file becomes an error record.
    public let maxRecordBytes: Int

    /// When set, the SHA-256 of every input file as read (what `sha256sum` prints), in input order, for reports
    /// that cite their evidence; filled as each file ends. DiscordChatExporter files are then read to the end for
    /// the hash, their messages still never kept.
    public private(set) var fileHashes: [(file: String, sha256: String)] = []
    /// Whether ``fileHashes`` is filled, as asked at `init`.
    public let hashFiles: Bool

    /// Every input is read as JSON Lines, whatever its name or first lines (`classify --jsonl`).
    public var forceLines = false

    /// Lists the files `paths` stand for (directories expanded, `-` for standard input) without opening any.
    /// Not thread-safe: one thread reads the stream.
    /// - Parameters:
    ///   - paths: files, directories (their `.json`, `.jsonl`, `.ndjson` and `.outline` files) or `-`.
    ///   - maxRecordBytes: the largest record held in memory (``defaultMaxRecordBytes`` unless a test sets less).
    ///   - hashFiles: compute each file's SHA-256 into ``fileHashes``.
    public init(paths: [String], maxRecordBytes: Int = RecordStream.defaultMaxRecordBytes, hashFiles: Bool = false) {
        self.maxRecordBytes = maxRecordBytes
        self.hashFiles = hashFiles
        var expanded: [String] = []
        var total: Int? = 0
        for path in paths {
            for file in Self.expand(path) {
                expanded.append(file)
                if file == "-" { total = nil } else if let size = Self.fileSize(file) { total? += size }
            }
        }
        pending = expanded.reversed()
        totalBytes = total
    }

    /// A stream over one input already in memory - a service's request body - split and detected exactly as a file
    /// of that name is (JSON Lines by a `.jsonl`/`.ndjson` name or by its first lines, DiscordChatExporter metadata,
    /// outlines): there is one splitter, whether the bytes come from disk, a pipe or a network.
    /// - Parameters:
    ///   - bytes: the whole input.
    ///   - name: what the input is called in errors and in each server's ``SourceRef``; its extension picks JSON
    ///     Lines as a file's does.
    ///   - maxRecordBytes: the largest record held (``defaultMaxRecordBytes`` unless a caller sets less).
    ///   - hashFiles: give the input's SHA-256 in ``fileHashes`` once it is read.
    public init(bytes: [UInt8], name: String, maxRecordBytes: Int = RecordStream.defaultMaxRecordBytes,
                hashFiles: Bool = false) {
        self.maxRecordBytes = maxRecordBytes
        self.hashFiles = hashFiles
        pending = []
        totalBytes = bytes.count
        current = FileReader(bytes: bytes, name: name, maxRecordBytes: maxRecordBytes, hashing: hashFiles)
    }

    /// A DiscordChatExporter guild being gathered: its channel files come one after another.
    private var gathering: RawRecord?
    private var lookahead: RawRecord?

    /// The next record in input order, or nil once every input is read. Files are opened one at a time, here;
    /// an unreadable file or an over-long record comes back as an error record, and the stream goes on.
    public func next() -> RawRecord? {
        // Consecutive DiscordChatExporter files of one guild (one file per channel) make one server.
        while true {
            guard let record = lookahead ?? nextFromFiles() else {
                defer { gathering = nil }
                return gathering
            }
            lookahead = nil
            guard case let .chatExporter(guild, channels, exportedAt) = record.content else {
                if let pending = gathering {
                    gathering = nil
                    lookahead = record
                    return pending
                }
                return record
            }
            if let pending = gathering, case let .chatExporter(pendingGuild, pendingChannels, pendingTime) = pending.content {
                if Self.sameGuild(pendingGuild, guild) {
                    let latest = [pendingTime, exportedAt].compactMap { $0 }.max()
                    gathering = RawRecord(content: .chatExporter(guild: pendingGuild, channels: pendingChannels + channels,
                                                                 exportedAt: latest),
                                          source: pending.source, fallbackName: pending.fallbackName)
                    continue
                }
                gathering = record
                return pending
            }
            gathering = record
        }
    }

    /// Two `guild` objects name the same guild when their ids (or, lacking ids, their bytes) are equal.
    static func sameGuild(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        func id(_ bytes: [UInt8]) -> String? {
            (bytes.withUnsafeBufferPointer { try? JSONParser.parse($0) })?["id"]?.idValue
        }
        if let left = id(a), let right = id(b) { return left == right }
        return a == b
    }

    private func nextFromFiles() -> RawRecord? {
        while true {
            if let reader = current {
                if let record = reader.next() {
                    bytesRead += reader.takeBytesRead()
                    return record
                }
                if let digest = reader.finishHash() { fileHashes.append((reader.path, digest)) }
                bytesRead += reader.takeBytesRead()
                current = nil
            }
            guard let path = pending.popLast() else { return nil }
            if path.hasPrefix(Self.skippedMarker) {
                // "reason\u{0}path": a file of a directory that is said and skipped rather than read.
                let rest = path.dropFirst(Self.skippedMarker.count)
                let parts = rest.split(separator: "\u{0}", maxSplits: 1).map(String.init)
                return RawRecord(content: .error(.unreadable(file: parts[1], reason: parts[0])),
                                 source: SourceRef(file: parts[1]), fallbackName: parts[1])
            }
            current = FileReader(path: path, maxRecordBytes: maxRecordBytes, hashing: hashFiles, forceLines: forceLines,
                                 chunkSize: chunkSize)
        }
    }

    // MARK: - Paths

    private static let skippedMarker = "\u{0}skipped:"

    /// A path as the files it stands for: itself, or a directory's input files in order.
    /// The regular input files a directory stands for, in path order, as `classify DIR` reads them (hidden files,
    /// expectations and non-regular files left out): one walker for the CLI and `classify test`.
    public static func inputFiles(in directory: String) -> [String] {
        expand(directory).filter { !$0.hasPrefix(skippedMarker) && $0 != directory }
    }

    static func expand(_ path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
              isDirectory.boolValue else { return [path] }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else {
            return [skippedMarker + "cannot list the directory\u{0}" + path]
        }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            let lower = name.lowercased()
            guard lower.hasSuffix(".json") || lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson")
                    || lower.hasSuffix(".outline"),
                  !lower.hasSuffix(".expected.json") else { continue }
            let full = (path as NSString).appendingPathComponent(relative)
            var info = stat()
            if stat(full, &info) != 0 {
                // A dangling link or a file that vanished: said, never silently dropped.
                files.append(skippedMarker + "\(String(cString: strerror(errno))) (a dangling link?)\u{0}" + full)
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: continue
            case S_IFREG: files.append(full)
            default:
                // A FIFO, socket or device in a folder would block or never end: skipped, and said.
                files.append(skippedMarker + "not a regular file (FIFO, socket or device): skipped so the run cannot hang\u{0}" + full)
            }
        }
        if files.isEmpty {
            return [skippedMarker + "no .json, .jsonl, .ndjson or .outline file in this directory\u{0}" + path]
        }
        return files.sorted { a, b in
            // Markers sort by the path they carry, so errors stay in path order.
            func key(_ s: String) -> String { s.hasPrefix(skippedMarker) ? String(s.split(separator: "\u{0}").last ?? "") : s }
            return key(a) < key(b)
        }
    }

    private static func fileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }
}


