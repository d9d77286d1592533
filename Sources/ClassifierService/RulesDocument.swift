import Classifier

/// `GET /v1/rules`: the loaded rule packs as data - their version, the categories with their typology sections and
/// titles, every rule with its status and section, and where to report for each verdict (what the volunteers'
/// page shows beside a result).
enum RulesDocument {
    static func render(rules: RuleSet, referrals: Referrals) -> String {
        let policy = rules.policy
        let categories: [JSONOutput] = policy.categories.map { category in
            .object([
                ("id", .string(category.id)),
                ("section", .string(category.section)),
                ("titles", .object(category.titles.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ])
        }
        let ruleObjects: [JSONOutput] = rules.rules.map { rule in
            .object([
                ("id", .string(rule.id)),
                ("category", .string(rule.category)),
                ("section", .string(rule.section)),
                ("status", .string(rule.status.rawValue)),
                ("weight", .int(rule.weight)),
                ("indicator", .bool(rule.indicator)),
                ("description", .string(rule.description)),
            ])
        }
        let referralObjects: [JSONOutput] = referrals.entries.map { entry in
            .object([
                ("id", .string(entry.id)),
                ("name", .object(entry.name.sorted { $0.key.rawValue < $1.key.rawValue }.map { ($0.key.rawValue, .string($0.value)) })),
                ("note", .object(entry.note.sorted { $0.key.rawValue < $1.key.rawValue }.map { ($0.key.rawValue, .string($0.value)) })),
                ("url", .string(entry.url)),
                ("verdicts", .array(Verdict.allCases.filter(entry.verdicts.contains).map { .string($0.rawValue) })),
                ("categories", .array(entry.categories.sorted().map { .string($0) })),
            ])
        }
        return JSONOutput.object([
            ("version", .string(policy.version)),
            ("classify", .string(Classifier.version)),
            ("categories", .array(categories)),
            ("rules", .array(ruleObjects)),
            ("referrals", .array(referralObjects)),
        ]).serialized() + "\n"
    }
}
