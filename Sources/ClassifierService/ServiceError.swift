import Classifier
import Hummingbird

/// Every way a request can fail, each with its HTTP status and a stable `code`: clients branch on the code, people
/// read the message. The body is always `{"error": {"code": "...", "message": "..."}}`.
public enum ServiceError: Error, Sendable, Equatable {
    /// No route has this path.
    case notFound
    /// The path exists but not for this method; `allowed` goes in the `Allow` header.
    case methodNotAllowed(allowed: [String])
    /// No bearer token, or not the service's.
    case unauthorized
    /// The body is over the service's limit (`--max-body`).
    case payloadTooLarge(limit: Int)
    /// Every classification slot is taken (`--max-concurrent`); retry after `retryAfter` seconds.
    case busy(retryAfter: Int)
    /// The request took longer than the service's time budget (`--timeout`).
    case timeout(seconds: Int)
    /// A query parameter the service does not understand, or a value it does not take.
    case badParameter(name: String, reason: String)
    /// Nothing in the body could be read as a server: the reader's own message (file, line, column or record).
    case badInput(code: String, message: String)
    /// The body was empty.
    case emptyBody
    /// The service is shutting down and takes no more work.
    case draining
    /// The journal could not record the classified servers (`--journal`).
    case journal(message: String)

    /// The HTTP status this error is answered with.
    public var status: HTTPResponse.Status {
        switch self {
        case .notFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .unauthorized: .unauthorized
        case .payloadTooLarge: .contentTooLarge
        case .busy, .timeout, .draining: .serviceUnavailable
        case .badParameter, .badInput, .emptyBody: .badRequest
        case .journal: .internalServerError
        }
    }

    /// The stable, machine-readable code of the error.
    public var code: String {
        switch self {
        case .notFound: "not-found"
        case .methodNotAllowed: "method-not-allowed"
        case .unauthorized: "unauthorized"
        case .payloadTooLarge: "payload-too-large"
        case .busy: "busy"
        case .timeout: "timeout"
        case .badParameter: "bad-parameter"
        case let .badInput(code, _): code
        case .emptyBody: "empty-body"
        case .draining: "shutting-down"
        case .journal: "journal-error"
        }
    }

    /// What a person reads; never holds the request's server, channel or topic names unless the input error
    /// message itself quotes the caller's own input (as the CLI's does).
    public var message: String {
        switch self {
        case .notFound: "no such endpoint; GET /openapi.json lists them"
        case let .methodNotAllowed(allowed): "method not allowed here; allowed: \(allowed.joined(separator: ", "))"
        case .unauthorized: "missing or wrong bearer token (Authorization: Bearer TOKEN)"
        case let .payloadTooLarge(limit): "the body is over the service's limit of \(limit) bytes"
        case let .busy(seconds): "every classification slot is busy; retry in \(seconds) s"
        case let .timeout(seconds): "the classification took longer than the service's budget of \(seconds) s"
        case let .badParameter(name, reason): "\(name): \(reason)"
        case let .badInput(_, message): message
        case .emptyBody: "the body is empty: send a server export (any shape classify reads) or JSON Lines of them"
        case .draining: "the service is shutting down"
        case let .journal(message): "the journal could not record this request: \(message)"
        }
    }

    /// The body of the error response, one JSON line.
    public var body: String {
        JSONOutput.object([("error", .object([("code", .string(code)), ("message", .string(message))]))]).serialized() + "\n"
    }

    /// The code of an input error, as the API names it.
    static func code(of error: InputError) -> String {
        switch error {
        case .unreadable: "unreadable"
        case .empty: "empty-body"
        case .malformedJSON: "malformed-json"
        case .malformedOutline: "malformed-outline"
        case .unknownShape: "unknown-shape"
        case .invalidField: "invalid-field"
        }
    }
}
