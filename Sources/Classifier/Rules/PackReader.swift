import Foundation
import Yams

/// Reads one rule-pack file: its `signals` and `rules`, each validated against the policy.
struct PackReader {
    /// Category id of counter-evidence rules that are about no single category (victim support, prevention…).
    static let contextCategory = "context"

    static let signalKeys: Set<String> = [
        "id", "description", "fields", "patterns", "flags", "views", "negatable", "examples", "inherited", "denied-by",
        "denied-by-channels", "denied-by-category", "denied-by-header", "protect-list", "example-names",
    ]
    static let ruleKeys: Set<String> = [
        "id", "category", "section", "status", "weight", "description", "fields", "patterns", "flags", "views",
        "negatable", "scope", "all", "any", "min-any", "and-any", "none", "lowers", "indicator", "examples",
        "from-hits-of", "repeated-categories",
    ]

    let path: String
    let policy: Policy

    struct Pack {
        var signals: [Signal] = []
        var rules: [Rule] = []
    }

    func read() throws(RuleSetError) -> Pack {
        let root = try YAMLFile.root(path: path)
        let doc = YAMLFields(node: root, file: path, item: nil)
        try doc.checkKeys(["pack", "description", "signals", "rules"])
        var pack = Pack()
        if doc.optional("signals") != nil {
            for node in try doc.requiredSequence("signals") {
                pack.signals.append(try readSignal(node))
            }
        }
        if doc.optional("rules") != nil {
            for node in try doc.requiredSequence("rules") {
                let (rule, implicit) = try readRule(node)
                if let implicit { pack.signals.append(implicit) }
                pack.rules.append(rule)
            }
        }
        if pack.signals.isEmpty && pack.rules.isEmpty {
            throw RuleSetError(.emptyPack, at: doc.location, reason: "the pack has neither signals nor rules: add 'signals' or 'rules'")
        }
        return pack
    }

    private func readSignal(_ node: Node) throws(RuleSetError) -> Signal {
        let id = YAMLFields(node: node, file: path, item: nil).optional("id")?.string
        let fields = YAMLFields(node: node, file: path, item: id ?? "signal")
        try fields.checkKeys(Self.signalKeys)
        let signalID = try validID(try fields.requiredString("id"), fields)
        if try fields.optionalBool("protect-list") == true {
            guard fields.optional("patterns") == nil else {
                throw fields.fail(.ruleShape, "a 'protect-list' signal takes its patterns from --protect FILE, not from 'patterns'")
            }
            var signal = Signal(id: signalID, description: try fields.requiredString("description"),
                                fields: Set(Field.allCases), patterns: [], views: try readViews(fields), negatable: true,
                                examples: try readExamples(fields), isImplicit: false)
            signal.fromProtectList = true
            signal.exampleNames = try fields.stringList("example-names")
            signal.location = fields.location
            return signal
        }
        var signal = try readPatterns(fields, id: signalID, description: try fields.requiredString("description"),
                                      examples: try readExamples(fields), implicit: false)
        signal.inherited = try fields.optionalBool("inherited") ?? false
        signal.deniedBy = try fields.stringList("denied-by")
        signal.deniedByChannels = try fields.optionalBool("denied-by-channels") ?? false
        signal.deniedByCategory = try fields.optionalBool("denied-by-category") ?? false
        signal.deniedByHeader = try fields.stringList("denied-by-header")
        signal.location = fields.location
        return signal
    }

    private func readPatterns(_ fields: YAMLFields, id: String, description: String, examples: Examples,
                              implicit: Bool) throws(RuleSetError) -> Signal {
        let sources = try fields.stringNodes("patterns")
        guard !sources.isEmpty else { throw fields.fail(.missingKey, "'patterns' must list at least one PCRE2 pattern") }
        let flags: PatternFlags
        let flagNames = try fields.stringList("flags")
        do throws(PatternFlagError) {
            flags = try PatternFlags(names: flagNames)
        } catch {
            throw fields.fail(.unknownName, "unknown flag '\(error.name)' (known: case-sensitive, extended, multiline, dotall)",
                              at: fields.node(of: "flags"))
        }
        var patterns: [CompiledPattern] = []
        for (source, node) in sources {
            let pattern = try RuleSetLoader.compile(source, flags: flags, at: SourceLocation(file: path, node: node), item: id)
            // A pattern that can match nothing at all would find "evidence" in every text.
            guard pattern.minimumLength > 0 else {
                throw fields.fail(.emptyMatch, "pattern /\(source)/ can match the empty string, so it would hit every text: "
                                  + "make it need at least one character", at: node)
            }
            patterns.append(pattern)
        }
        var signal = Signal(id: id, description: description, fields: try readFields(fields),
                            patterns: patterns, views: try readViews(fields),
                            negatable: try fields.optionalBool("negatable") ?? true, examples: examples, isImplicit: implicit)
        signal.location = fields.location
        return signal
    }

    /// The text views a signal matches on; see ``Signal/defaultViews``. The raw view is always read.
    private func readViews(_ fields: YAMLFields) throws(RuleSetError) -> Set<TextView.Kind> {
        guard fields.optional("views") != nil else { return Signal.defaultViews }
        var views: Set<TextView.Kind> = [.raw]
        for (name, node) in try fields.stringNodes("views") {
            guard let kind = TextView.Kind(rawValue: name) else {
                throw fields.fail(.unknownName, at: node, "unknown view '\(name)' (known: \(TextView.Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            views.insert(kind)
        }
        return views
    }

    private func readRule(_ node: Node) throws(RuleSetError) -> (Rule, Signal?) {
        let id = YAMLFields(node: node, file: path, item: nil).optional("id")?.string
        let fields = YAMLFields(node: node, file: path, item: id ?? "rule")
        try fields.checkKeys(Self.ruleKeys)
        let ruleID = try validID(try fields.requiredString("id"), fields)

        let category = try fields.requiredString("category")
        let lowers = try fields.stringList("lowers")
        let known = policy.categories.map(\.id)
        if category == Self.contextCategory {
            guard !lowers.isEmpty else {
                throw fields.fail(.ruleShape, "category '\(Self.contextCategory)' is for counter-evidence: add 'lowers'")
            }
        } else if !known.contains(category) {
            throw fields.fail(.unknownName, "unknown category '\(category)' (known: \(known.joined(separator: ", ")), \(Self.contextCategory))",
                              at: fields.node(of: "category"))
        }
        for lowered in lowers where !known.contains(lowered) {
            throw fields.fail(.unknownName, "'lowers' names unknown category '\(lowered)'", at: fields.node(of: "lowers"))
        }
        if let floor = policy.escalations.keys.first(where: lowers.contains) {
            throw fields.fail(.ruleShape, at: fields.node(of: "lowers"), "counter-evidence cannot lower '\(floor)': its hits escalate whatever else the server shows")
        }

        // The sections come from the policy, which follows the typology: nothing here knows how it is numbered.
        let section = try fields.requiredString("section")
        let citable = policy.category(category)?.citableSections ?? [policy.contextSection]
        guard citable.contains(section) else {
            let known = policy.categories.flatMap(\.citableSections) + [policy.contextSection]
            guard known.contains(section) else {
                throw fields.fail(.invalidValue, "section '\(section)' is not a typology section such as 1 or 1.2 "
                                  + "(the policy's categories and their subsections)", at: fields.node(of: "section"))
            }
            throw fields.fail(.invalidValue, policy.category(category).map { "section \(section) is not in section \($0.section) of category '\(category)'" }
                              ?? "counter-evidence cites section \(policy.contextSection), not \(section)",
                              at: fields.node(of: "section"))
        }

        let statusText = try fields.optionalString("status") ?? "stable"
        guard let status = RuleStatus(rawValue: statusText) else {
            throw fields.fail(.invalidValue, "status '\(statusText)' must be stable or experimental", at: fields.node(of: "status"))
        }
        let weight = try fields.requiredInt("weight")
        guard (1...100).contains(weight) else {
            throw fields.fail(.invalidValue, "weight \(weight) must be between 1 and 100", at: fields.node(of: "weight"))
        }
        let description = try fields.requiredString("description")
        let examples = try readExamples(fields)

        var implicit: Signal?
        var all = try fields.stringList("all")
        if fields.optional("patterns") != nil {
            let signal = try readPatterns(fields, id: ruleID, description: description, examples: Examples(),
                                          implicit: true)
            implicit = signal
            all.insert(ruleID, at: 0)
        } else if fields.optional("flags") != nil || fields.optional("views") != nil {
            throw fields.fail(.ruleShape, "'flags' and 'views' go with the rule's own 'patterns' (signals carry their own)")
        }
        let any = try fields.stringList("any")
        let none = try fields.stringList("none")
        let andAny = try fields.stringList("and-any")
        guard !all.isEmpty || !any.isEmpty else {
            throw fields.fail(.ruleShape, "a rule needs its own 'patterns', or signals in 'all' or 'any'")
        }
        let minAny = try fields.optional("min-any").map { _ throws(RuleSetError) in try fields.requiredInt("min-any") }
            ?? (any.isEmpty ? 0 : 1)
        guard any.isEmpty ? minAny == 0 : (1...any.count).contains(minAny) else {
            throw fields.fail(.invalidValue, "min-any \(minAny) must be between 1 and the number of 'any' signals (\(any.count))",
                              at: fields.node(of: "min-any"))
        }
        let indicator = try fields.optionalBool("indicator") ?? false
        let fromHitsOf = try fields.stringList("from-hits-of")
        for source in fromHitsOf where !known.contains(source) || source == category {
            throw fields.fail(.unknownName, "'from-hits-of' names '\(source)': list other categories whose hits this rule builds on",
                              at: fields.node(of: "from-hits-of"))
        }
        if !fromHitsOf.isEmpty, any.isEmpty || !all.isEmpty || !none.isEmpty || !andAny.isEmpty {
            throw fields.fail(.ruleShape, "a rule with 'from-hits-of' takes its signals in 'any' only (what the hit's place must also show)")
        }
        // A word an abuser can add to a channel name must never cancel a hit that goes to the authorities.
        if !none.isEmpty, !indicator, policy.escalations[category] != nil {
            throw fields.fail(.ruleShape, at: fields.node(of: "none"), "a rule in '\(category)' cannot use 'none': words anyone can add must not cancel its hits; "
                + "narrow its signals or rely on the negation guard instead")
        }
        let scopeText = try fields.optionalString("scope") ?? (all.count + any.count + andAny.count > 1 ? "channel" : "text")
        guard let scope = Scope(rawValue: scopeText) else {
            throw fields.fail(.invalidValue, "scope '\(scopeText)' must be one of \(Scope.allCases.map(\.rawValue).joined(separator: ", "))",
                              at: fields.node(of: "scope"))
        }
        let repeatedCategories = try fields.optional("repeated-categories")
            .map { _ throws(RuleSetError) in try fields.requiredInt("repeated-categories") } ?? 0
        if fields.optional("repeated-categories") != nil {
            guard (2...50).contains(repeatedCategories) else {
                throw fields.fail(.invalidValue, "repeated-categories \(repeatedCategories) must be between 2 and 50",
                                  at: fields.node(of: "repeated-categories"))
            }
            guard scope == .category, fromHitsOf.isEmpty else {
                throw fields.fail(.ruleShape, "'repeated-categories' counts categories: it goes with 'scope: category' and without 'from-hits-of'",
                                  at: fields.node(of: "repeated-categories"))
            }
        }
        let rule = Rule(id: ruleID, category: category, section: section, status: status, weight: weight,
                        description: description, effect: lowers.isEmpty ? .raises : .lowers(lowers),
                        indicator: indicator, scope: scope,
                        fields: try readFields(fields),
                        all: all, any: any, minAny: minAny, andAny: andAny, none: none, examples: examples, file: path,
                        fromHitsOf: fromHitsOf, repeatedCategories: repeatedCategories, location: fields.location)
        return (rule, implicit)
    }

    /// The `fields` key: where a rule or signal looks (default: every field).
    private func readFields(_ fields: YAMLFields) throws(RuleSetError) -> Set<Field> {
        var read = Set<Field>()
        for (name, node) in try fields.stringNodes("fields") {
            guard let field = Field(rawValue: name) else {
                throw fields.fail(.unknownName, at: node, "unknown field '\(name)' (known: \(Field.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            read.insert(field)
        }
        return read.isEmpty ? Set(Field.allCases) : read
    }

    private func validID(_ id: String, _ fields: YAMLFields) throws(RuleSetError) -> String {
        guard id.range(of: #"^[a-z0-9][a-z0-9.\-]*$"#, options: .regularExpression) != nil else {
            throw fields.fail(.invalidValue, "id '\(id)' must be lower-case letters, digits, '.' and '-'", at: fields.node(of: "id"))
        }
        return id
    }

    private func readExamples(_ fields: YAMLFields) throws(RuleSetError) -> Examples {
        guard let node = fields.optional("examples") else { return Examples() }
        let examples = YAMLFields(node: node, file: path, item: fields.item)
        try examples.checkKeys(["match", "no-match"])
        let match = try exampleList(examples, "match"), noMatch = try exampleList(examples, "no-match")
        var result = Examples(match: match.map(\.lines), noMatch: noMatch.map(\.lines))
        result.matchAt = match.map(\.location)
        result.noMatchAt = noMatch.map(\.location)
        return result
    }

    /// Each example is a string (one line) or a list of strings (lines of one small server).
    private func exampleList(_ fields: YAMLFields, _ key: String)
        throws(RuleSetError) -> [(lines: [String], location: SourceLocation)] {
        guard let value = fields.optional(key) else { return [] }
        guard let sequence = value.sequence else { throw fields.fail(.wrongType, "examples.\(key) must be a list", at: value) }
        var result: [(lines: [String], location: SourceLocation)] = []
        for element in sequence {
            let location = SourceLocation(file: path, node: element)
            if case .scalar(let scalar) = element {
                result.append(([scalar.string], location))
            } else if let lines = element.sequence, lines.allSatisfy({ $0.scalar != nil }), !lines.isEmpty {
                result.append((lines.map { $0.scalar!.string }, location))
            } else {
                throw fields.fail(.wrongType, "examples.\(key): each example is a string or a list of strings", at: element)
            }
        }
        return result
    }
}
