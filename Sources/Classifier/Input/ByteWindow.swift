import Crypto
import Foundation

/// A window onto one input read in chunks: the bytes read and not yet dropped, where reading stands, and the
/// input's SHA-256 as it goes. ``FileReader`` splits records out of it and ``ChatExporterScanner`` scans
/// DiscordChatExporter metadata in it; neither reaches into the other.
final class ByteWindow {
    /// The input's path as opened, `-` for standard input, or the name given to bytes in memory.
    let path: String
    /// Bytes read and not yet dropped.
    var buffer: [UInt8] = []
    /// Start of the unread part of `buffer`.
    var position = 0
    /// True once a read returned nothing more (or the bytes were all in memory from the start).
    private(set) var atEnd = false
    /// Why the input could not be opened; nothing is read then.
    private(set) var openError: InputError?
    /// A read that failed part way, reported by the reader once the records before it are out.
    var readError: InputError?
    private var descriptor: Int32 = -1
    /// Bytes read since the last ``takeBytesRead()``, for progress.
    private var unreported = 0
    /// Where read(2) puts each chunk before it joins `buffer`.
    private let chunk: UnsafeMutableBufferPointer<UInt8>
    /// SHA-256 of every byte read, when hashing.
    private var hasher: SHA256?

    /// Opens `path` (`-` is standard input); an open failure is kept in ``openError``, not thrown, so that it becomes
    /// one error record and the other inputs are still read.
    init(path: String, hashing: Bool, chunkSize: Int) {
        self.path = path
        chunk = .allocate(capacity: max(1, chunkSize))
        if hashing { hasher = SHA256() }
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
    }

    /// A window over bytes already in memory, all read - and, when hashing, hashed at once, as a file's bytes are
    /// while it is read.
    init(bytes: [UInt8], name: String, hashing: Bool = false) {
        path = name
        chunk = .allocate(capacity: 1)
        buffer = bytes
        atEnd = true
        if hashing {
            hasher = SHA256()
            hasher?.update(data: bytes)
        }
    }

    deinit {
        if descriptor > STDIN_FILENO { close(descriptor) }
        chunk.deallocate()
    }

    /// Reads the next chunk onto the end of `buffer`; at the end of the input, sets ``atEnd`` instead.
    func fill() {
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

    /// Forgets the bytes before `index`, which nothing needs any more; `position` becomes 0.
    func drop(upTo index: Int) {
        buffer.removeSubrange(0..<index)
        position = 0
    }

    /// The input's SHA-256 once it has been read to the end (reading on to the end first when the reader stopped
    /// early, as for DiscordChatExporter metadata), or nil when not hashing or the input could not be read.
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

    /// Bytes read since the last call, for progress.
    func takeBytesRead() -> Int {
        defer { unreported = 0 }
        return unreported
    }

    /// The first index at or after `start` that is not JSON white space.
    func skipBlank(from start: Int) -> Int {
        var index = start
        while index < buffer.count {
            switch buffer[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return index
            }
        }
        return index
    }
}
