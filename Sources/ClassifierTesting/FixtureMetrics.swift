import Classifier
/// The figures a team needs to judge a rule pack on its own labelled servers: verdict accuracy, a confusion matrix
/// of verdicts, recall and false alarms of `report-authorities`, and per-category precision and recall.
///
/// Built from ``FixtureSuite/Outcome``s; outcomes that could not be run (unreadable input or expectation) are
/// counted apart and left out of every figure.
public struct FixtureMetrics: Sendable {
    /// Counts of expected (row) against got (column) verdicts, indexed in `Verdict.allCases` order.
    public private(set) var confusion: [[Int]]
    /// Outcomes measured (a verdict both expected and got).
    public private(set) var measured = 0
    /// Outcomes that could not be run.
    public private(set) var problems = 0
    /// Fixtures whose verdict and flagged categories both match.
    public private(set) var exact = 0
    /// Per category id: true positives, false positives, false negatives of "flagged above clear".
    public private(set) var categories: [String: CategoryCounts] = [:]

    /// How often one category was flagged rightly or wrongly over the measured fixtures.
    public struct CategoryCounts: Sendable, Equatable {
        /// Fixtures expected and got flagged in the category.
        public var truePositives = 0
        /// Fixtures flagged in the category though not expected to be.
        public var falsePositives = 0
        /// Fixtures expected in the category but not flagged in it.
        public var falseNegatives = 0

        /// Nil when the category was never flagged (nothing to be precise about).
        public var precision: Double? {
            let flagged = truePositives + falsePositives
            return flagged == 0 ? nil : Double(truePositives) / Double(flagged)
        }

        /// Nil when no fixture expects the category.
        public var recall: Double? {
            let expected = truePositives + falseNegatives
            return expected == 0 ? nil : Double(truePositives) / Double(expected)
        }
    }

    /// Metrics over `outcomes`; with none, ``add(_:)`` them one at a time.
    public init(outcomes: [FixtureSuite.Outcome] = []) {
        confusion = Array(repeating: Array(repeating: 0, count: Verdict.allCases.count), count: Verdict.allCases.count)
        for outcome in outcomes { add(outcome) }
    }

    /// Counts one outcome; one that could not be run counts only in ``problems``.
    public mutating func add(_ outcome: FixtureSuite.Outcome) {
        guard outcome.problem == nil, let expected = outcome.expected, let got = outcome.got else {
            problems += 1
            return
        }
        measured += 1
        if expected == got { exact += 1 }
        confusion[Self.index(expected.verdict)][Self.index(got.verdict)] += 1
        for id in Set(expected.categories).union(got.categories) {
            var counts = categories[id] ?? CategoryCounts()
            switch (expected.categories.contains(id), got.categories.contains(id)) {
            case (true, true): counts.truePositives += 1
            case (false, true): counts.falsePositives += 1
            case (true, false): counts.falseNegatives += 1
            case (false, false): break
            }
            categories[id] = counts
        }
    }

    static func index(_ verdict: Verdict) -> Int { Verdict.allCases.firstIndex(of: verdict)! }

    /// Servers whose verdict is right.
    public var verdictsRight: Int { Verdict.allCases.indices.reduce(0) { $0 + confusion[$1][$1] } }

    /// Servers expected at `verdict`, and how many of them got it.
    public func recall(of verdict: Verdict) -> (got: Int, expected: Int) {
        let row = confusion[Self.index(verdict)]
        return (row[Self.index(verdict)], row.reduce(0, +))
    }

    /// Servers that got `verdict` though a lower one was expected - for `report-authorities`, the servers sent to
    /// the police that should not have been.
    public func falseAlarms(at verdict: Verdict) -> Int {
        let column = Self.index(verdict)
        return (0..<column).reduce(0) { $0 + confusion[$1][column] }
    }

    /// Servers expected `clear` that got anything higher.
    public var benignFlagged: Int { confusion[0].dropFirst().reduce(0, +) }

    /// `part` of `whole` as a percentage with one decimal ("n/a" for an empty whole), as every figure is printed.
    public static func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "n/a" : String(format: "%.1f%%", Double(part) * 100 / Double(whole))
    }

    /// A plain-text report: the figures above, aligned for a terminal or a commit message.
    public func report(categoryOrder: [String]) -> String {
        func percent(_ part: Int, _ whole: Int) -> String { Self.percent(part, whole) }
        func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? "n/a" }
        var lines: [String] = []
        lines.append("verdicts right: \(verdictsRight)/\(measured) (\(percent(verdictsRight, measured)))"
            + "; verdict and categories right: \(exact)/\(measured) (\(percent(exact, measured)))"
            + (problems > 0 ? "; \(problems) could not be run" : ""))
        let authorities = recall(of: .reportAuthorities)
        lines.append("report-authorities: recall \(authorities.got)/\(authorities.expected)"
            + " (\(percent(authorities.got, authorities.expected))), false alarms \(falseAlarms(at: .reportAuthorities))"
            + " (\(confusion[0][3]) of them on servers expected clear)")
        let platform = recall(of: .reportPlatform)
        lines.append("report-platform: recall \(platform.got)/\(platform.expected)"
            + " (\(percent(platform.got, platform.expected))), false alarms \(falseAlarms(at: .reportPlatform))")
        let clearRow = confusion[0].reduce(0, +)
        lines.append("benign (expected clear) flagged: \(benignFlagged)/\(clearRow)")
        lines.append("")
        let names = Verdict.allCases.map(\.rawValue)
        let width = names.map(\.count).max()! + 2
        func pad(_ text: String, _ count: Int) -> String {
            text.count >= count ? text : String(repeating: " ", count: count - text.count) + text
        }
        lines.append("expected \\ got".padding(toLength: width + 2, withPad: " ", startingAt: 0)
            + names.map { pad($0, width) }.joined())
        for (row, name) in names.enumerated() {
            lines.append(name.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                + confusion[row].map { pad(String($0), width) }.joined())
        }
        lines.append("")
        lines.append("category        precision          recall")
        let ids = categoryOrder + categories.keys.filter { !categoryOrder.contains($0) }.sorted()
        for id in ids {
            let counts = categories[id] ?? CategoryCounts()
            let flagged = counts.truePositives + counts.falsePositives
            let expected = counts.truePositives + counts.falseNegatives
            lines.append(id.padding(toLength: 16, withPad: " ", startingAt: 0)
                + "\(percent(counts.precision)) (\(counts.truePositives)/\(flagged))".padding(toLength: 19, withPad: " ", startingAt: 0)
                + "\(percent(counts.recall)) (\(counts.truePositives)/\(expected))")
        }
        return lines.joined(separator: "\n")
    }
}
