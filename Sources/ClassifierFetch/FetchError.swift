/// Why a fetch failed, in words a moderator can act on.
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The template code or link could not be read.
    case badTemplateCode(String)
    /// The API answered with an error status. `hint` says what usually causes it.
    case status(code: Int, url: String, hint: String)
    /// Discord asked to wait longer than the fetch is willing to (`Retry-After`, in seconds).
    case rateLimited(seconds: Double, url: String)
    /// The answer was not the JSON shape expected.
    case unexpectedAnswer(url: String, reason: String)
    /// The connection failed (no network, DNS, TLS, timeout).
    case transport(url: String, reason: String)
    /// The token file could not be read or is empty.
    case token(path: String, reason: String)

    public var description: String {
        switch self {
        case let .badTemplateCode(text):
            return "'\(text)' is not a template code or link: give the code (letters and digits) or a discord.new / "
                + "discord.com/template link"
        case let .status(code, url, hint):
            return "\(url) answered HTTP \(code): \(hint)"
        case let .rateLimited(seconds, url):
            return "\(url) is rate-limited for \(Int(seconds.rounded(.up))) s more than classify waits; try again later"
        case let .unexpectedAnswer(url, reason):
            return "\(url) did not answer as Discord documents: \(reason)"
        case let .transport(url, reason):
            return "could not reach \(url): \(reason)"
        case let .token(path, reason):
            return "token file \(path): \(reason)"
        }
    }
}
