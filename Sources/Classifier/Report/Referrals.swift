import Yams

/// Where to report a server, by verdict and category: `Rules/referrals.yaml`, data that changes without code.
public struct Referrals: Sendable {
    /// One place to report to: an entry of `referrals.yaml`.
    public struct Referral: Sendable, Equatable {
        /// The entry's `id` in the file; stable across languages.
        public let id: String
        /// The service's name in each report language (every language is required when loading).
        public let name: [ReportLanguage: String]
        /// What to report there and how, in each report language, printed under the name.
        public let note: [ReportLanguage: String]
        /// The reporting page; loading refuses any URL that does not start with `https://`.
        public let url: String
        /// The server verdicts this referral applies to; never empty when loaded.
        public let verdicts: Set<Verdict>
        /// Empty: any category; otherwise one of these must ask for report-platform or more.
        public let categories: Set<String>
    }

    /// Every referral, in file order.
    public let entries: [Referral]

    /// Referrals as given; an empty list means no report ever lists one.
    public init(entries: [Referral]) {
        self.entries = entries
    }

    /// The file ``load(directory:categories:)`` reads in a rules folder.
    public static let fileName = "referrals.yaml"

    /// The referrals that apply to a result, in file order.
    public func applicable(to result: ClassificationResult) -> [Referral] {
        let flagged = Set(result.categories.filter { $0.verdict >= .reportPlatform }.map(\.id))
        return entries.filter { entry in
            entry.verdicts.contains(result.verdict) && (entry.categories.isEmpty || !entry.categories.isDisjoint(with: flagged))
        }
    }

    /// Loads the `referrals.yaml` beside a loaded rule set, checked against its categories.
    public static func load(for rules: RuleSet) throws(RuleSetError) -> Referrals {
        try load(directory: rules.directory, categories: rules.policy.categories.map(\.id))
    }

    /// Loads `referrals.yaml` from a rules folder.
    /// - Throws: ``RuleSetError`` with file, line and entry for every misfit.
    public static func load(directory: String, categories: [String]) throws(RuleSetError) -> Referrals {
        let path = directory + "/" + fileName
        let root = try YAMLFile.root(path: path)
        let top = YAMLFields(node: root, file: path, item: nil)
        try top.checkKeys(["referrals"])
        var entries: [Referral] = []
        for node in try top.requiredSequence("referrals") {
            let id = YAMLFields(node: node, file: path, item: nil).optional("id")?.string ?? "referral"
            let fields = YAMLFields(node: node, file: path, item: id)
            try fields.checkKeys(["id", "name", "note", "url", "verdicts", "categories"])
            func languages(_ key: String) throws(RuleSetError) -> [ReportLanguage: String] {
                let node = try fields.required(key)
                guard let mapping = node.mapping else { throw fields.fail(.wrongType, "'\(key)' must map en and fr to text", at: node) }
                var values: [ReportLanguage: String] = [:]
                for language in ReportLanguage.allCases {
                    guard let text = mapping[Node(language.rawValue)]?.string, !text.isEmpty else {
                        throw fields.fail(.missingKey, "'\(key)' needs a '\(language.rawValue)' text", at: node)
                    }
                    values[language] = text
                }
                return values
            }
            var verdicts: Set<Verdict> = []
            for (name, node) in try fields.stringNodes("verdicts") {
                guard let verdict = Verdict(rawValue: name) else {
                    throw fields.fail(.unknownName, at: node,
                                      "unknown verdict '\(name)' (known: \(Verdict.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                verdicts.insert(verdict)
            }
            guard !verdicts.isEmpty else { throw fields.fail(.missingKey, "'verdicts' must list at least one verdict") }
            let listed = try fields.stringNodes("categories")
            for (category, node) in listed where !categories.contains(category) {
                throw fields.fail(.unknownName, at: node, "unknown category '\(category)'")
            }
            let url = try fields.requiredString("url")
            guard url.hasPrefix("https://") else { throw fields.fail(.invalidValue, "url '\(url)' must start with https://", at: fields.node(of: "url")) }
            entries.append(Referral(id: try fields.requiredString("id"), name: try languages("name"),
                                    note: try languages("note"), url: url, verdicts: verdicts,
                                    categories: Set(listed.map(\.text))))
        }
        return Referrals(entries: entries)
    }
}
