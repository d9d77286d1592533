import Classifier
/// Runs every example of every rule and signal through the real engine.
public struct RuleTester: Sendable {
    /// One example that did not behave as its rule says.
    public struct Failure: Sendable, CustomStringConvertible {
        /// The id of the rule or signal the example belongs to.
        public let item: String
        /// Where the example is written (the rule or signal when the example's own place is unknown).
        public let location: SourceLocation
        /// True for an `examples.match` example, false for one of `examples.no-match`.
        public let expectedMatch: Bool
        /// The example's lines as written; for an evasion failure, the transformed variant.
        public let example: [String]
        /// More about the failure when there is more: the first rule error, or the evasion transform's name.
        public let detail: String?
        /// True when the run itself failed (a match limit, an error record), whatever was expected.
        public var runFailed = false

        /// The file the example is written in.
        public var file: String { location.file }
        /// E203 when the run failed, else E201 (not matched) or E202 (wrongly matched).
        public var code: PackProblem {
            runFailed ? .exampleError : expectedMatch ? .exampleNotMatched : .exampleWronglyMatched
        }

        public var description: String {
            let shown = example.map { "\"\($0)\"" }.joined(separator: " / ")
            var text = "\(location): error[\(code.rawValue)]: \(item): "
                + "\(expectedMatch ? "should match" : "should not match") \(shown)"
            if let detail { text += " (\(detail))" }
            return text
        }
    }

    /// What ``run()`` found.
    public struct Report: Sendable {
        /// Examples that behaved as written.
        public var passed = 0
        /// Examples that did not: signals (by id) first, then rules in load order.
        public var failures: [Failure] = []
    }

    /// The classifier the examples run on: the one given, or, when it protects no names, one whose `protect-list`
    /// signals use their `example-names`.
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

    /// Runs every `match` and `no-match` example of every signal and rule through the engine; a rule's example
    /// also fails when any rule cannot be evaluated on it.
    public func run() -> Report {
        var report = Report()
        let scratch = MatchScratch()
        let rules = classifier.rules
        for signal in rules.signals.values.sorted(by: { $0.id < $1.id }) where !signal.isImplicit {
            for expected in [true, false] {
                for (index, example) in (expected ? signal.examples.match : signal.examples.noMatch).enumerated() {
                    let found = signalMatches(signal, in: ExampleServer.build(example), scratch: scratch)
                    if found == expected { report.passed += 1; continue }
                    report.failures.append(Failure(item: signal.id, location: location(of: signal, expected, index, in: rules),
                                                   expectedMatch: expected, example: example, detail: nil))
                }
            }
        }
        for rule in rules.rules {
            for expected in [true, false] {
                for (index, example) in (expected ? rule.examples.match : rule.examples.noMatch).enumerated() {
                    let result = classifier.classify(ExampleServer.build(example), scratch: scratch)
                    let found = result.evidence.contains { $0.rule == rule.id }
                    if found == expected && result.errors.isEmpty { report.passed += 1; continue }
                    var failure = Failure(item: rule.id, location: location(of: rule, expected, index),
                                          expectedMatch: expected, example: example,
                                          detail: result.errors.first.map { "error: \($0.message)" })
                    failure.runFailed = !result.errors.isEmpty
                    report.failures.append(failure)
                }
            }
        }
        return report
    }

    /// How one evasion transform fared over every example: positives still found, negatives still clean.
    public struct EvasionResult: Sendable {
        /// The transform these counts are for.
        public let transform: EvasionTransform
        /// Positive examples whose variant still matched, out of those expected to (leet: only items reading the
        /// leet view are expected to).
        public var found = 0
        /// Positive examples expected to survive the transform, of which ``found`` did; what ``recall`` divides by.
        public var expected = 0
        /// Negative examples whose variant stayed clean.
        public var clean = 0
        /// Negative examples run with the transform, of which ``clean`` stayed clean.
        public var negatives = 0
        /// Variants that did not behave; the example shown is the variant.
        public var failures: [Failure] = []

        /// ``found`` over ``expected``, 0–1; 1 when no example was expected to match.
        public var recall: Double { expected == 0 ? 1 : Double(found) / Double(expected) }
    }

    /// Derives one variant of every example per transform and runs it like the example itself.
    public func runEvasion(_ transforms: [EvasionTransform] = EvasionTransform.allCases) -> [EvasionResult] {
        let scratch = MatchScratch()
        let rules = classifier.rules
        return transforms.map { transform in
            var result = EvasionResult(transform: transform)
            func check(item: String, at place: (Bool, Int) -> SourceLocation, examples: Examples, readsLeet: Bool,
                       found: (Server) -> Bool) {
                for (positive, list) in [(true, examples.match), (false, examples.noMatch)] {
                    for (index, example) in list.enumerated() {
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
                            result.failures.append(Failure(item: item, location: place(positive, index), expectedMatch: positive,
                                                           example: variant, detail: transform.rawValue))
                        }
                    }
                }
            }
            for signal in rules.signals.values.sorted(by: { $0.id < $1.id }) where !signal.isImplicit {
                check(item: signal.id, at: { location(of: signal, $0, $1, in: rules) }, examples: signal.examples,
                      readsLeet: signal.views.contains(.leet)) { server in
                    signalMatches(signal, in: server, scratch: scratch)
                }
            }
            for rule in rules.rules {
                let readsLeet = (rule.all + rule.any + rule.andAny).allSatisfy { rules.signals[$0]?.views.contains(.leet) ?? false }
                check(item: rule.id, at: { location(of: rule, $0, $1) }, examples: rule.examples, readsLeet: readsLeet) { server in
                    classifier.classify(server, scratch: scratch).evidence.contains { $0.rule == rule.id }
                }
            }
            return result
        }
    }


    private func signalMatches(_ signal: Signal, in server: Server, scratch: MatchScratch) -> Bool {
        classifier.engine.signalHits(server, signal: signal.id, scratch: scratch) > 0
    }

    /// Where an example is written: its own node, else its signal's or rule's.
    private func location(of signal: Signal, _ positive: Bool, _ index: Int, in rules: RuleSet) -> SourceLocation {
        signal.examples.location(positive: positive, index: index) ?? signal.location
            ?? SourceLocation(file: rules.signalFiles[signal.id] ?? rules.directory)
    }

    private func location(of rule: Rule, _ positive: Bool, _ index: Int) -> SourceLocation {
        rule.examples.location(positive: positive, index: index) ?? rule.location ?? SourceLocation(file: rule.file)
    }
}
