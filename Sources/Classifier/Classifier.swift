/// The library's entry point: load a rule set once, then classify servers with it.
///
/// ```swift
/// let classifier = try Classifier(rulesDirectory: "Rules")
/// let server = Server(name: "My server", channels: [Channel(name: "general")])
/// let result = classifier.classify(server)
/// print(result.verdict)              // .clear
/// ```
///
/// A `Classifier` is immutable and may be shared between threads. ``classify(_:)`` allocates matching scratch
/// space for each call; a worker that classifies many servers should keep its own ``MatchScratch`` and call
/// ``classify(_:scratch:)``.
public final class Classifier: Sendable {
    /// classify's version, printed by `classify --version` and in reports.
    public static let version = "0.4.0"

    public let rules: RuleSet
    package let engine: RuleEngine
    public let scorer: Scorer
    private let mask: ProtectedNameMask?

    /// - Parameter prefilter: pick the patterns to run with the literal prefilter (default). Off, every pattern runs
    ///   on every text: slower, same results - kept to check that claim.
    public init(rules: RuleSet, prefilter: Bool = true) {
        self.rules = rules
        self.engine = RuleEngine(rules: rules, prefilter: prefilter)
        self.scorer = Scorer(policy: rules.policy)
        let protected = rules.protectListSignals
        self.mask = rules.protectedNames.names.isEmpty || protected.isEmpty ? nil : ProtectedNameMask(signals: protected)
    }

    /// Loads and validates the rule packs in `rulesDirectory`.
    public convenience init(rulesDirectory: String) throws(RuleSetError) {
        self.init(rules: try RuleSet.load(directory: rulesDirectory))
    }

    public func classify(_ server: Server) -> ClassificationResult {
        classify(server, scratch: MatchScratch())
    }

    public func classify(_ server: Server, scratch: MatchScratch) -> ClassificationResult {
        let scan = engine.scan(server, scratch: scratch)
        let (verdict, categories) = scorer.score(scan.evidence)
        let result = ClassificationResult(server: server, verdict: verdict, categories: categories,
                                          evidence: scan.evidence, errors: scan.errors)
        // A protected person's name never leaves the classifier in clear.
        return mask?.apply(to: result, spans: scan.protectedSpans) ?? result
    }
}
