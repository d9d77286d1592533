import Classifier
import Hummingbird
import Logging
import ServiceLifecycle

/// `classify serve`: the HTTP service over one loaded classifier, shared by every request.
///
/// ```swift
/// let classifier = try Classifier(rulesDirectory: "Rules")
/// let server = try ClassifyServer(classifier: classifier, referrals: .init(entries: []),
///                                 configuration: ServiceConfiguration(port: 8080), logger: Logger(label: "classify"))
/// try await server.run()   // until SIGINT or SIGTERM; requests in flight finish first
/// ```
public struct ClassifyServer: Sendable {
    /// The listening address and limits.
    public let configuration: ServiceConfiguration
    private let responder: ServiceResponder
    private let state: ServiceState
    private let logger: Logger

    /// Builds the service; nothing is bound until ``run(onListening:)``.
    /// - Parameters:
    ///   - classifier: the loaded, validated rule packs, shared by every request.
    ///   - referrals: where to report, for markdown reports and `/v1/rules`.
    ///   - configuration: checked here (loopback or a token, limits of at least 1).
    ///   - journal: records every server classified, when set (`--journal`).
    ///   - redactionKey: the key of `?redact=true` hashes; nil refuses `redact` with 400.
    ///   - logger: where requests are logged; never with a server's names, topics or ids.
    public init(classifier: Classifier, referrals: Referrals, configuration: ServiceConfiguration,
                journal: JournalSink? = nil, redactionKey: String? = nil, logger: Logger) throws(ServiceConfiguration.Problem) {
        try configuration.validate()
        self.configuration = configuration
        self.logger = logger
        let metrics = ServiceMetrics()
        let state = ServiceState()
        self.state = state
        let context = Classification.Context(classifier: classifier, jobs: configuration.jobs, journal: journal,
                                             metrics: metrics)
        let endpoint = ClassifyEndpoint(context: context, limit: ConcurrencyLimit(capacity: configuration.maxConcurrent),
                                        configuration: configuration, referrals: referrals,
                                        redactor: redactionKey.map(Redactor.init(key:)))
        responder = ServiceResponder(classify: endpoint, token: configuration.token.map(BearerToken.init),
                                     metrics: metrics, state: state,
                                     rulesBody: ByteBuffer(string: RulesDocument.render(rules: classifier.rules,
                                                                                        referrals: referrals)))
    }

    /// Serves until SIGINT or SIGTERM, then stops taking connections, lets requests in flight finish, and returns.
    /// - Parameter onListening: called with the bound port once the server listens (the port asked, or the one
    ///   picked for port 0).
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let configuration = self.configuration
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                 serverName: "classify/\(Classifier.version)"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? configuration.port) },
            logger: logger
        )
        // The watcher is last, so graceful shutdown (in reverse order) reaches it first: /readyz turns 503 before
        // the server stops accepting; its early return must not cancel the server and the requests in flight.
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: app),
                       .init(service: DrainWatcher(state: state), successTerminationBehavior: .ignore)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        ))
        try await group.run()
    }
}
