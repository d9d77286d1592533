import CPCRE2

/// Why a pattern could not be compiled or matched.
public enum PatternError: Error, Sendable, Equatable, CustomStringConvertible {
    /// PCRE2 rejected the pattern: its message and the offset (in bytes) in the pattern where it stopped.
    case compile(message: String, offset: Int)
    /// The match gave up at a resource limit (backtracking, depth, heap or JIT stack): the pattern or the input is
    /// pathological. The result is unknown, so it is reported, never treated as "no match".
    case limitExceeded(message: String)
    /// Any other matching error PCRE2 reports.
    case match(code: Int32, message: String)

    public var description: String {
        switch self {
        case let .compile(message, offset): return "\(message) at offset \(offset) in the pattern"
        case let .limitExceeded(message): return "match gave up: \(message); simplify the pattern (nested or unbounded repeats)"
        case let .match(code, message): return "PCRE2 error \(code): \(message)"
        }
    }

    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = pcre2_get_error_message_8(code, &buffer, buffer.count)
        guard length > 0 else { return "unknown PCRE2 error \(code)" }
        return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
    }
}
