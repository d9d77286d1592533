import Crypto
import Foundation

/// The service's bearer token, compared in constant time: both sides are hashed to 32 bytes first, so neither the
/// position of the first wrong byte nor the length of the guess shows in the time an answer takes.
public struct BearerToken: Sendable {
    private let digest: [UInt8]

    /// A token held in memory; empty tokens are refused by ``load(path:)``.
    public init(_ token: String) {
        digest = Array(SHA256.hash(data: Array(token.utf8)))
    }

    /// Why a token file cannot be used.
    public enum LoadError: Error, Sendable, CustomStringConvertible {
        /// The file could not be read (missing, no permission, not UTF-8).
        case unreadable(path: String, reason: String)
        /// The file's first line holds no token.
        case empty(path: String)

        /// The message `classify serve` prints before it exits 2.
        public var description: String {
            switch self {
            case let .unreadable(path, reason): "cannot read the token file \(path): \(reason)"
            case let .empty(path): "the token file \(path) is empty"
            }
        }
    }

    /// Reads a token file: its first line, surrounding white space dropped (a trailing newline is usual).
    public static func load(path: String) throws(LoadError) -> String {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        let token = text.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard !token.isEmpty else { throw .empty(path: path) }
        return token
    }

    /// Whether an `Authorization` header value carries this token (`Bearer TOKEN`, the scheme in any case).
    public func accepts(authorization: String?) -> Bool {
        guard let authorization else { return false }
        let parts = authorization.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return false }
        let candidate = Array(SHA256.hash(data: Array(parts[1].trimmingCharacters(in: .whitespaces).utf8)))
        var difference: UInt8 = 0
        for index in 0..<digest.count { difference |= digest[index] ^ candidate[index] }
        return difference == 0
    }
}
