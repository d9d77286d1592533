/// Runs a rule set's signals over a server's texts and assembles rule hits. Holds no per-server state: one engine
/// serves every thread, each with its own ``MatchScratch``.
public struct RuleEngine: Sendable {
    public let rules: RuleSet
    /// Bytes of context either side of a match that the negation guard looks at.
    static let negationWindow = 48

    public init(rules: RuleSet) {
        self.rules = rules
    }

    /// What the engine found in one server: evidence and the rules that could not be evaluated.
    public struct Scan: Sendable {
        public var evidence: [Evidence]
        public var errors: [RuleError]
    }

    public func scan(_ server: Server, scratch: MatchScratch) -> Scan {
        let texts = FieldText.texts(of: server)
        var errors: [RuleError] = []
        let hits = findSignals(in: texts, server: server, scratch: scratch, errors: &errors)
        var evidence: [Evidence] = []
        for rule in rules.rules {
            evidence += assemble(rule, hits: hits, texts: texts, server: server)
        }
        return Scan(evidence: evidence, errors: errors)
    }

    /// How many texts of `server` one signal hits (negation applied): for testing signals by their examples.
    public func signalHits(_ server: Server, signal: String, scratch: MatchScratch) -> Int {
        var errors: [RuleError] = []
        let hits = findSignals(in: FieldText.texts(of: server), server: server, scratch: scratch, errors: &errors)
        return hits[signal]?.count ?? 0
    }

    // MARK: - Signals

    /// First non-negated hit of each signal in each text, by signal id.
    private func findSignals(in texts: [FieldText], server: Server, scratch: MatchScratch,
                             errors: inout [RuleError]) -> [String: [SignalHit]] {
        var hits: [String: [SignalHit]] = [:]
        for (index, text) in texts.enumerated() {
            if text.text.isEmpty { continue }
            let views = TextViews(text.text, leet: rules.readsLeet).views
            var found: Set<String> = []
            var failed: Set<String> = []
            // Views in order (raw, folded, skeleton, leet): a signal's first hit in the earliest view it reads.
            for view in views {
                view.bytes.withUnsafeBufferPointer { subject in
                    for signal in rules.signals.values where signal.fields.contains(text.field)
                        && signal.views.contains(view.kind) && !found.contains(signal.id) && !failed.contains(signal.id) {
                        do throws(PatternError) {
                            if let range = try firstHit(of: signal, in: subject, view: view, views: views,
                                                        scratch: scratch) {
                                found.insert(signal.id)
                                hits[signal.id, default: []].append(
                                    SignalHit(signal: signal.id, textIndex: index, originalBytes: view.originalRange(range),
                                              view: view.kind, viewMatch: view.kind == .raw ? nil
                                                : String(decoding: subject[range], as: UTF8.self)))
                            }
                        } catch {
                            failed.insert(signal.id)
                            let readers = rules.rules.filter { $0.signalIDs.contains(signal.id) }.map(\.id)
                            errors.append(RuleError(signal: signal.id, rules: readers,
                                                    location: location(of: text, in: server), message: error.description))
                        }
                    }
                }
            }
        }
        return hits
    }

    private func firstHit(of signal: Signal, in subject: UnsafeBufferPointer<UInt8>, view: TextView, views: [TextView],
                          scratch: MatchScratch) throws(PatternError) -> Range<Int>? {
        for pattern in signal.patterns {
            var start = 0
            while start <= subject.count, let range = try pattern.firstMatch(in: subject, from: start, using: scratch) {
                if !signal.negatable { return range }
                if try !isNegated(view.originalRange(range), in: views, scratch: scratch) { return range }
                start = max(range.upperBound, range.lowerBound + 1)
                while start < subject.count, subject[start] & 0xC0 == 0x80 { start += 1 }
            }
        }
        return nil
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
        if let after = policy.negationAfter {
            var upper = min(subject.count, range.upperBound + Self.negationWindow)
            while upper > range.upperBound, upper < subject.count, subject[upper] & 0xC0 == 0x80 { upper -= 1 }
            let window = UnsafeBufferPointer(rebasing: subject[range.upperBound..<upper])
            if try after.firstMatch(in: window, using: scratch) != nil { return true }
        }
        return false
    }

    // MARK: - Rules

    private func assemble(_ rule: Rule, hits: [String: [SignalHit]], texts: [FieldText], server: Server) -> [Evidence] {
        // unit → signal → first hit in that unit; units kept in order of first appearance.
        var units: [ScopeUnit: [String: SignalHit]] = [:]
        var order: [ScopeUnit] = []
        for id in rule.signalIDs {
            for hit in hits[id] ?? [] where rule.fields.contains(texts[hit.textIndex].field) {
                let unit = ScopeUnit(texts[hit.textIndex], index: hit.textIndex, scope: rule.scope)
                if units[unit] == nil { order.append(unit) }
                if units[unit, default: [:]][id] == nil { units[unit, default: [:]][id] = hit }
            }
        }
        var evidence: [Evidence] = []
        for unit in order {
            let present = units[unit]!
            guard rule.all.allSatisfy({ present[$0] != nil }),
                  rule.any.filter({ present[$0] != nil }).count >= rule.minAny,
                  rule.andAny.isEmpty || rule.andAny.contains(where: { present[$0] != nil }),
                  !rule.none.contains(where: { present[$0] != nil }) else { continue }
            let parts = (rule.all + rule.any + rule.andAny).compactMap { present[$0] }
                .map { part(for: $0, texts: texts, server: server) }
            let lowers: [String]
            if case let .lowers(categories) = rule.effect { lowers = categories } else { lowers = [] }
            evidence.append(Evidence(rule: rule.id, category: rule.category, section: rule.section,
                                     status: rule.status, weight: rule.weight, indicator: rule.indicator,
                                     lowers: lowers, scope: rule.scope, parts: parts))
        }
        return evidence
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
                 channel: text.channelIndex.map { server.channels[$0].name })
    }
}
