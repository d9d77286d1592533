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

    /// The rule set this classifier applies: policy, signals, rules and the names it protects.
    public let rules: RuleSet
    package let engine: RuleEngine
    /// Turns a server's evidence into category scores and a verdict, following the rule set's ``Policy``.
    public let scorer: Scorer
    private let mask: ProtectedNameMask?

    /// - Parameters:
    ///   - rules: the loaded, validated rule set.
    ///   - prefilter: pick the patterns to run with the literal prefilter (default). Off, every pattern runs
    ///     on every text: slower, same results - kept to check that claim.
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

    /// Classifies one server with scratch space made for this call; safe to call from many threads at once.
    public func classify(_ server: Server) -> ClassificationResult {
        classify(server, scratch: MatchScratch())
    }

    /// Classifies one server reusing `scratch`, which no other thread may use meanwhile (one per worker).
    /// Names from ``RuleSet/protectedNames`` are masked wherever the result would show them.
    public func classify(_ server: Server, scratch: MatchScratch) -> ClassificationResult {
        let scan = engine.scan(server, scratch: scratch)
        let (verdict, categories) = scorer.score(scan.evidence)
        let result = ClassificationResult(server: server, verdict: verdict, categories: categories,
                                          evidence: scan.evidence, errors: scan.errors)
        // A protected person's name never leaves the classifier in clear.
        return mask?.apply(to: result, spans: scan.protectedSpans) ?? result
    }
}
