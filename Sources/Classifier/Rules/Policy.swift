/// The verdict policy and shared settings of a rule set, from `Rules/policy.yaml`.
public struct Policy: Sendable {
    /// A category of the typology.
    public struct CategoryInfo: Sendable, Equatable {
        /// The category's id (`leaks`, `minors`…), as rules, scores and outputs name it.
        public let id: String
        /// Typology section number (`1` … `6`).
        public let section: String
        /// The title in each report language, by language code (`en`, `fr`).
        public let titles: [String: String]
        /// How many numbered subsections the typology gives the section (`1.1` … `1.3`): the sections a rule may cite.
        public var subsections = 3

        /// The English title.
        public var title: String { titles["en"] ?? id }

        /// The title in `language`; else the English title, else the id.
        public func title(_ language: ReportLanguage) -> String { titles[language.rawValue] ?? title }

        /// The sections a rule of this category may cite: the section and its subsections.
        public var citableSections: [String] { [section] + (0..<subsections).map { "\(section).\($0 + 1)" } }
    }

    /// Score thresholds (0–100) at which a category raises `watch` and `report-platform`.
    public struct Thresholds: Sendable, Equatable {
        /// Score (0–100) from which a category asks for `watch`.
        public var watch: Int
        /// Score (0–100) from which a category asks for `report-platform`.
        public var reportPlatform: Int
    }

    /// Version of the bundled rule packs, quoted in reports.
    public let version: String
    /// The typology's categories, in the order of scores, CSV columns and summaries.
    public let categories: [CategoryInfo]
    /// The typology section counter-evidence rules (category `context`) cite.
    public var contextSection = "7"
    /// The default thresholds; ``thresholds(for:)`` gives the ones a category actually uses.
    public let thresholds: Thresholds
    /// Per-category thresholds that replace the default ones.
    public let categoryThresholds: [String: Thresholds]
    /// Each further hit of the same rule counts this fraction of the one before (see ``Scorer``).
    public let repeatDecay: Double
    /// Categories whose stable, non-indicator hits set a verdict floor whatever the scores (minors →
    /// report-authorities).
    public let escalations: [String: Verdict]
    /// Matched against the text just before a hit: when it matches, the hit is negated ("no leaks").
    package let negationBefore: CompiledPattern?
    /// Matched against the text just after a hit ("leaks interdits").
    package let negationAfter: CompiledPattern?
    /// Matched against the clause before a hit, from the last `.;!?|` or line end: a clause that opens with a
    /// denial ("No sexualised characters who are minors.") denies every word in it.
    package let negationClause: CompiledPattern?
    /// Words the segmented view may split glued names into besides the words of the packs' own patterns (common
    /// channel words such as `pics`, `vault`, `room`), from `segmentation-words`.
    public var segmentationWords: [String] = []
    /// Everyday words, most frequent first, read from the word-list file that `segmentation-dictionary` names (one
    /// word a line, `#` comments); empty when it names none. A glued run that is one of them stays whole.
    public var segmentationDictionary: [String] = []
    /// Words of three letters fill a split only among the first this many of ``segmentationDictionary``
    /// (`segmentation-three-letter-rank`): rarer ones are mostly abbreviations and word endings (`ent`, `ing`).
    public var segmentationThreeLetterRank = 0
    /// Words of one or two letters that may fill a split too (`a`, `to`, `de`), from `segmentation-short-fillers`:
    /// the dictionary's own short words are mostly abbreviations.
    public var segmentationShortFillers: [String] = []
    /// Signals whose pattern words do not make everyday words fill a split (`segmentation-no-anchor`): first
    /// names would turn any glued name that starts with one into a name and a surname (`lisatravel`).
    public var segmentationNoAnchor: [String] = []
    /// Words that end English compounds (`segmentation-compound-heads`): a glued run of an everyday word and one of
    /// them is one word, not two (`moonchild`, `starchild`), so it is not filled into "moon child".
    public var segmentationCompoundHeads: [String] = []
    /// Signals that, found in the server's name or description, stop that header's inherited signals: a prevention
    /// server "for teens and parents" names its audience, not its targets (`header-not-inherited-with`). Ids of
    /// signals the packs do not define are ignored when loading and reported by `classify rules lint`.
    public var headerNotInheritedWith: [String] = []

    /// The thresholds `category` uses: its own when the policy sets some, else the default ones.
    public func thresholds(for category: String) -> Thresholds {
        categoryThresholds[category] ?? thresholds
    }

    /// The category with this id, or nil when the policy has none.
    public func category(_ id: String) -> CategoryInfo? {
        categories.first { $0.id == id }
    }
}
