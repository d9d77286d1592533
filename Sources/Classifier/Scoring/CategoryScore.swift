/// How strongly a server shows one category of the typology.
public struct CategoryScore: Sendable, Equatable {
    /// The category's id, as in ``Policy/CategoryInfo/id``.
    public let id: String
    /// The category's typology section, such as `1`.
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
    /// Why the scorer gave this category its verdict; every report explains the verdict from this, never by
    /// redoing the scorer's arithmetic.
    public var reason: VerdictReason = .belowWatch
}

/// Why a category asks for the verdict it asks for, as the ``Scorer`` decided it.
public enum VerdictReason: Sendable, Equatable {
    /// The score is under the watch threshold.
    case belowWatch
    /// The score reached the watch threshold (and not the report-platform one).
    case watchThreshold(Int)
    /// The score reached the report-platform threshold, but only indicator rules raised it: capped at watch.
    case indicatorCap(Int)
    /// The score reached the report-platform threshold.
    case reportPlatformThreshold(Int)
    /// A stable, non-indicator rule of an escalated category matched: the verdict is at least this floor,
    /// whatever the score (minors → report-authorities).
    case escalation(Verdict)

    /// A stable identifier for tools (`reason` in JSON output).
    public var id: String {
        switch self {
        case .belowWatch: "below-watch"
        case .watchThreshold: "watch-threshold"
        case .indicatorCap: "indicator-cap"
        case .reportPlatformThreshold: "report-platform-threshold"
        case .escalation: "escalation"
        }
    }

    /// The threshold crossed, when the reason is one.
    public var threshold: Int? {
        switch self {
        case let .watchThreshold(value), let .indicatorCap(value), let .reportPlatformThreshold(value): value
        case .belowWatch, .escalation: nil
        }
    }
}
