/// The rule set's signals flattened for the engine's inner loop: integers and raw pattern pointers, no strings,
/// sets or shared objects touched per text - plus the literal prefilter that picks the patterns worth running.
struct MatchProgram: @unchecked Sendable {
    struct SignalEntry {
        /// Range of the signal's patterns in `codes`.
        let patterns: Range<Int>
        let fieldMask: UInt8
        let viewMask: UInt8
        let negatable: Bool
    }

    let signalIDs: [String]
    let entries: [SignalEntry]
    /// pcre2_code pointers, kept alive by `owners`.
    let codes: [OpaquePointer]
    /// The signal each pattern belongs to.
    let patternSignal: [Int]
    private let owners: [CompiledPattern]
    /// Nil when the prefilter is off: every pattern runs on every text.
    let scanner: LiteralScanner?
    /// Patterns with no required literal, which run on every text (for `rules lint` and the README).
    let unfilteredPatterns: [String]
    /// For each rule, its `all`, `any` and `and-any` signals as indices: a rule whose needs are not met anywhere in
    /// the server is not assembled at all.
    let ruleNeeds: [(all: [Int], any: [Int], minAny: Int, andAny: [Int])]

    init(rules: RuleSet, prefilter: Bool) {
        var ids: [String] = []
        var entries: [SignalEntry] = []
        var owners: [CompiledPattern] = []
        var literals: [Set<String>?] = []
        var unfiltered: [String] = []
        for signal in rules.signals.values.sorted(by: { $0.id < $1.id }) {
            let start = owners.count
            for pattern in signal.patterns {
                owners.append(pattern)
                // Extended mode changes what whitespace and # mean: the extractor does not read it, so no literal.
                let required = pattern.flags.extended ? nil : LiteralExtractor.requiredLiterals(of: pattern.source)
                literals.append(required)
                if required == nil { unfiltered.append(signal.id) }
            }
            ids.append(signal.id)
            entries.append(SignalEntry(patterns: start..<owners.count,
                                       fieldMask: signal.fields.reduce(0) { $0 | Self.bit($1) },
                                       viewMask: signal.views.reduce(0) { $0 | Self.bit($1) },
                                       negatable: signal.negatable))
        }
        signalIDs = ids
        self.entries = entries
        self.owners = owners
        codes = owners.map(\.code)
        patternSignal = entries.enumerated().flatMap { signal, entry in entry.patterns.map { _ in signal } }
        scanner = prefilter ? LiteralScanner(literals: literals) : nil
        unfilteredPatterns = unfiltered
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        ruleNeeds = rules.rules.map { rule in
            (rule.all.compactMap { index[$0] }, rule.any.compactMap { index[$0] }, rule.minAny,
             rule.andAny.compactMap { index[$0] })
        }
    }

    static func bit(_ field: Field) -> UInt8 {
        switch field {
        case .serverName: return 1
        case .serverDescription: return 2
        case .category: return 4
        case .channel: return 8
        case .topic: return 16
        case .tag: return 32
        case .flag: return 64
        }
    }

    static func bit(_ view: TextView.Kind) -> UInt8 {
        switch view {
        case .raw: return 1
        case .folded: return 2
        case .skeleton: return 4
        case .leet: return 8
        case .segmented: return 16
        }
    }
}
