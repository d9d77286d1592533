import Classifier
import ClassifierJournal
import Foundation
import Logging

/// One request's classification, run as the CLI runs a file: a ``RecordStream`` over the body (the library's own
/// splitter and shape detection), a ``BatchRunner`` classifying and rendering on worker threads, results in input
/// order. It runs on a thread of its own: never on Swift's cooperative pool, which it would block, nor on a Dispatch
/// worker - `BatchRunner.run` waits for work it queues on Dispatch's pool, and with every worker waiting so, under
/// load, nothing would be left to do that work (seen at 8 clients: 0.5 requests a second).
enum Classification {
    /// What the request reads from the running classification.
    enum Event: Sendable {
        /// One record rendered in the requested format; `error` is set for a record that could not be read.
        case record(ReportRenderer.Rendered, error: ServiceError?)
        /// The input is read to its end: its SHA-256 for the reports that list it, and the journal's failure if any.
        case end(inputFiles: [FileHash], journalError: String?)
    }

    /// An input and its SHA-256, as ``RecordStream/fileHashes`` lists them.
    struct FileHash: Sendable {
        let file: String
        let sha256: String
    }

    /// Everything a classification shares with the service.
    struct Context: Sendable {
        let classifier: Classifier
        let jobs: Int
        let journal: JournalSink?
        let metrics: ServiceMetrics
    }

    /// Starts classifying `body` and returns the queue its results arrive on. `slot` is released when the work
    /// ends, even if the request has stopped waiting for it.
    static func start(body: [UInt8], options: ClassifyOptions, renderer: ReportRenderer, context: Context,
                      slot: Slot, logger: Logger) -> EventQueue<Event> {
        let queue = EventQueue<Event>()
        Thread.detachNewThread {
            let started = ContinuousClock.now
            let hash = options.output == .markdown || options.output == .html
            let stream = RecordStream(bytes: body, name: options.name, hashFiles: hash)
            let entryMaker = context.journal?.entryMaker
            var entries: [JournalEntry] = []
            var verdicts: [Verdict: Int] = [:]
            var inputErrors = 0
            let runner = BatchRunner(classifier: context.classifier, jobs: context.jobs,
                                     hashInputs: options.output == .markdown || entryMaker != nil)
            runner.run(stream, render: { item -> (ReportRenderer.Rendered, JournalEntry?, ServiceError?) in
                switch item {
                case let .failed(error):
                    let rendered = renderer.render(item)
                    // The message the CLI prints for this record (redacted when asked), without its "classify: ".
                    let message = rendered.messages.first.map { String($0.dropFirst("classify: ".count)) } ?? error.description
                    return (rendered, nil, .badInput(code: ServiceError.code(of: error), message: message))
                case let .classified(result):
                    return (renderer.render(item), entryMaker?.entry(for: result), nil)
                }
            }, emit: { rendered, entry, error in
                if let entry { entries.append(entry) }
                if let verdict = rendered.verdict { verdicts[verdict, default: 0] += 1 } else { inputErrors += 1 }
                queue.push(.record(rendered, error: error))
            })
            var journalError: String?
            if let journal = context.journal, !entries.isEmpty {
                do throws(JournalError) {
                    try journal.record(entries, packVersion: context.classifier.rules.policy.version)
                } catch {
                    journalError = error.description
                    logger.error("journal write failed", metadata: ["servers": "\(entries.count)"])
                }
            }
            context.metrics.classified(verdicts: verdicts, inputErrors: inputErrors)
            // Counts and times only: no name, topic or id of the request's servers reaches the log.
            logger.info("classified", metadata: [
                "bytes": "\(body.count)",
                "servers": "\(verdicts.values.reduce(0, +))",
                "input_errors": "\(inputErrors)",
                "verdicts": .dictionary(verdicts.reduce(into: [:]) { $0[$1.key.rawValue] = "\($1.value)" }),
                "format": "\(options.output.rawValue)",
                "ms": "\((ContinuousClock.now - started).milliseconds)",
                "journaled": "\(journalError == nil ? entries.count : 0)",
            ])
            // Given back before the end is announced: a client that sends its next request as soon as it has this
            // answer must find the slot free.
            slot.release()
            queue.push(.end(inputFiles: stream.fileHashes.map { FileHash(file: $0.file, sha256: $0.sha256) },
                            journalError: journalError))
            queue.finish()
        }
        return queue
    }
}

extension Duration {
    /// Whole milliseconds, for logs.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
