import Classifier
import Foundation

/// Buffered standard output that ends quietly when the reader goes away (`classify … | head`), and fails closed
/// on any other write error: a report that could not be written must never look like a clean run.
enum Output {
    nonisolated(unsafe) private static var buffer: [UInt8] = []
    /// Called before anything reaches a terminal (stdout or stderr) and before a closed pipe ends the run: the
    /// progress line clears itself here.
    nonisolated(unsafe) static var beforeWriting: (() -> Void)?
    /// `--quiet`: nothing is written at all, only the exit code speaks.
    nonisolated(unsafe) private static var silent = false

    static func silence() { silent = true }

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
        if silent { buffer.removeAll(keepingCapacity: true) }
        guard !buffer.isEmpty else { return }
        beforeWriting?()
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
        if reason == EPIPE {
            beforeWriting?()
            Foundation.exit(0)
        }
        writeStandardError("classify: cannot write the output: \(String(cString: strerror(reason))); the report is incomplete\n")
        Foundation.exit(2)
    }

    /// A message on standard error; its lines are classify's own, so line ends stay and every other control or bidi
    /// character (from a file name or a key in an export) is shown, never acted on.
    static func error(_ text: String) {
        flush()
        if silent { return }
        beforeWriting?()
        writeStandardError(text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { TerminalText.visible(String($0)) }.joined(separator: "\n") + "\n")
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

    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Standard output as a report writer's destination.
    nonisolated(unsafe) static let standard: ReportOutput = StandardOutput()

    private final class StandardOutput: ReportOutput {
        func write(_ text: String) { Output.write(text) }
    }
}
