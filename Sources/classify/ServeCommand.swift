import ArgumentParser
import Classifier
import ClassifierJournal
import ClassifierService
import Foundation
import Logging

/// `classify serve`: the HTTP service (ClassifierService). This command only reads options, loads the rule packs
/// once, and hands them to the service.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve classify over HTTP for moderation bots, with a page for volunteers at /.",
        discussion: """
            POST /v1/classify takes a body in any shape classify reads and answers the --format json objects \
            (NDJSON with 'Accept: application/x-ndjson'); ?format=markdown|html|csv, ?lang=fr|en, ?redact=true as \
            on the command line. Also GET /v1/rules, /healthz, /readyz, /metrics, /openapi.json, and / (the page).
            Listens on loopback only unless --token-file is given. SIGINT or SIGTERM stop it once requests in \
            flight are answered.

            Examples:
              classify serve                                   http://127.0.0.1:8080/
              curl --data-binary @Examples/leak-server.json http://127.0.0.1:8080/v1/classify
              classify serve --host 0.0.0.0 --token-file /etc/classify/token --journal /var/lib/classify/watch.sqlite
            """
    )

    @Option(help: "Address to listen on (non-loopback addresses need --token-file).")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0: any free port, logged at start).")
    var port = 8080

    @OptionGroup var rulesOption: RulesOption

    @OptionGroup var keyOption: KeyOption

    @Option(help: ArgumentHelp("Record every server classified in this watch journal (names masked, ids hashed with the redaction key).", valueName: "PATH"))
    var journal: String?

    @Option(name: .customLong("token-file"), help: ArgumentHelp("File whose first line is the bearer token /v1 and /metrics require.", valueName: "PATH"))
    var tokenFile: String?

    @Option(name: .customLong("max-body"), help: ArgumentHelp("Largest request body; 413 past it.", valueName: "BYTES"))
    var maxBody = 16 << 20

    @Option(name: .customLong("max-concurrent"), help: ArgumentHelp("Classifications at once; 503 with Retry-After past it (default: one per core).", valueName: "N"))
    var maxConcurrent = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Seconds one classification may take; 503 past it.", valueName: "SECONDS"))
    var timeout = 30

    @Option(name: [.short, .long], help: "Worker threads of one classification (a big JSON Lines body).")
    var jobs = 1

    @Option(name: .customLong("log-level"), help: "Log level on standard error: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level: \(logLevel) is not a level") }
    }

    func run() throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "classify.serve")
        var token: String?
        if let tokenFile {
            do { token = try BearerToken.load(path: tokenFile) } catch {
                Output.error("classify: \(error)")
                throw ExitCode(2)
            }
        }
        let configuration = ServiceConfiguration(host: host, port: port, token: token, maxBody: maxBody,
                                                 maxConcurrent: maxConcurrent, timeout: timeout, jobs: jobs)
        do { try configuration.validate() } catch {
            Output.error("classify serve: \(error)")
            throw ExitCode(2)
        }
        // Loaded and validated once, before anything listens: a broken pack never serves a single request.
        let classifier = try rulesOption.load()
        let referrals = try rulesOption.referrals(for: classifier)
        let key = try keyOption.resolve()
        var sink: JournalSink?
        if let journal {
            do { sink = JournalSink(journal: try Journal(path: journal, key: key)) } catch {
                Output.error("classify: \(error)")
                throw ExitCode(2)
            }
        }
        let server = try ClassifyServer(classifier: classifier, referrals: referrals, configuration: configuration,
                                        journal: sink, redactionKey: key, logger: logger)
        let failure = ServeFailure()
        let done = DispatchSemaphore(value: 0)
        let rules = classifier.rules.policy.version
        Task {
            do {
                try await server.run { port in
                    // One line people and tests read to find the port (with --port 0).
                    Output.writeStandardError("classify serve: listening on http://\(host.contains(":") ? "[\(host)]" : host):\(port)/ (rule packs \(rules))\n")
                }
            } catch {
                failure.set("\(error)")
            }
            done.signal()
        }
        done.wait()
        if let message = failure.message {
            Output.error("classify serve: \(message)")
            throw ExitCode(2)
        }
    }
}

/// The error that ended the server, handed from its task to the command's thread.
final class ServeFailure: @unchecked Sendable {
    // @unchecked: written once by the server task before the semaphore is signalled, read after it.
    private(set) var message: String?
    func set(_ message: String) { self.message = message }
}
