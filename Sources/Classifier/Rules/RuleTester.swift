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

    /// - Parameter classifier: the rule set to test. Its `protect-list` signals match nothing without `--protect`,
    ///   so when it has no protected names the examples run with the signals' `example-names` instead.
    public init(classifier: Classifier) {
        let rules = classifier.rules
        let exampleNames = rules.signals.values.filter(\.fromProtectList).flatMap(\.exampleNames)
        if rules.protectedNames.names.isEmpty, !exampleNames.isEmpty,
           let withNames = try? RuleSet.load(directory: rules.directory,
                                             protectedNames: ProtectedNames(names: exampleNames)) {
            self.classifier = Classifier(rules: withNames, prefilter: classifier.engine.prefilter)
        } else {
            self.classifier = classifier
        }
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

    /// How one evasion transform fared over every example: positives still found, negatives still clean.
    public struct EvasionResult: Sendable {
        public let transform: EvasionTransform
        /// Positive examples whose variant still matched, out of those expected to (leet: only items reading the
        /// leet view are expected to).
        public var found = 0
        public var expected = 0
        /// Negative examples whose variant stayed clean.
        public var clean = 0
        public var negatives = 0
        /// Variants that did not behave; the example shown is the variant.
        public var failures: [Failure] = []

        public var recall: Double { expected == 0 ? 1 : Double(found) / Double(expected) }
    }

    /// Derives one variant of every example per transform and runs it like the example itself.
    public func runEvasion(_ transforms: [EvasionTransform] = EvasionTransform.allCases) -> [EvasionResult] {
        let scratch = MatchScratch()
        let rules = classifier.rules
        return transforms.map { transform in
            var result = EvasionResult(transform: transform)
            func check(item: String, file: String, examples: Examples, readsLeet: Bool,
                       found: (Server) -> Bool) {
                for (positive, list) in [(true, examples.match), (false, examples.noMatch)] {
                    for example in list {
                        let variant = example.map { line in
                            ExampleServer.line(line, transform: transform.apply)
                        }
                        let matched = found(ExampleServer.build(example, transform: transform.apply))
                        if positive {
                            guard transform != .leet || readsLeet, transform.expectsMatch(of: example, knownWords: rules.segmenter.words) else { continue }
                            result.expected += 1
                            if matched { result.found += 1 }
                        } else {
                            result.negatives += 1
                            if !matched { result.clean += 1 }
                        }
                        if matched != positive {
                            result.failures.append(Failure(item: item, file: file, expectedMatch: positive,
                                                           example: variant, detail: transform.rawValue))
                        }
                    }
                }
            }
            for signal in rules.signals.values.sorted(by: { $0.id < $1.id }) where !signal.isImplicit {
                check(item: signal.id, file: file(of: signal, in: rules), examples: signal.examples,
                      readsLeet: signal.views.contains(.leet)) { server in
                    signalMatches(signal, in: server, scratch: scratch)
                }
            }
            for rule in rules.rules {
                let readsLeet = (rule.all + rule.any + rule.andAny).allSatisfy { rules.signals[$0]?.views.contains(.leet) ?? false }
                check(item: rule.id, file: rule.file, examples: rule.examples, readsLeet: readsLeet) { server in
                    classifier.classify(server, scratch: scratch).evidence.contains { $0.rule == rule.id }
                }
            }
            return result
        }
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
