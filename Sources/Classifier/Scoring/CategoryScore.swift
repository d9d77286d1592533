/// How strongly a server shows one category of the typology.
public struct CategoryScore: Sendable, Equatable {
    public let id: String
    public let section: String
    /// 0–100, after counter-evidence (see ``Scorer``).
    public let score: Int
    /// The score before counter-evidence lowered it.
    public let rawScore: Int
    /// What this category alone asks for.
    public let verdict: Verdict
    /// Stable hits that counted toward the score.
    public let hits: Int
    /// Ids of the rules with evidence in this category, in rule order.
    public let rules: [String]
    /// Ids of the counter-evidence rules that lowered this score.
    public let loweredBy: [String]
    /// True when only indicator rules (context clues) raised the score: the verdict is capped at `watch`.
    public let indicatorOnly: Bool
}
