/// A named indicator: one or more patterns looked for in some fields of a server. Signals are the building blocks
/// of rules; by themselves they are not evidence.
public struct Signal: Sendable {
    /// Unique id of the signal, as rules name it in `all`, `any`, `and-any` and `none`.
    public let id: String
    /// What the signal looks for, in words, for people reading the pack.
    public let description: String
    /// The fields the patterns run on; the signal never matches elsewhere.
    public let fields: Set<Field>
    package let patterns: [CompiledPattern]
    /// The text views the patterns run on; the raw view always, the others as the pack says.
    public let views: Set<TextView.Kind>
    /// When false, the negation guard is not applied (for signals whose own text is a negation, such as
    /// "no age limit").
    public let negatable: Bool
    /// Texts the signal must and must not match, run by `classify rules test`.
    public let examples: Examples
    /// True for the implicit signal a rule with its own `patterns` gets.
    public let isImplicit: Bool
    /// Found in a category name, it counts for every channel of that category; found in the server's name or
    /// description, for every category and channel of the server. For signals that say who is targeted or what
    /// kind of space this is (a school level, minors, an adult space) - never for a lone content word.
    public var inherited = false
    /// Signals whose presence in the same channel (its name, topic and tags) cancels this signal's hits there:
    /// parent and victim framing ("que faire si", "how to report") that denies the leak word it frames.
    public var deniedBy: [String] = []
    /// When true, a `deniedBy` signal in any channel of a category also cancels this signal in the category's own
    /// name: a category is named for what its channels hold ("Dossier" over "RelectureCV" is a file of applications).
    /// Only for content words; a signal that says who is targeted never opts in, or one channel could hide a category.
    public var deniedByChannels = false
    /// When true, a `deniedBy` signal in a category's own name also cancels this signal in that category's channels
    /// whose whole name the hit is: a bare channel reads as its category says ("TAILLES" over "10-14-ans" is a
    /// clothing size, "yearbook" over "candids" the yearbook's), while "locker-room-candids" keeps its own words.
    public var deniedByCategory = false
    /// Signals whose presence in the server's own name or description cancels this signal everywhere in the server:
    /// a server named for a collecting hobby ("Échanges LEGO entre collectionneurs") collects that hobby in every
    /// channel. Only for words the server's subject settles, and only with deniers read in the header alone.
    public var deniedByHeader: [String] = []
    /// The signal's patterns come from the names a team protects (`--protect FILE`, ``ProtectedNames``), not from
    /// the pack: without such a list it matches nothing. `exampleNames` stand in for that list in `rules test`.
    public var fromProtectList = false
    /// Stand-in protected names for `rules test` when the signal comes from the protect list; empty otherwise.
    public var exampleNames: [String] = []
    /// Where the signal (or the rule that owns an implicit signal) is written, for messages.
    public var location: SourceLocation?

    /// Views read when a pack does not say: all of them. Leet was opt-in until 2026.12.6; it leaves words of digits
    /// alone (13-17, 18+, 2026) and keeps ages and years at a word's edges (15y0 → 15yo), so ages read there too. A
    /// signal whose exceptions leet could read past lists its own views.
    public static let defaultViews: Set<TextView.Kind> = [.raw, .folded, .skeleton, .leet, .segmented]
}

/// Texts a rule or signal must match and must not match, kept beside it and run by `classify rules test`.
///
/// An example is one or more lines of a small server structure. A bare line is a channel name; a prefix puts it
/// elsewhere: `server:`, `description:`, `category:` (the following channels go into it), `channel:`, `topic:`
/// (the topic of the channel before it).
public struct Examples: Sendable, Equatable {
    /// Examples that must match: each one is the lines of a small server.
    public var match: [[String]]
    /// Examples that must not match: each one is the lines of a small server.
    public var noMatch: [[String]]
    /// Where each example of `match` and `noMatch` is written, index for index (empty when built in code).
    public var matchAt: [SourceLocation] = []
    /// Where each example of `noMatch` is written, index for index (empty when built in code).
    public var noMatchAt: [SourceLocation] = []

    /// Makes examples from line lists; the source locations stay empty.
    public init(match: [[String]] = [], noMatch: [[String]] = []) {
        self.match = match
        self.noMatch = noMatch
    }

    /// Where the `index`th example of one list is written, if known.
    public func location(positive: Bool, index: Int) -> SourceLocation? {
        let list = positive ? matchAt : noMatchAt
        return list.indices.contains(index) ? list[index] : nil
    }
}
