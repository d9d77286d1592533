import Foundation

/// Turns evidence into category scores and a verdict, following the rule set's ``Policy``.
///
/// Score of a category, 0–100:
/// 1. Each stable, score-raising hit contributes its rule's weight; the k-th further hit of the same rule
///    (k = 1, 2, …) contributes `weight × repeatDecay^k`, so fifty copies of one channel do not outweigh two
///    different signals. An indicator rule (a context clue) counts once, however many hits it has.
/// 2. Contributions combine like independent probabilities: `raw = 100 × (1 − Π(1 − c/100))`. One hit of weight
///    40 gives 40; two gives 64; the score never passes 100.
/// 3. Each stable counter-evidence rule that lowers the category (once per rule, however many hits) multiplies
///    the score by `(1 − weight/100)`.
///
/// Verdict: a category at or above its `report-platform` threshold asks for `report-platform`, at or above
/// `watch` for `watch`; a category raised only by indicator rules asks for `watch` at most. The server's verdict
/// is the highest any category asks for. Then escalation: a stable, non-indicator hit in an escalated category
/// (`minors`) sets the verdict to at least its floor (`report-authorities`), whatever the scores and whatever
/// counter-evidence says. Experimental rules are reported but never counted.
public struct Scorer: Sendable {
    /// Thresholds, repeat decay and escalations the scores follow.
    public let policy: Policy

    /// A scorer for `policy`.
    public init(policy: Policy) {
        self.policy = policy
    }

    /// Scores one server's evidence: the server's verdict, and a ``CategoryScore`` for every category with
    /// evidence or counter-evidence, in policy order.
    public func score(_ evidence: [Evidence]) -> (verdict: Verdict, categories: [CategoryScore]) {
        var categories: [CategoryScore] = []
        var verdict = Verdict.clear
        let counters = evidence.filter { $0.isCounter && $0.status == .stable }
        for info in policy.categories {
            let own = evidence.filter { $0.category == info.id }
            let lowering = orderedUnique(counters.filter { $0.lowers.contains(info.id) }.map(\.rule))
            guard !own.isEmpty || !lowering.isEmpty else { continue }
            let counted = own.filter { $0.status == .stable && !$0.isCounter }
            var perRule: [String: Int] = [:]
            var remaining = 1.0
            for hit in counted {
                let repeats = perRule[hit.rule, default: 0]
                perRule[hit.rule] = repeats + 1
                // A context clue says the same thing however often it appears: three game "leaks" channels are
                // no more a leak server than one.
                if hit.indicator && repeats > 0 { continue }
                let contribution = Double(hit.weight) / 100 * pow(policy.repeatDecay, Double(repeats))
                remaining *= 1 - min(contribution, 1)
            }
            let raw = 100 * (1 - remaining)
            var factor = 1.0
            for rule in lowering {
                if let weight = counters.first(where: { $0.rule == rule })?.weight { factor *= 1 - Double(weight) / 100 }
            }
            let lowered = policy.escalations[info.id] != nil ? raw : raw * factor
            let score = Int(lowered.rounded())
            let indicatorOnly = !counted.isEmpty && counted.allSatisfy(\.indicator)
            let thresholds = policy.thresholds(for: info.id)
            var level = level(for: score, category: info.id)
            var reason: VerdictReason = level == .reportPlatform ? .reportPlatformThreshold(thresholds.reportPlatform)
                : level == .watch ? .watchThreshold(thresholds.watch) : .belowWatch
            if indicatorOnly, level > .watch {
                level = .watch
                reason = .indicatorCap(thresholds.reportPlatform)
            }
            if let floor = policy.escalations[info.id], counted.contains(where: { !$0.indicator }) {
                level = max(level, floor)
                reason = .escalation(floor)
            }
            verdict = max(verdict, level)
            categories.append(CategoryScore(id: info.id, section: info.section, score: score,
                                            rawScore: Int(raw.rounded()), verdict: level, hits: counted.count,
                                            rules: orderedUnique(own.map(\.rule)),
                                            loweredBy: policy.escalations[info.id] != nil ? [] : lowering,
                                            indicatorOnly: indicatorOnly, reason: reason))
        }
        return (verdict, categories)
    }

    private func level(for score: Int, category: String) -> Verdict {
        let thresholds = policy.thresholds(for: category)
        if score >= thresholds.reportPlatform { return .reportPlatform }
        if score >= thresholds.watch { return .watch }
        return .clear
    }

    private func orderedUnique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}
