/// Counts over a whole run: servers per verdict and per category, and errors. Printed at the end of a batch.
public struct RunSummary: Sendable, Equatable {
    /// Servers classified (records that could not be read count in ``inputErrors`` instead).
    public private(set) var servers = 0
    /// Servers per verdict; a verdict no server got has no entry.
    public private(set) var verdicts: [Verdict: Int] = [:]
    /// Servers where the category asks for more than `clear`.
    public private(set) var categories: [String: Int] = [:]
    /// Records that could not be read.
    public private(set) var inputErrors = 0
    /// Servers where some rule gave up at a resource limit.
    public private(set) var serversWithRuleErrors = 0
    /// Servers with a warning (no channels…).
    public private(set) var serversWithWarnings = 0
    /// Servers below `--min-verdict`, counted but not printed.
    public private(set) var hidden = 0

    /// A summary with every count at zero.
    public init() {}

    /// Counts one classified server: its verdict, each category it flags, and whether a rule gave up on it.
    public mutating func add(verdict: Verdict, flaggedCategories: [String], ruleErrors: Int) {
        servers += 1
        verdicts[verdict, default: 0] += 1
        for category in flaggedCategories { categories[category, default: 0] += 1 }
        if ruleErrors > 0 { serversWithRuleErrors += 1 }
    }

    /// Counts one record that could not be read.
    public mutating func addInputError() {
        inputErrors += 1
    }

    /// Counts one server with a warning (``ClassificationResult/warnings``).
    public mutating func addWarning() { serversWithWarnings += 1 }

    /// Counts one server left out of the output by `--min-verdict`, which is still counted by
    /// ``add(verdict:flaggedCategories:ruleErrors:)``.
    public mutating func addHidden() { hidden += 1 }

    /// Two lines for people: verdicts and errors, then categories in typology order. Verdict and category ids stay
    /// as they are in every language: they are what a moderator types in `--fail-on` and finds in JSON.
    public func render(categoryOrder: [String], language: ReportLanguage = .en) -> String {
        let fr = language == .fr
        func plural(_ count: Int, _ word: String) -> String { "\(Self.count(count)) \(word)\(count == 1 ? "" : "s")" }
        var text = plural(servers, fr ? "serveur" : "server") + (fr ? " : " : ": ")
        text += Verdict.allCases.map { "\(Self.count(verdicts[$0] ?? 0)) \($0.rawValue)" }.joined(separator: ", ")
        var errors: [String] = []
        if inputErrors > 0 {
            errors.append(fr ? plural(inputErrors, "enregistrement") + " illisible\(inputErrors == 1 ? "" : "s")"
                             : plural(inputErrors, "unreadable record"))
        }
        if serversWithRuleErrors > 0 {
            errors.append(plural(serversWithRuleErrors, fr ? "serveur" : "server") + (fr ? " avec erreurs de règle" : " with rule errors"))
        }
        text += errors.isEmpty ? (fr ? " ; aucune erreur" : "; no errors") : (fr ? " ; " : "; ") + errors.joined(separator: ", ")
        if serversWithWarnings > 0 {
            text += fr ? " ; \(Self.count(serversWithWarnings)) avec avertissement (aucun salon)"
                       : "; \(Self.count(serversWithWarnings)) with warnings (no channels)"
        }
        if hidden > 0 {
            text += fr ? " ; \(Self.count(hidden)) sous --min-verdict non affiché\(hidden == 1 ? "" : "s")"
                       : "; \(Self.count(hidden)) below --min-verdict not shown"
        }
        let flagged = categoryOrder.filter { (categories[$0] ?? 0) > 0 }
        if !flagged.isEmpty {
            text += (fr ? "\nsignalés par catégorie : " : "\nflagged by category: ")
                + flagged.map { "\($0) \(Self.count(categories[$0]!))" }.joined(separator: ", ")
        }
        return text
    }

    /// 12345 as "12 345".
    public static func count(_ value: Int) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(" ") }
            out.append(digit)
        }
        return out
    }
}
