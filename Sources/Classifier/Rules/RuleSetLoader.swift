import Foundation
import Yams

/// Reads and validates rule packs. Kept apart from ``RuleSet`` so that the loaded set stays a plain value.
struct RuleSetLoader {
    static let policyFile = "policy.yaml"
    /// Files in the rules folder that are data, not packs.
    static let nonPackFiles: Set<String> = [policyFile, "referrals.yaml"]

    let directory: String
    var protectedNames = ProtectedNames(names: [])

    func load() throws(RuleSetError) -> RuleSet {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RuleSetError(.rulesFolder, file: directory, reason: "no such rules folder; pass --rules DIR or set CLASSIFY_RULES")
        }
        let policyPath = (directory as NSString).appendingPathComponent(Self.policyFile)
        let policy = try loadPolicy(path: policyPath)
        let names: [String]
        do {
            names = try fileManager.contentsOfDirectory(atPath: directory)
                .filter { $0.hasSuffix(".yaml") && !Self.nonPackFiles.contains($0) }.sorted()
        } catch {
            throw RuleSetError(.rulesFolder, file: directory, reason: "cannot list the rules folder: \(error.localizedDescription)")
        }
        guard !names.isEmpty else { throw RuleSetError(.rulesFolder, file: directory, reason: "no rule packs (*.yaml) in the folder") }

        var signals: [String: Signal] = [:]
        var signalFiles: [String: String] = [:]
        var rules: [Rule] = []
        var seen: [String: SourceLocation] = [:]  // id → where first defined, for duplicate ids across packs
        var pendingRules: [Rule] = []
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            let pack = try PackReader(path: path, policy: policy).read()
            for signal in pack.signals {
                let here = signal.location ?? SourceLocation(file: path)
                // A rule's own patterns form a signal under the rule's id; the rule's entry checks uniqueness.
                if let other = seen[signal.id], !signal.isImplicit {
                    throw RuleSetError(.duplicateID, at: here, item: signal.id,
                                       reason: "duplicate id (first at \(other)): rename one of them", related: other)
                }
                if !signal.isImplicit { seen[signal.id] = here }
                signals[signal.id] = signal
                signalFiles[signal.id] = path
            }
            for rule in pack.rules {
                let here = rule.location ?? SourceLocation(file: path)
                if let other = seen[rule.id] {
                    throw RuleSetError(.duplicateID, at: here, item: rule.id,
                                       reason: "duplicate id (first at \(other)): rename one of them", related: other)
                }
                seen[rule.id] = here
                pendingRules.append(rule)
            }
        }
        for (id, signal) in signals where signal.fromProtectList {
            var patterns: [CompiledPattern] = []
            for source in protectedNames.patterns {
                patterns.append(try Self.compile(source, flags: PatternFlags(),
                                                 at: signal.location ?? SourceLocation(file: signalFiles[id] ?? directory),
                                                 item: id))
            }
            var filled = Signal(id: id, description: signal.description, fields: signal.fields, patterns: patterns,
                                views: signal.views, negatable: signal.negatable, examples: signal.examples,
                                isImplicit: false)
            filled.fromProtectList = true
            filled.exampleNames = signal.exampleNames
            filled.inherited = signal.inherited
            filled.location = signal.location
            signals[id] = filled
        }
        for signal in signals.values {
            for (key, ids) in [("denied-by", signal.deniedBy), ("denied-by-header", signal.deniedByHeader)] {
                for id in ids where signals[id] == nil {
                    throw RuleSetError(.unknownSignal,
                                       at: signal.location ?? SourceLocation(file: signalFiles[signal.id] ?? directory),
                                       item: signal.id, reason: "\(key) names unknown signal '\(id)'")
                }
            }
        }
        // Signal references are checked once every pack is read: signals may live in a shared pack.
        for rule in pendingRules {
            for id in rule.signalIDs where signals[id] == nil {
                throw RuleSetError(.unknownSignal, at: rule.location ?? SourceLocation(file: rule.file), item: rule.id,
                                   reason: "unknown signal '\(id)'")
            }
            rules.append(rule)
        }
        return RuleSet(directory: directory, policy: policy, signals: signals, rules: rules,
                       files: names.map { (directory as NSString).appendingPathComponent($0) },
                       signalFiles: signalFiles, protectedNames: protectedNames)
    }

    private func loadPolicy(path: String) throws(RuleSetError) -> Policy {
        let node = try YAMLFile.root(path: path)
        let doc = YAMLFields(node: node, file: path, item: nil)
        // A misspelt key would silently change nothing: refuse it, as packs do.
        try doc.checkKeys(["version", "categories", "thresholds", "category-thresholds", "repeat-decay", "escalate",
                           "negation", "segmentation-words", "segmentation-dictionary", "segmentation-three-letter-rank",
                           "segmentation-short-fillers", "segmentation-no-anchor", "segmentation-compound-heads",
                           "header-not-inherited-with", "context-section"])
        let version = try doc.requiredString("version")
        var categories: [Policy.CategoryInfo] = []
        for entry in try doc.requiredSequence("categories") {
            let fields = YAMLFields(node: entry, file: path, item: "categories")
            try fields.checkKeys(["id", "section", "title", "subsections"])
            let titleNode = try fields.required("title")
            guard let mapping = titleNode.mapping else {
                throw fields.fail(.wrongType, "'title' must map each report language (en, fr) to a title", at: titleNode)
            }
            var titles: [String: String] = [:]
            for language in ReportLanguage.allCases {
                guard let text = mapping[Node(language.rawValue)]?.string, !text.isEmpty else {
                    throw fields.fail(.missingKey, "'title' needs a '\(language.rawValue)' title", at: titleNode)
                }
                titles[language.rawValue] = text
            }
            var info = Policy.CategoryInfo(id: try fields.requiredString("id"), section: try fields.requiredString("section"),
                                           titles: titles)
            if fields.optional("subsections") != nil {
                let count = try fields.requiredInt("subsections")
                guard (0...9).contains(count) else {
                    throw fields.fail(.invalidValue, "subsections \(count) must be between 0 and 9", at: fields.node(of: "subsections"))
                }
                info.subsections = count
            }
            categories.append(info)
        }
        let thresholdNode = try doc.required("thresholds")
        let thresholds = try Self.thresholds(thresholdNode, file: path)
        var perCategory: [String: Policy.Thresholds] = [:]
        if let overrides = doc.optional("category-thresholds")?.mapping {
            for (key, value) in overrides {
                guard let id = key.string, categories.contains(where: { $0.id == id }) else {
                    throw RuleSetError(.unknownName, at: SourceLocation(file: path, node: key), reason: "category-thresholds: unknown category '\(key.string ?? "")'")
                }
                perCategory[id] = try Self.thresholds(value, file: path)
            }
        }
        var decay = 0.5
        if let node = doc.optional("repeat-decay") {
            guard let value = node.float else {
                throw RuleSetError(.wrongType, at: SourceLocation(file: path, node: node), reason: "repeat-decay must be a number between 0 and 1")
            }
            decay = value
        }
        guard decay >= 0, decay <= 1 else {
            throw RuleSetError(.invalidValue, at: SourceLocation(file: path, node: doc.node(of: "repeat-decay")),
                               reason: "repeat-decay must be between 0 and 1")
        }
        var escalations: [String: Verdict] = [:]
        if let mapping = doc.optional("escalate")?.mapping {
            for (key, value) in mapping {
                guard let id = key.string, categories.contains(where: { $0.id == id }) else {
                    throw RuleSetError(.unknownName, at: SourceLocation(file: path, node: key), reason: "escalate: unknown category '\(key.string ?? "")'")
                }
                guard let verdict = value.string.flatMap(Verdict.init(rawValue:)) else {
                    throw RuleSetError(.unknownName, at: SourceLocation(file: path, node: value), reason: "escalate: '\(value.string ?? "")' is not a verdict")
                }
                escalations[id] = verdict
            }
        }
        let negation = doc.optional("negation").map { YAMLFields(node: $0, file: path, item: "negation") }
        try negation?.checkKeys(["before", "after", "clause"])
        var policy = Policy(version: version, categories: categories, thresholds: thresholds,
                      categoryThresholds: perCategory, repeatDecay: decay, escalations: escalations,
                      negationBefore: try negation?.optionalString("before").map { p throws(RuleSetError) in
                          try Self.compile(p, flags: PatternFlags(), at: negation!.location(of: "before"), item: "negation.before") },
                      negationAfter: try negation?.optionalString("after").map { p throws(RuleSetError) in
                          try Self.compile(p, flags: PatternFlags(), at: negation!.location(of: "after"), item: "negation.after") },
                      negationClause: try negation?.optionalString("clause").map { p throws(RuleSetError) in
                          try Self.compile(p, flags: PatternFlags(), at: negation!.location(of: "clause"), item: "negation.clause") })
        policy.segmentationWords = try doc.stringList("segmentation-words")
        if let file = try doc.optionalString("segmentation-dictionary") {
            policy.segmentationDictionary = try Self.wordList(file, besidePolicy: path)
        }
        policy.segmentationThreeLetterRank = try doc.optionalInt("segmentation-three-letter-rank") ?? 0
        policy.segmentationShortFillers = try doc.stringList("segmentation-short-fillers")
        policy.segmentationNoAnchor = try doc.stringList("segmentation-no-anchor")
        policy.segmentationCompoundHeads = try doc.stringList("segmentation-compound-heads")
        for (word, node) in try doc.stringNodes("segmentation-short-fillers") where Segmenter.foldWord(word).isEmpty {
            throw RuleSetError(.invalidValue, at: SourceLocation(file: path, node: node), item: "segmentation-short-fillers",
                               reason: "'\(word)' is not a word (letters only, accents allowed)")
        }
        policy.contextSection = try doc.optionalString("context-section") ?? policy.contextSection
        policy.headerNotInheritedWith = try doc.stringList("header-not-inherited-with")
        for (word, node) in try doc.stringNodes("segmentation-words") where Segmenter.foldWord(word).count < 2 {
            throw RuleSetError(.invalidValue, at: SourceLocation(file: path, node: node), item: "segmentation-words",
                               reason: "'\(word)' is not a word of two letters or more (letters only, accents allowed)")
        }
        return policy
    }

    /// The words of a word-list file named by the policy, relative to the policy's folder: one word a line, blank
    /// lines and `#` comments skipped.
    private static func wordList(_ name: String, besidePolicy policyPath: String) throws(RuleSetError) -> [String] {
        let path = name.hasPrefix("/") ? name
            : ((policyPath as NSString).deletingLastPathComponent as NSString).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuleSetError(.unreadableFile, file: path,
                               reason: "the word list named by segmentation-dictionary in \(policyPath) cannot be read")
        }
        // Read as bytes, a line at a time: 64 000 words through String and Foundation trimming cost 0.1 s a start.
        var words: [String] = []
        words.reserveCapacity(data.count / 8)
        let bytes = [UInt8](data)
        var start = 0
        var number = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            number += 1
            var last = end
            while last > start, bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09 || bytes[last - 1] == 0x0D { last -= 1 }
            var first = start
            while first < last, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
            defer { start = end + 1 }
            if first == last || bytes[first] == 0x23 { continue }   // blank or # comment
            let line = bytes[first..<last]
            // Stored as the segmenter reads runs: lower-case ASCII letters, so the file needs no folding.
            guard line.count >= 2, line.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else {
                throw RuleSetError(.invalidValue, at: SourceLocation(file: path, line: number), item: "segmentation-dictionary",
                                   reason: "'\(String(decoding: line, as: UTF8.self))' is not a word of two lower-case ASCII letters or more (a to z, no accents)")
            }
            words.append(String(decoding: line, as: UTF8.self))
        }
        return words
    }

    private static func thresholds(_ node: Node, file: String) throws(RuleSetError) -> Policy.Thresholds {
        let fields = YAMLFields(node: node, file: file, item: "thresholds")
        let watch = try fields.requiredInt("watch")
        let report = try fields.requiredInt("report-platform")
        guard 0 < watch, watch <= report, report <= 100 else {
            throw RuleSetError(.invalidValue, at: SourceLocation(file: file, node: node),
                               reason: "thresholds must satisfy 0 < watch <= report-platform <= 100")
        }
        return Policy.Thresholds(watch: watch, reportPlatform: report)
    }

    static func compile(_ source: String, flags: PatternFlags, at location: SourceLocation, item: String?)
        throws(RuleSetError) -> CompiledPattern {
        do {
            return try CompiledPattern(source, flags: flags)
        } catch {
            throw RuleSetError(.patternSyntax, at: location, item: item, reason: "pattern /\(source)/ does not compile: \(error)")
        }
    }
}
