/// Runs a rule set's signals over a server's texts and assembles rule hits. Holds no per-server state: one engine
/// serves every thread, each with its own ``MatchScratch``.
package struct RuleEngine: Sendable {
    public let rules: RuleSet
    /// Whether the literal prefilter picks the patterns to run (on by default; off gives the same results, slower).
    public let prefilter: Bool
    let program: MatchProgram
    /// Bytes of context either side of a match that the negation guard looks at.
    static let negationWindow = 48
    /// Bytes before a hit that the clause denial looks back over for the start of its clause.
    static let clauseWindow = 160

    /// Looked up once here rather than by signal id for every server: which signals are inherited, which are denied
    /// by which, and which hold protected names.
    let inherited: Set<String>
    let denials: [(signal: String, deniedBy: [String], byChannels: Bool, byCategory: Bool)]
    /// Signals cancelled everywhere by a denier in the server's name or description (`denied-by-header`).
    let headerDenials: [(signal: String, deniedBy: [String])]
    let protectList: [String]
    /// Each rule's distinct signals as numbered slots, so assembling a rule works on small arrays, not on
    /// dictionaries keyed by signal id.
    let ruleSlots: [RuleSlots]

    struct RuleSlots {
        /// The rule's distinct signal ids, in first-appearance order of `all`, `any`, `and-any`, `none`.
        let ids: [String]
        let inherited: [Bool]
        let all: [Int], any: [Int], andAny: [Int], none: [Int]
        /// The slots of the parts shown in the evidence, in `all`, `any`, `and-any` order.
        let shown: [Int]
    }

    public init(rules: RuleSet, prefilter: Bool = true) {
        self.rules = rules
        self.prefilter = prefilter
        self.program = MatchProgram(rules: rules, prefilter: prefilter)
        inherited = Set(rules.signals.values.filter(\.inherited).map(\.id))
        denials = rules.signals.values.filter { !$0.deniedBy.isEmpty }
            .map { ($0.id, $0.deniedBy, $0.deniedByChannels, $0.deniedByCategory) }
            .sorted { $0.signal < $1.signal }
        headerDenials = rules.signals.values.filter { !$0.deniedByHeader.isEmpty }.map { ($0.id, $0.deniedByHeader) }
            .sorted { $0.signal < $1.signal }
        protectList = rules.protectListSignals.sorted()
        let inherited = self.inherited
        ruleSlots = rules.rules.map { rule in
            var ids: [String] = []
            var slot: [String: Int] = [:]
            for id in rule.signalIDs where slot[id] == nil {
                slot[id] = ids.count
                ids.append(id)
            }
            func slots(_ list: [String]) -> [Int] { list.map { slot[$0]! } }
            return RuleSlots(ids: ids, inherited: ids.map { inherited.contains($0) }, all: slots(rule.all),
                             any: slots(rule.any), andAny: slots(rule.andAny), none: slots(rule.none),
                             shown: slots(rule.all + rule.any + rule.andAny))
        }
    }

    /// Signals with a pattern that has no required literal and so runs on every text, prefilter or not.
    public var signalsWithoutLiterals: [String] { Array(Set(program.unfilteredPatterns)).sorted() }

    /// What the engine found in one server: evidence and the rules that could not be evaluated.
    public struct Scan: Sendable {
        public var evidence: [Evidence]
        public var errors: [RuleError]
        /// Where protected names (``ProtectedNames``) appear, by text: masked in every output.
        public var protectedSpans: [String: [Range<Int>]] = [:]
    }

    public func scan(_ server: Server, scratch: MatchScratch) -> Scan {
        let texts = FieldText.texts(of: server)
        var errors: [RuleError] = []
        var hits = findSignals(in: texts, server: server, scratch: scratch, errors: &errors)
        var evidence: [Evidence] = []
        if !hits.isEmpty {
            applyDenials(&hits, texts: texts)
            let places = Places(texts: texts, server: server)
            // A protective header (a prevention or support server) names its audience, not targets: nothing of it
            // is inherited.
            let headerInherits = !rules.policy.headerNotInheritedWith.contains { id in
                hits[id]?.contains { texts[$0.textIndex].channelIndex == nil && texts[$0.textIndex].categoryIndex == nil } ?? false
            }
            var present = [Bool](repeating: false, count: program.entries.count)
            for list in hits.values { for hit in list { present[hit.signalIndex] = true } }
            var found: [(evidence: Evidence, texts: Set<Int>)] = []
            for (index, needs) in program.ruleNeeds.enumerated()
            where rules.rules[index].fromHitsOf.isEmpty && needs.all.allSatisfy({ present[$0] })
                && needs.any.lazy.filter({ present[$0] }).count >= needs.minAny
                && (needs.andAny.isEmpty || needs.andAny.contains(where: { present[$0] })) {
                found += assemble(rules.rules[index], slots: ruleSlots[index], hits: hits, texts: texts, server: server,
                                  places: places, headerInherits: headerInherits)
            }
            for rule in rules.rules where !rule.fromHitsOf.isEmpty {
                found += buildOn(rule, found: found, hits: hits, texts: texts, server: server, places: places)
            }
            evidence = found.map(\.evidence)
        }
        var protectedSpans: [String: [Range<Int>]] = [:]
        for id in protectList {
            for hit in hits[id] ?? [] {
                let part = part(for: hit, texts: texts, server: server)
                protectedSpans[part.text, default: []].append(part.start..<part.end)
            }
        }
        return Scan(evidence: evidence, errors: errors, protectedSpans: protectedSpans)
    }

    /// Where each text sits, for inherited signals and for rules that build on other hits.
    struct Places {
        /// Text indices of each channel (name, topic, tags, flags).
        var channelTexts: [[Int]]
        /// Text index of each category's name.
        var categoryText: [Int?]
        /// Text indices of the server's name and description.
        var headerTexts: [Int] = []
        /// Text indices of the channels of each category.
        var categoryChannelTexts: [[Int]]

        init(texts: [FieldText], server: Server) {
            channelTexts = Array(repeating: [], count: server.channels.count)
            categoryText = Array(repeating: nil, count: server.categories.count)
            categoryChannelTexts = Array(repeating: [], count: server.categories.count)
            for (index, text) in texts.enumerated() {
                if let channel = text.channelIndex {
                    channelTexts[channel].append(index)
                    if let category = text.categoryIndex { categoryChannelTexts[category].append(index) }
                }
                else if let category = text.categoryIndex { categoryText[category] = index }
                else { headerTexts.append(index) }
            }
        }

        /// The texts a text's place is made of, with what it inherits: its channel's texts, its category's name and
        /// the server's name and description.
        func context(of text: FieldText, index: Int) -> [Int] {
            var result: [Int] = []
            if let channel = text.channelIndex { result += channelTexts[channel] } else { result.append(index) }
            if let category = text.categoryIndex, let name = categoryText[category], name != index { result.append(name) }
            result += headerTexts.filter { $0 != index }
            return result
        }
    }

    /// Drops the hits of signals whose `denied-by` signals appear in the same channel, in the server's header (its
    /// name and description are one place), or in the same text elsewhere: the parent or victim framing that turns
    /// a leak word into a call for help. With `denied-by-channels`, a denier in a channel also drops the hit in its
    /// category's name; with `denied-by-category`, a denier in a category's name drops the hits in its channels that
    /// it names whole; `denied-by-header` signals in the server's name or description drop every hit.
    private func applyDenials(_ hits: inout [String: [SignalHit]], texts: [FieldText]) {
        func isHeader(_ text: FieldText) -> Bool { text.field == .serverName || text.field == .serverDescription }
        for (id, deniedBy) in headerDenials where hits[id] != nil {
            if deniedBy.contains(where: { (hits[$0] ?? []).contains { isHeader(texts[$0.textIndex]) } }) { hits[id] = nil }
        }
        for (id, deniedBy, byChannels, byCategory) in denials {
            guard let list = hits[id] else { continue }
            guard deniedBy.contains(where: { hits[$0] != nil }) else { continue }
            var denyingChannels = Set<Int>(), denyingTexts = Set<Int>(), denyingHeader = false
            var denyingCategories = Set<Int>(), denyingCategoryNames = Set<Int>()
            for denier in deniedBy {
                for hit in hits[denier] ?? [] {
                    let text = texts[hit.textIndex]
                    if let channel = text.channelIndex {
                        denyingChannels.insert(channel)
                        if byChannels, let category = text.categoryIndex { denyingCategories.insert(category) }
                    }
                    if isHeader(text) { denyingHeader = true }
                    if byCategory, text.field == .category, let category = text.categoryIndex {
                        denyingCategoryNames.insert(category)
                    }
                    denyingTexts.insert(hit.textIndex)
                }
            }
            guard !denyingTexts.isEmpty else { continue }
            let kept = list.filter { hit in
                let text = texts[hit.textIndex]
                if let channel = text.channelIndex {
                    if let category = text.categoryIndex, denyingCategoryNames.contains(category),
                       Self.isWholeName(hit, of: text.text) { return false }
                    return !denyingChannels.contains(channel)
                }
                if denyingHeader, isHeader(text) { return false }
                if text.field == .category, let category = text.categoryIndex, denyingCategories.contains(category) {
                    return false
                }
                return !denyingTexts.contains(hit.textIndex)
            }
            hits[id] = kept.isEmpty ? nil : kept
        }
    }

    /// Whether a hit is its text's whole name - nothing but separators, emoji and decoration around it ("📸┃candids",
    /// not "locker-room-candids"): only such a bare channel reads as its category says.
    static func isWholeName(_ hit: SignalHit, of text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard hit.originalBytes.upperBound <= bytes.count else { return false }
        func bare(_ range: Range<Int>) -> Bool {
            String(decoding: bytes[range], as: UTF8.self).unicodeScalars.allSatisfy {
                !$0.properties.isAlphabetic && $0.properties.numericType == nil
            }
        }
        return bare(0..<hit.originalBytes.lowerBound) && bare(hit.originalBytes.upperBound..<bytes.count)
    }

    /// Hits of a rule with `from-hits-of`: one for each stable, non-indicator hit of those categories whose place
    /// (its channel, category and the server's header; the whole server for `scope: server`) also shows one of the
    /// rule's `any` signals.
    private func buildOn(_ rule: Rule, found: [(evidence: Evidence, texts: Set<Int>)], hits: [String: [SignalHit]],
                         texts: [FieldText], server: Server, places: Places) -> [(evidence: Evidence, texts: Set<Int>)] {
        var byText: [Int: SignalHit] = [:]
        for id in rule.any { for hit in hits[id] ?? [] where byText[hit.textIndex] == nil { byText[hit.textIndex] = hit } }
        guard !byText.isEmpty else { return [] }
        var result: [(evidence: Evidence, texts: Set<Int>)] = []
        for (source, sourceTexts) in found {
            guard rule.fromHitsOf.contains(source.category), source.status == .stable, !source.indicator,
                  source.lowers.isEmpty else { continue }
            var context: [Int] = []
            // `scope: server`: the server is one place, so a child target filed anywhere in it counts. So it is for a
            // hit found in the server's own name or description alone ("Shower Cam Uploads"): the name covers every
            // category under it, "YOUTH TEAM U14" included.
            let inHeaderOnly = !sourceTexts.isEmpty && sourceTexts.allSatisfy { places.headerTexts.contains($0) }
            if rule.scope == .server || inHeaderOnly { context = Array(texts.indices) }
            for index in sourceTexts.sorted() where rule.scope != .server && !inHeaderOnly {
                context += places.context(of: texts[index], index: index)
                // A hit spread over a category is about the whole category: "RATE › rate, sophomore_girls, tribs".
                if source.scope == .category || source.scope == .server, let category = texts[index].categoryIndex {
                    context += places.categoryChannelTexts[category]
                }
            }
            guard let marker = context.lazy.compactMap({ byText[$0] }).first else { continue }
            let parts = [part(for: marker, texts: texts, server: server)] + source.parts
            result.append((Evidence(rule: rule.id, category: rule.category, section: rule.section, status: rule.status,
                                    weight: rule.weight, indicator: rule.indicator, lowers: [], scope: rule.scope,
                                    parts: parts), sourceTexts.union([marker.textIndex])))
        }
        return result
    }

    /// How many texts of `server` one signal hits (negation applied): for testing signals by their examples.
    public func signalHits(_ server: Server, signal: String, scratch: MatchScratch) -> Int {
        var errors: [RuleError] = []
        let hits = findSignals(in: FieldText.texts(of: server), server: server, scratch: scratch, errors: &errors)
        return hits[signal]?.count ?? 0
    }

    /// Every signal that hits a text of `server` (negation applied): the signal, the text's field, what it
    /// matched in the original and the view it was read in. For rule authors probing a name (`rules views --signals`).
    public func signalMatches(_ server: Server, scratch: MatchScratch)
        -> [(signal: String, field: Field, match: String, view: TextView.Kind)] {
        var errors: [RuleError] = []
        let texts = FieldText.texts(of: server)
        return findSignals(in: texts, server: server, scratch: scratch, errors: &errors).values.joined()
            .sorted { ($0.textIndex, $0.signal) < ($1.textIndex, $1.signal) }
            .map { hit in
                let text = texts[hit.textIndex]
                let bytes = Array(text.text.utf8)[hit.originalBytes]
                return (hit.signal, text.field, String(decoding: bytes, as: UTF8.self), hit.view)
            }
    }

    // MARK: - Signals

    /// First non-negated hit of each signal in each text, by signal id.
    private func findSignals(in texts: [FieldText], server: Server, scratch: MatchScratch,
                             errors: inout [RuleError]) -> [String: [SignalHit]] {
        var found: [SignalHit] = []
        var state = SearchState(signalCount: program.entries.count)
        for (index, text) in texts.enumerated() {
            if text.text.isEmpty { continue }
            state.startText()
            var string = text.text
            // Most texts are plain ASCII that no other view would change: match the string's own bytes, once.
            let plain = string.withUTF8 { bytes -> Bool in
                guard TextViews.isPlainASCII(bytes, leet: rules.readsLeet) else { return false }
                search(bytes, kind: .raw, ascii: true, view: nil, views: nil, text: text, index: index, server: server,
                       scratch: scratch, state: &state, found: &found, errors: &errors)
                // teen_pics, TeenPics, teenpics: the same bytes with the words apart, when that changes anything.
                if let pieces = rules.segmenter.segmentASCII(bytes) {
                    let view = TextViews.view(.segmented, pieces)
                    let views = [TextView.raw(text.text), view]
                    view.bytes.withUnsafeBufferPointer { subject in
                        search(subject, kind: .segmented, ascii: true, view: view, views: views, text: text,
                               index: index, server: server, scratch: scratch, state: &state, found: &found,
                               errors: &errors)
                    }
                }
                return true
            }
            if plain { continue }
            let views = TextViews(text.text, leet: rules.readsLeet, segmenter: rules.segmenter, mayBePlain: false).views
            // Views in order (raw, folded, skeleton, leet): a signal's first hit in the earliest view it reads.
            for view in views {
                view.bytes.withUnsafeBufferPointer { subject in
                    search(subject, kind: view.kind, ascii: false, view: view, views: views, text: text, index: index,
                           server: server,
                           scratch: scratch, state: &state, found: &found, errors: &errors)
                }
            }
        }
        var hits: [String: [SignalHit]] = [:]
        for hit in found { hits[hit.signal, default: []].append(hit) }
        return hits
    }

    /// Per-server state of the signal search, kept out of ``MatchScratch`` so the loop works on locals.
    struct SearchState {
        var found: [Bool]
        var candidates = CandidateSet()

        init(signalCount: Int) { found = [Bool](repeating: false, count: signalCount) }

        mutating func startText() {
            for signal in found.indices { found[signal] = false }
        }
    }

    /// Runs every signal that reads this view and field on one view's bytes. `view` and `views` are nil for the
    /// plain-ASCII fast path, where the raw bytes are the only view.
    private func search(_ subject: UnsafeBufferPointer<UInt8>, kind: TextView.Kind, ascii: Bool, view: TextView?,
                        views: [TextView]?, text: FieldText, index: Int, server: Server, scratch: MatchScratch,
                        state: inout SearchState, found: inout [SignalHit], errors: inout [RuleError]) {
        let fieldBit = MatchProgram.bit(text.field)
        let viewBit = MatchProgram.bit(kind)
        // With the prefilter, visit only the signals of candidate patterns (usually none); without, every signal.
        var signals: [Int] = []
        if let scanner = program.scanner {
            scanner.scan(subject, ascii: ascii, into: &state.candidates)
            state.candidates.forEach { pattern in
                let signal = program.patternSignal[pattern]
                if signals.last != signal { signals.append(signal) }
            }
            if signals.isEmpty { return }
        }
        program.entries.withUnsafeBufferPointer { entries in
            for signal in program.scanner == nil ? Array(0..<entries.count) : signals {
                let entry = entries[signal]
                guard entry.fieldMask & fieldBit != 0, entry.viewMask & viewBit != 0, !state.found[signal] else { continue }
                do throws(PatternError) {
                    if let range = try firstHit(of: entry, in: subject, view: view, views: views, text: text.text,
                                                candidates: state.candidates, scratch: scratch) {
                        state.found[signal] = true
                        let original = view?.originalRange(range) ?? range
                        // A match the folded view found because the raw view left it to it (its context folded)
                        // reads as written: evidence says raw, as before.
                        let asWritten = kind == .folded && text.text.utf8.count >= original.upperBound
                            && text.text.utf8.dropFirst(original.lowerBound).prefix(original.count)
                                .elementsEqual(subject[range])
                        found.append(SignalHit(signal: program.signalIDs[signal], signalIndex: signal, textIndex: index,
                                               originalBytes: original, view: asWritten ? .raw : kind,
                                               viewMatch: kind == .raw || asWritten ? nil
                                                   : String(decoding: subject[range], as: UTF8.self)))
                    }
                } catch {
                    state.found[signal] = true
                    let id = program.signalIDs[signal]
                    let readers = rules.rules.filter { $0.signalIDs.contains(id) }.map(\.id)
                    errors.append(RuleError(signal: id, rules: readers, location: location(of: text, in: server),
                                            message: error.description))
                }
            }
        }
    }

    private func firstHit(of entry: MatchProgram.SignalEntry, in subject: UnsafeBufferPointer<UInt8>, view: TextView?,
                          views: [TextView]?, text: String, candidates: CandidateSet, scratch: MatchScratch)
        throws(PatternError) -> Range<Int>? {
        // In the raw view of a text whose folded view differs, a match is judged by its context only when folding
        // leaves its own characters as they are ("-18" beside circled letters: the raw view cannot see that they
        // are letters). The folded view, searched next, then decides; raw keeps what only it can see (🔞, 18+, case).
        let folded = view?.kind == .raw && entry.viewMask & MatchProgram.bit(.folded) != 0
            ? views?.first { $0.kind == .folded } : nil
        for pattern in entry.patterns {
            if program.scanner != nil, !candidates.contains(pattern) { continue }
            let code = program.codes[pattern]
            var start = 0
            while start <= subject.count, let range = try scratch.match(code: code, subject: subject, from: start) {
                defer {
                    start = max(range.upperBound, range.lowerBound + 1)
                    while start < subject.count, subject[start] & 0xC0 == 0x80 { start += 1 }
                }
                if let folded, Self.foldsToItself(range, of: subject, in: folded) { continue }
                // The 1-as-l reading adds only what its l's spell; elsewhere its misread words ("ltem-shop") would
                // slip past the exceptions the 1-as-i reading kept.
                if let view, view.readsOneAsL, !view.readsOneAsL(in: range, original: text) { continue }
                if !entry.negatable { return range }
                let original = view?.originalRange(range) ?? range
                if try !isNegated(original, in: views ?? [TextView.raw(text)], scratch: scratch) { return range }
            }
        }
        return nil
    }

    /// Whether the raw bytes of `range` read the same in the folded view (same bytes, nothing dropped or added).
    private static func foldsToItself(_ range: Range<Int>, of raw: UnsafeBufferPointer<UInt8>, in folded: TextView) -> Bool {
        let foldedRange = folded.viewRange(ofOriginal: range)
        guard foldedRange.count == range.count else { return false }
        return folded.bytes.withUnsafeBufferPointer { bytes in
            zip(bytes[foldedRange], raw[range]).allSatisfy { $0 == $1 }
        }
    }

    /// Whether the words around an original range deny it in any view of the text: a denial written in
    /// look-alikes ("аnti" with a Cyrillic а) counts as much as a match written in them.
    private func isNegated(_ original: Range<Int>, in views: [TextView], scratch: MatchScratch) throws(PatternError) -> Bool {
        for view in views {
            let range = view.viewRange(ofOriginal: original)
            let negated = try view.bytes.withUnsafeBufferPointer { subject throws(PatternError) in
                try isNegated(range, in: subject, scratch: scratch)
            }
            if negated { return true }
        }
        return false
    }

    /// "no leaks", "pas de deepfake", "leaks interdits": a word that denies the match right before or after it.
    private func isNegated(_ range: Range<Int>, in subject: UnsafeBufferPointer<UInt8>, scratch: MatchScratch)
        throws(PatternError) -> Bool {
        let policy = rules.policy
        if let before = policy.negationBefore {
            var lower = max(0, range.lowerBound - Self.negationWindow)
            while lower < range.lowerBound, subject[lower] & 0xC0 == 0x80 { lower += 1 }
            let window = UnsafeBufferPointer(rebasing: subject[lower..<range.lowerBound])
            if try before.firstMatch(in: window, using: scratch) != nil { return true }
        }
        if let clause = policy.negationClause {
            // The clause the hit is in, from the last sentence break: "SFW only. No lewd art of characters who are
            // minors." denies `minors` though the denial is five words away.
            var start = range.lowerBound
            let limit = max(0, range.lowerBound - Self.clauseWindow)
            while start > limit {
                let byte = subject[start - 1]
                if byte == 0x2E || byte == 0x3B || byte == 0x21 || byte == 0x3F || byte == 0x7C || byte == 0x0A
                    || byte == 0x3A { break }
                start -= 1
            }
            while start < range.lowerBound, subject[start] & 0xC0 == 0x80 { start += 1 }
            let window = UnsafeBufferPointer(rebasing: subject[start..<range.lowerBound])
            if try clause.firstMatch(in: window, using: scratch) != nil { return true }
        }
        if let after = policy.negationAfter {
            var upper = min(subject.count, range.upperBound + Self.negationWindow)
            while upper > range.upperBound, upper < subject.count, subject[upper] & 0xC0 == 0x80 { upper -= 1 }
            let window = UnsafeBufferPointer(rebasing: subject[range.upperBound..<upper])
            if try after.firstMatch(in: window, using: scratch) != nil { return true }
        }
        return false
    }

    // MARK: - Rules

    private func assemble(_ rule: Rule, slots: RuleSlots, hits: [String: [SignalHit]], texts: [FieldText],
                          server: Server, places: Places, headerInherits: Bool) -> [(evidence: Evidence, texts: Set<Int>)] {
        let empty = [SignalHit?](repeating: nil, count: slots.ids.count)
        // unit → slot → first hit in that unit; units kept in order of first appearance.
        var units: [ScopeUnit: [SignalHit?]] = [:]
        var order: [ScopeUnit] = []
        // First hit of each inherited signal in each category name and in the server's name and description.
        var inCategory: [Int: [SignalHit?]] = [:]
        var inHeader = empty
        for (slot, id) in slots.ids.enumerated() {
            let inherited = slots.inherited[slot]
            for hit in hits[id] ?? [] where rule.fields.contains(texts[hit.textIndex].field) {
                let text = texts[hit.textIndex]
                if inherited, text.channelIndex == nil {
                    if let category = text.categoryIndex {
                        if inCategory[category, default: empty][slot] == nil { inCategory[category, default: empty][slot] = hit }
                    } else if headerInherits, inHeader[slot] == nil {
                        inHeader[slot] = hit
                    }
                }
                let unit = ScopeUnit(text, index: hit.textIndex, scope: rule.scope)
                if units[unit] == nil { order.append(unit) }
                if units[unit, default: empty][slot] == nil { units[unit, default: empty][slot] = hit }
            }
        }
        var evidence: [(evidence: Evidence, texts: Set<Int>)] = []
        var unitsFound: [ScopeUnit] = []
        for unit in order {
            var present = units[unit]!
            // What the unit inherits from its category's name and the server's name and description.
            func inherit(_ from: [SignalHit?]) {
                for slot in present.indices where present[slot] == nil { present[slot] = from[slot] }
            }
            switch unit {
            case let .channel(channel):
                if let category = server.channels[channel].categoryIndex, let fromCategory = inCategory[category] {
                    inherit(fromCategory)
                }
                inherit(inHeader)
            case .category, .uncategorized:
                inherit(inHeader)
            case .text, .header, .server:
                break
            }
            guard slots.all.allSatisfy({ present[$0] != nil }),
                  slots.any.filter({ present[$0] != nil }).count >= rule.minAny,
                  slots.andAny.isEmpty || slots.andAny.contains(where: { present[$0] != nil }),
                  !slots.none.contains(where: { present[$0] != nil }) else { continue }
            var seen = Set<String>()
            let used = slots.shown.compactMap { present[$0] }
                .filter { seen.insert("\($0.textIndex):\($0.originalBytes)").inserted }
            let parts = used.map { part(for: $0, texts: texts, server: server) }
            let lowers: [String]
            if case let .lowers(categories) = rule.effect { lowers = categories } else { lowers = [] }
            evidence.append((Evidence(rule: rule.id, category: rule.category, section: rule.section,
                                      status: rule.status, weight: rule.weight, indicator: rule.indicator,
                                      lowers: lowers, scope: rule.scope, parts: parts),
                             Set(used.map(\.textIndex))))
            if rule.repeatedCategories > 0 { unitsFound.append(unit) }
        }
        if rule.repeatedCategories > 0 {
            var shelved = Set<Int>()
            for id in rule.all + rule.any + rule.andAny {
                for hit in hits[id] ?? [] where rule.fields.contains(texts[hit.textIndex].field) {
                    if let channel = texts[hit.textIndex].channelIndex { shelved.insert(channel) }
                }
            }
            return repeated(rule, evidence: evidence, units: unitsFound, shelved: shelved, server: server)
        }
        return evidence
    }

    /// For a rule with `repeated-categories`: one hit when that many of the categories it hit hold the same
    /// channel names and nothing but channels that show one of its signals (`shelved`) - the largest such group,
    /// its parts all shown - else none. Channel names are compared with case, accents and everything but letters
    /// and digits ignored, so `📸 pics` and `PICS` are one shelf.
    private func repeated(_ rule: Rule, evidence: [(evidence: Evidence, texts: Set<Int>)], units: [ScopeUnit],
                          shelved: Set<Int>, server: Server) -> [(evidence: Evidence, texts: Set<Int>)] {
        // Only the categories the rule hit are compared, and only once enough of them are shelves alone: most
        // servers stop here without a key computed.
        var hitCategories = Set<Int>()
        for unit in units { if case let .category(category) = unit { hitCategories.insert(category) } }
        guard hitCategories.count >= rule.repeatedCategories else { return [] }
        var onlyShelves = [Bool](repeating: true, count: server.categories.count)
        for (index, channel) in server.channels.enumerated() {
            guard let category = channel.categoryIndex, category < onlyShelves.count, hitCategories.contains(category),
                  !shelved.contains(index) else { continue }
            onlyShelves[category] = false
        }
        guard hitCategories.lazy.filter({ onlyShelves[$0] }).count >= rule.repeatedCategories else { return [] }
        var shelves = [[String]](repeating: [], count: server.categories.count)
        for channel in server.channels {
            guard let category = channel.categoryIndex, category < shelves.count, hitCategories.contains(category),
                  onlyShelves[category] else { continue }
            shelves[category].append(Self.shelfKey(channel.name))
        }
        var groups: [[String]: [Int]] = [:]
        var order: [[String]] = []
        for (position, unit) in units.enumerated() {
            guard case let .category(category) = unit, onlyShelves[category] else { continue }
            let key = Array(Set(shelves[category])).sorted()
            guard !key.isEmpty, key != [""] else { continue }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(position)
        }
        guard let best = order.max(by: { groups[$0]!.count < groups[$1]!.count }),
              let members = groups[best], members.count >= rule.repeatedCategories else { return [] }
        let first = evidence[members[0]].evidence
        let parts = members.flatMap { evidence[$0].evidence.parts }
        let texts = members.reduce(into: Set<Int>()) { $0.formUnion(evidence[$1].texts) }
        return [(Evidence(rule: rule.id, category: rule.category, section: rule.section, status: rule.status,
                          weight: rule.weight, indicator: rule.indicator, lowers: first.lowers, scope: rule.scope,
                          parts: parts), texts)]
    }

    /// A channel name with compatibility forms (𝓹𝓲𝓬𝓼, ｐｉｃｓ), case, accents, and everything but letters and digits
    /// dropped.
    static func shelfKey(_ name: String) -> String {
        // Plain ASCII, the usual case, without Foundation's folding.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            for byte in name.utf8 {
                switch byte {
                case 0x30...0x39, 0x61...0x7A: bytes.append(byte)
                case 0x41...0x5A: bytes.append(byte + 0x20)
                default: break
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var key = String.UnicodeScalarView()
        let folded = name.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        for scalar in folded.unicodeScalars
        where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            key.append(scalar)
        }
        return String(key)
    }

    private func part(for hit: SignalHit, texts: [FieldText], server: Server) -> EvidencePart {
        let text = texts[hit.textIndex]
        let utf8 = Array(text.text.utf8)
        let start = scalarCount(utf8, upTo: hit.originalBytes.lowerBound)
        let end = start + scalarCount(Array(utf8[hit.originalBytes]), upTo: hit.originalBytes.count)
        return EvidencePart(signal: hit.signal, location: location(of: text, in: server), text: text.text,
                            start: start, end: end,
                            match: String(decoding: utf8[hit.originalBytes], as: UTF8.self), view: hit.view,
                            viewMatch: hit.viewMatch)
    }

    private func scalarCount(_ bytes: [UInt8], upTo offset: Int) -> Int {
        var count = 0
        for index in 0..<offset where bytes[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    private func location(of text: FieldText, in server: Server) -> Location {
        Location(field: text.field,
                 category: text.categoryIndex.map { server.categories[$0].name },
                 channel: text.channelIndex.map { server.channels[$0].name },
                 categoryIndex: text.categoryIndex, channelIndex: text.channelIndex)
    }
}
