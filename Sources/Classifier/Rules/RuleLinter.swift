/// Checks a loaded rule set for what loading tolerates but a shipped pack must not have.
///
/// Loading already refuses bad schema, unknown keys, duplicate ids and patterns that do not compile; lint adds:
/// examples present on every rule and signal, no pattern that matches the empty string, no unused signal, and
/// `none` signals that read every view the rule's other signals read (or "d373c710n" would cancel nothing while
/// "d33pf4k3" still matched).
public struct RuleLinter: Sendable {
    /// One problem ``lint()`` found, printed like a compiler error.
    public struct Issue: Sendable, CustomStringConvertible {
        /// The problem's stable code: E101–E104, or E014 and E009 for what loading lets through.
        public let code: PackProblem
        /// Where the rule or signal is written (or the policy key the issue is about).
        public let location: SourceLocation
        /// The id of the rule or signal at fault, or the policy key (`header-not-inherited-with`).
        public let item: String
        /// What is wrong and how to fix it, for people.
        public let reason: String
        /// The file the issue is in.
        public var file: String { location.file }
        public var description: String { "\(location): error[\(code.rawValue)]: \(item): \(reason)" }
    }

    /// The rule set being checked.
    public let rules: RuleSet

    /// A linter for `rules`; nothing is checked until ``lint()``.
    public init(rules: RuleSet) {
        self.rules = rules
    }

    /// Every issue: signals first (by id), then the policy, then rules in load order. Empty: the set is fit to ship.
    public func lint() -> [Issue] {
        var issues: [Issue] = []
        let scratch = MatchScratch()
        let used = Set(rules.rules.flatMap(\.signalIDs) + rules.signals.values.flatMap(\.deniedBy)
                       + rules.signals.values.flatMap(\.deniedByHeader)
                       + rules.policy.headerNotInheritedWith)
        for signal in rules.signals.values.sorted(by: { $0.id < $1.id }) {
            let at = signal.location ?? SourceLocation(file: rules.signalFiles[signal.id] ?? rules.directory)
            if !signal.isImplicit {
                issues += missingExamples(signal.examples, at: at, item: signal.id,
                                          found: "texts the signal must find", spared: "look-alike texts")
                if !used.contains(signal.id) {
                    issues.append(Issue(code: .unusedSignal, location: at, item: signal.id,
                                        reason: "signal is used by no rule: use it or remove it"))
                }
            }
            for pattern in signal.patterns where (try? pattern.firstMatch(in: "", using: scratch)) != nil {
                issues.append(Issue(code: .emptyMatch, location: at, item: signal.id,
                                    reason: "pattern /\(pattern.source)/ matches the empty string, so it matches every text"))
            }
        }
        // A policy may be shared with other packs, so loading tolerates these; a shipped pack set must define them.
        for id in rules.policy.headerNotInheritedWith where rules.signals[id] == nil {
            issues.append(Issue(code: .unknownSignal, location: SourceLocation(file: rules.directory + "/policy.yaml"),
                                item: "header-not-inherited-with", reason: "unknown signal '\(id)'"))
        }
        for rule in rules.rules {
            let at = rule.location ?? SourceLocation(file: rule.file)
            issues += missingExamples(rule.examples, at: at, item: rule.id,
                                      found: "servers the rule must flag", spared: "look-alike servers")
            let positiveViews = Set((rule.all + rule.any + rule.andAny).flatMap { rules.signals[$0]?.views ?? [] })
            for id in rule.none {
                let missing = positiveViews.subtracting(rules.signals[id]?.views ?? [])
                if !missing.isEmpty {
                    issues.append(Issue(code: .denialBlindToView, location: at, item: rule.id, reason: "'none' signal '\(id)' does not read the "
                        + "\(missing.map(\.rawValue).sorted().joined(separator: ", ")) view that the rule's signals read"))
                }
            }
        }
        return issues
    }

    /// E101/E102: a rule or signal without examples of what it must find (`found`) or leave alone (`spared`).
    private func missingExamples(_ examples: Examples, at location: SourceLocation, item: String, found: String,
                                 spared: String) -> [Issue] {
        var issues: [Issue] = []
        if examples.match.isEmpty {
            issues.append(Issue(code: .missingMatchExamples, location: location, item: item,
                                reason: "no examples.match: add \(found)"))
        }
        if examples.noMatch.isEmpty {
            issues.append(Issue(code: .missingNoMatchExamples, location: location, item: item,
                                reason: "no examples.no-match: add \(spared) it must leave alone"))
        }
        return issues
    }
}
