/// Runs every example of every rule and signal through the real engine.
public struct RuleTester: Sendable {
    /// One example that did not behave as its rule says.
    public struct Failure: Sendable, CustomStringConvertible {
        public let item: String
        public let file: String
        public let expectedMatch: Bool
        public let example: [String]
        public let detail: String?

        public var description: String {
            let shown = example.map { "\"\($0)\"" }.joined(separator: " / ")
            var text = "\(item): \(expectedMatch ? "should match" : "should not match") \(shown)"
            if let detail { text += " (\(detail))" }
            return text
        }
    }

    public struct Report: Sendable {
        public var passed = 0
        public var failures: [Failure] = []
    }

    public let classifier: Classifier

    public init(classifier: Classifier) {
        self.classifier = classifier
    }

    public func run() -> Report {
        var report = Report()
        let scratch = MatchScratch()
        let rules = classifier.rules
        for signal in rules.signals.values.sorted(by: { $0.id < $1.id }) where !signal.isImplicit {
            for (expected, examples) in [(true, signal.examples.match), (false, signal.examples.noMatch)] {
                for example in examples {
                    let found = signalMatches(signal, in: ExampleServer.build(example), scratch: scratch)
                    record(found == expected, item: signal.id, file: file(of: signal, in: rules), expected: expected,
                           example: example, detail: nil, into: &report)
                }
            }
        }
        for rule in rules.rules {
            for (expected, examples) in [(true, rule.examples.match), (false, rule.examples.noMatch)] {
                for example in examples {
                    let result = classifier.classify(ExampleServer.build(example), scratch: scratch)
                    let found = result.evidence.contains { $0.rule == rule.id }
                    let detail = result.errors.first.map { "error: \($0.message)" }
                    record(found == expected && result.errors.isEmpty, item: rule.id, file: rule.file,
                           expected: expected, example: example, detail: detail, into: &report)
                }
            }
        }
        return report
    }

    private func record(_ ok: Bool, item: String, file: String, expected: Bool, example: [String], detail: String?,
                        into report: inout Report) {
        if ok { report.passed += 1 } else {
            report.failures.append(Failure(item: item, file: file, expectedMatch: expected, example: example,
                                           detail: detail))
        }
    }

    private func signalMatches(_ signal: Signal, in server: Server, scratch: MatchScratch) -> Bool {
        classifier.engine.signalHits(server, signal: signal.id, scratch: scratch) > 0
    }

    private func file(of signal: Signal, in rules: RuleSet) -> String {
        rules.signalFiles[signal.id] ?? rules.directory
    }
}
