import Foundation

/// Buffered standard output that ends quietly when the reader goes away (`classify … | head`), and fails closed
/// on any other write error: a report that could not be written must never look like a clean run.
enum Output {
    nonisolated(unsafe) private static var buffer: [UInt8] = []

    static func line(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Text without a line end.
    static func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    static func flush() {
        guard !buffer.isEmpty else { return }
        let failed = buffer.withUnsafeBytes { bytes -> Bool in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return true
                }
                offset += written
            }
            return false
        }
        let reason = errno
        buffer.removeAll(keepingCapacity: true)
        guard failed else { return }
        // EPIPE: the reader has all it wants (`| head`) - stop quietly. Anything else (a full disk, /dev/full, a
        // revoked file) is said once, and the run ends with 2 whatever the verdicts: the output is incomplete.
        if reason == EPIPE { Foundation.exit(0) }
        writeStandardError("classify: cannot write the output: \(String(cString: strerror(reason))); the report is incomplete\n")
        Foundation.exit(2)
    }

    static func error(_ text: String) {
        flush()
        writeStandardError(text + "\n")
    }

    /// Writes to standard error with write(2) and gives up silently on any failure (closed, full, broken pipe):
    /// there is nowhere left to report it, and it must never crash the run (FileHandle.write traps on errors).
    static func writeStandardError(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(STDERR_FILENO, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }

    /// An untrusted name made safe for a terminal: control characters, escapes and bidi controls shown as
    /// `\x1b` or `U+202E` instead of acting on the terminal.
    static func visible(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) {
                out += String(format: "\\x%02x", value)
            } else if (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200E
                        || value == 0x200F || value == 0x061C {
                out += String(format: "U+%04X", value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
}
