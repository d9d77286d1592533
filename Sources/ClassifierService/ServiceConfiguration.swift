import Foundation

/// How `classify serve` listens and what it allows; the CLI fills it from its options.
public struct ServiceConfiguration: Sendable {
    /// Address to bind; loopback unless a token is set (see ``validate()``).
    public var host: String
    /// Port to bind; 0 picks a free one (the chosen port is logged and passed to `onListening`).
    public var port: Int
    /// The bearer token every `/v1` and `/metrics` request must carry; nil: none asked (loopback only).
    public var token: String?
    /// Largest request body in bytes; past it the answer is 413.
    public var maxBody: Int
    /// Classifications running at once; past it the answer is 503 with Retry-After.
    public var maxConcurrent: Int
    /// Seconds a classification may take before the answer is 503 `timeout`.
    public var timeout: Int
    /// Worker threads of one classification (``BatchRunner`` jobs).
    public var jobs: Int

    /// The defaults of `classify serve`: loopback, port 8080, 16 MiB bodies, one classification per core.
    public init(host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, maxBody: Int = 16 << 20,
                maxConcurrent: Int = ProcessInfo.processInfo.activeProcessorCount, timeout: Int = 30, jobs: Int = 1) {
        self.host = host
        self.port = port
        self.token = token
        self.maxBody = maxBody
        self.maxConcurrent = maxConcurrent
        self.timeout = timeout
        self.jobs = jobs
    }

    /// Why a configuration is refused before anything is bound.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// A host other than loopback without a token: anyone on the network could use the service.
        case exposedWithoutToken(host: String)
        /// A limit below 1.
        case invalidLimit(name: String)
        /// A port outside 0...65535.
        case invalidPort(Int)

        /// The message `classify serve` prints before it exits 2.
        public var description: String {
            switch self {
            case let .exposedWithoutToken(host):
                "refusing to listen on \(host) without --token-file: only loopback (127.0.0.1, ::1, localhost) is served without a token"
            case let .invalidLimit(name): "\(name) must be at least 1"
            case let .invalidPort(port): "--port \(port) is not a port (0 to 65535; 0 picks a free one)"
            }
        }
    }

    /// Checks the configuration: loopback or a token, sensible limits.
    public func validate() throws(Problem) {
        guard (0...65535).contains(port) else { throw .invalidPort(port) }
        if maxBody < 1 { throw .invalidLimit(name: "--max-body") }
        if maxConcurrent < 1 { throw .invalidLimit(name: "--max-concurrent") }
        if timeout < 1 { throw .invalidLimit(name: "--timeout") }
        if jobs < 1 { throw .invalidLimit(name: "--jobs") }
        if token == nil, !Self.isLoopback(host) { throw .exposedWithoutToken(host: host) }
    }

    /// Whether `host` only reaches this machine: `localhost`, `::1`, or an address in 127.0.0.0/8.
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if bare.lowercased() == "localhost" || bare == "::1" { return true }
        var address = in_addr()
        guard inet_pton(AF_INET, bare, &address) == 1 else { return false }
        return UInt32(bigEndian: address.s_addr) >> 24 == 127
    }
}
