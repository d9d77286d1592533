/// `--format csv`: one row per server for spreadsheets (RFC 4180: comma-separated, fields quoted when needed, CRLF
/// line ends). Stable English column names; one score column per category of the policy.
public struct CSVReport: Sendable {
    /// Category ids, one `score_ID` column each in this order (the policy's order when ``ReportRenderer`` builds it).
    public let categories: [String]
    /// The dialect French spreadsheets open without an import dialog (`--csv-excel`): `;` between fields and a
    /// UTF-8 byte-order mark first, so accents survive. Column names and values stay the same.
    public let excel: Bool

    /// A CSV renderer; `excel` picks the dialect of ``excel``.
    public init(categories: [String], excel: Bool = false) {
        self.categories = categories
        self.excel = excel
    }

    private var delimiter: Character { excel ? ";" : "," }

    /// The header row (after a byte-order mark in the Excel dialect), ending in `\r`: the writer adds the `\n`.
    public var header: String {
        (excel ? "\u{FEFF}" : "") + row(["file", "record", "server_id", "server_name", "verdict"] + categories.map { "score_" + $0 }
            + ["flagged", "rules", "evidence", "errors"])
    }

    /// One row for a server: source, verdict, each category's score (0 when absent), flagged categories, rules,
    /// evidence and rule errors. Ends in `\r`: the writer adds the `\n`.
    public func render(_ result: ClassificationResult) -> String {
        let scores = Dictionary(uniqueKeysWithValues: result.categories.map { ($0.id, $0) })
        let evidence = result.evidence.map { item in
            "\(item.rule) @ \(ReportWords.english.path(item.primary.location)): \(item.primary.match)"
        }
        return row([result.server.source.file, result.server.source.record.map(String.init) ?? "",
                    result.server.id ?? "", result.server.name, result.verdict.rawValue]
                   + categories.map { scores[$0].map { String($0.score) } ?? "0" }
                   + [result.categories.filter { $0.verdict > .clear }.map(\.id).joined(separator: " "),
                      Array(Set(result.evidence.map(\.rule))).sorted().joined(separator: " "),
                      evidence.joined(separator: "; "),
                      result.errors.map(\.description).joined(separator: "; ")])
    }

    /// A record that could not be read: its place in the input, no verdict, and the error.
    public func render(_ error: InputError) -> String {
        let source = error.source
        return row([source.file, source.record.map(String.init) ?? "", "", "", ""] + categories.map { _ in "" }
                   + ["", "", "", error.description])
    }

    private func row(_ fields: [String]) -> String {
        fields.map { Self.field($0, delimiter: delimiter) }.joined(separator: String(delimiter)) + "\r"
    }

    /// Quoted when it holds a comma, quote or line end; a leading =, +, -, @, tab or carriage return is prefixed
    /// with ' so that a spreadsheet never runs a channel name as a formula (OWASP's list for CSV injection).
    public static func field(_ text: String, delimiter: Character = ",") -> String {
        var value = text
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return value
        }
        var quoted = "\""
        for character in value {
            quoted.append(character)
            if character == "\"" { quoted.append("\"") }
        }
        return quoted + "\""
    }
}
