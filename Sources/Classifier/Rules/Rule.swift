/// How far apart the parts of a combined rule may be and still count as one hit.
public enum Scope: String, Sendable, CaseIterable, Codable {
    /// All parts in the same text (one name, one topic).
    case text
    /// All parts in one channel (its name and topic). The server's name and description form one unit too.
    case channel
    /// All parts in one category (its name, its channels' names and topics). Channels outside any category are
    /// each their own unit; the server's name and description form one unit too.
    case category
    /// Anywhere in the server.
    case server
}

/// Whether a rule's hits count toward a verdict.
public enum RuleStatus: String, Sendable, Codable {
    /// Reported and scored.
    case stable
    /// Reported in the evidence, never scored and never raising a verdict: for rules still being evaluated.
    case experimental
}

/// What a rule's hit does to the scores.
public enum RuleEffect: Sendable, Equatable {
    /// Raises its category's score.
    case raises
    /// Counter-evidence: lowers the scores of the listed categories (never `minors`, see the verdict policy).
    case lowers([String])
}

/// A rule of a rule pack: which signals must appear together, where, and what a hit means.
public final class Rule: Sendable {
    /// Unique id of the rule, as written in its pack and shown in evidence.
    public let id: String
    /// Category id (`leaks`, `tributes`, `irl-predation`, `deepfakes`, `minors`, `nsfw`).
    public let category: String
    /// The typology section the rule encodes, such as `1.2`.
    public let section: String
    /// Whether the rule's hits are scored (`stable`) or only reported (`experimental`).
    public let status: RuleStatus
    /// Strength of one hit, 1–100 (see ``Scorer``).
    public let weight: Int
    /// What a hit means, in words, for people reading a report.
    public let description: String
    /// Whether a hit raises its category's score or lowers other categories' (counter-evidence).
    public let effect: RuleEffect
    /// A context clue rather than evidence: it adds to its category's score, but a verdict raised by such hits
    /// alone is capped at `watch`, and a `minors` indicator does not escalate to `report-authorities`.
    public let indicator: Bool
    /// How far apart the rule's signals may be and still make one hit.
    public let scope: Scope
    /// The fields the rule reads: hits of its signals elsewhere are ignored for this rule.
    public let fields: Set<Field>
    /// Signals that must all be present in one scope unit.
    public let all: [String]
    /// Signals of which at least `minAny` must be present in the same unit.
    public let any: [String]
    /// How many of `any` must be present: 0 when `any` is empty, else 1 to `any.count` (1 unless the pack says).
    public let minAny: Int
    /// A second group: at least one of these must be present too (for "a person AND a sexual context").
    public let andAny: [String]
    /// Signals whose presence in the unit cancels the hit.
    public let none: [String]
    /// Texts the rule must and must not match, run by `classify rules test`.
    public let examples: Examples
    /// The pack file the rule came from, for messages.
    public let file: String
    /// Builds on other rules' hits: for each stable, non-indicator hit of these categories whose place (its
    /// channel, category and the server's name and description) also shows one of `any`, this rule hits too, with
    /// both in its evidence - how a leak or deepfake hit aimed at school pupils becomes a `minors` hit.
    public let fromHitsOf: [String]
    /// With `scope: category`, the rule hits only when at least this many categories that satisfy it hold the same
    /// channel names (a list of people filed alike, each with the same shelves - typology 1.1); 0 when unused.
    public let repeatedCategories: Int

    /// Every signal id the rule reads.
    public let signalIDs: [String]
    /// Where the rule is written, for messages.
    public let location: SourceLocation?

    init(id: String, category: String, section: String, status: RuleStatus, weight: Int, description: String,
         effect: RuleEffect, indicator: Bool, scope: Scope, fields: Set<Field>, all: [String], any: [String],
         minAny: Int, andAny: [String], none: [String], examples: Examples, file: String, fromHitsOf: [String] = [],
         repeatedCategories: Int = 0, location: SourceLocation? = nil) {
        self.id = id
        self.category = category
        self.section = section
        self.status = status
        self.weight = weight
        self.description = description
        self.effect = effect
        self.indicator = indicator
        self.scope = scope
        self.fields = fields
        self.all = all
        self.any = any
        self.minAny = minAny
        self.andAny = andAny
        self.none = none
        self.examples = examples
        self.file = file
        self.fromHitsOf = fromHitsOf
        self.repeatedCategories = repeatedCategories
        self.location = location
        signalIDs = all + any + andAny + none
    }
}
