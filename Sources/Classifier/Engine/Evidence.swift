/// Where a text sits in a server, as a moderator would point at it.
public struct Location: Sendable, Equatable, Codable {
    /// Which part of the server the text is (server name, channel topic…).
    public let field: Field
    /// Name of the category (of the category itself, or of the channel's parent).
    public let category: String?
    /// Name of the channel (for channel names and topics).
    public let channel: String?
    /// Position of the category in ``Server/categories`` and of the channel in ``Server/channels``: names repeat,
    /// positions do not (two channels called `general` are two texts).
    public let categoryIndex: Int?
    /// Position of the channel in ``Server/channels``; nil for texts outside any channel.
    public let channelIndex: Int?

    /// Makes a location; leave the indices nil for texts of the server itself (name, description).
    public init(field: Field, category: String?, channel: String?, categoryIndex: Int? = nil, channelIndex: Int? = nil) {
        self.field = field
        self.category = category
        self.channel = channel
        self.categoryIndex = categoryIndex
        self.channelIndex = channelIndex
    }
}

/// One signal found in one text: the piece of a hit that points at words in the server.
public struct EvidencePart: Sendable, Equatable {
    /// Id of the signal that matched.
    public let signal: String
    /// Where the matched text sits in the server.
    public let location: Location
    /// The whole original text the match is in (a channel name, a topic…).
    public let text: String
    /// The match, as offsets in Unicode scalars into `text` (what Python's and JavaScript's code-point indexing
    /// use), end exclusive.
    public let start: Int
    /// End of the match, exclusive, in Unicode scalars into `text` (see `start`).
    public let end: Int
    /// The matched words, exactly as in the original text.
    public let match: String
    /// The text view the pattern matched on.
    public let view: TextView.Kind
    /// What the match reads in that view ("leaks" for 𝓵𝓮𝓪𝓴𝓼); nil when the view is the raw text.
    public let viewMatch: String?

    /// Makes a part; `start` and `end` are Unicode-scalar offsets into `text`, end exclusive.
    public init(signal: String, location: Location, text: String, start: Int, end: Int, match: String,
                view: TextView.Kind, viewMatch: String? = nil) {
        self.signal = signal
        self.location = location
        self.text = text
        self.start = start
        self.end = end
        self.match = match
        self.view = view
        self.viewMatch = viewMatch
    }
}

/// One hit of one rule: every part that had to be present for it, in one scope unit.
public struct Evidence: Sendable, Equatable {
    /// Id of the rule that hit.
    public let rule: String
    /// Category id the rule belongs to (`leaks`, `minors`…).
    public let category: String
    /// Typology section the rule encodes, such as `1.2`.
    public let section: String
    /// The rule's status: an `experimental` hit is shown but never scored.
    public let status: RuleStatus
    /// Strength of the hit, 1–100, from the rule (see ``Scorer``).
    public let weight: Int
    /// True for a context clue: a verdict raised by such hits alone is capped at `watch`.
    public let indicator: Bool
    /// Categories this hit lowers, for counter-evidence; empty for an ordinary hit.
    public let lowers: [String]
    /// The rule's scope: the unit (text, channel, category, server) the parts were found together in.
    public let scope: Scope
    /// The signal matches that made up the hit, never empty; the first is ``primary``.
    public let parts: [EvidencePart]

    /// The first part: where a moderator should look first.
    public var primary: EvidencePart { parts[0] }
    /// True for counter-evidence, which lowers the scores of the categories in `lowers` instead of raising one.
    public var isCounter: Bool { !lowers.isEmpty }
}

/// A rule that could not be evaluated on a server (a match that hit a resource limit): its result is unknown, so
/// it is reported instead of being taken as "no match".
public struct RuleError: Sendable, Equatable, CustomStringConvertible {
    /// The signal whose pattern failed, and the rules that read it.
    public let signal: String
    /// Ids of the rules left unevaluated because of it.
    public let rules: [String]
    /// Where the text the pattern failed on sits in the server.
    public let location: Location
    /// Why the match failed, such as the resource limit it hit.
    public let message: String

    public var description: String {
        "rule \(rules.joined(separator: ", ")) (signal \(signal)) at \(ReportWords.english.path(location)): \(message)"
    }
}
