/// Where a text sits in a server, as a moderator would point at it.
public struct Location: Sendable, Equatable, Codable {
    public let field: Field
    /// Name of the category (of the category itself, or of the channel's parent).
    public let category: String?
    /// Name of the channel (for channel names and topics).
    public let channel: String?
    /// Position of the category in ``Server/categories`` and of the channel in ``Server/channels``: names repeat,
    /// positions do not (two channels called `general` are two texts).
    public let categoryIndex: Int?
    public let channelIndex: Int?

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
    public let signal: String
    public let location: Location
    /// The whole original text the match is in (a channel name, a topic…).
    public let text: String
    /// The match, as offsets in Unicode scalars into `text` (what Python's and JavaScript's code-point indexing
    /// use), end exclusive.
    public let start: Int
    public let end: Int
    /// The matched words, exactly as in the original text.
    public let match: String
    /// The text view the pattern matched on.
    public let view: TextView.Kind
    /// What the match reads in that view ("leaks" for 𝓵𝓮𝓪𝓴𝓼); nil when the view is the raw text.
    public let viewMatch: String?

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
    public let rule: String
    public let category: String
    public let section: String
    public let status: RuleStatus
    public let weight: Int
    public let indicator: Bool
    /// Categories this hit lowers, for counter-evidence; empty for an ordinary hit.
    public let lowers: [String]
    public let scope: Scope
    public let parts: [EvidencePart]

    /// The first part: where a moderator should look first.
    public var primary: EvidencePart { parts[0] }
    public var isCounter: Bool { !lowers.isEmpty }
}

/// A rule that could not be evaluated on a server (a match that hit a resource limit): its result is unknown, so
/// it is reported instead of being taken as "no match".
public struct RuleError: Sendable, Equatable, CustomStringConvertible {
    /// The signal whose pattern failed, and the rules that read it.
    public let signal: String
    public let rules: [String]
    public let location: Location
    public let message: String

    public var description: String {
        "rule \(rules.joined(separator: ", ")) (signal \(signal)) at \(ReportWords.english.path(location)): \(message)"
    }
}
