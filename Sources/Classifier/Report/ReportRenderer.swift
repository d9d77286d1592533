/// The output formats of `classify`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, jsonl, markdown, csv
}

/// Turns each batch item into its output in one format - redacted first when asked - and says how outputs are
/// joined. Built once per run and shared by every worker.
public struct ReportRenderer: Sendable {
    public let format: ReportFormat
    public let text: TextReport
    public let markdown: MarkdownReport?
    public let csv: CSVReport
    public let redactor: Redactor?

    /// What a worker makes of one record: the output, messages for standard error, and what a summary needs.
    public struct Rendered: Sendable {
        public var output: String
        public var messages: [String]
        /// Nil for a record that could not be read.
        public var verdict: Verdict?
        public var flagged: [String]
        public var ruleErrors: Int
        public var warnings = 0
        /// Left out by `--select`: neither printed nor counted.
        public var skipped = false
        /// The highest category score of the server, for `--sort score`.
        public var score = 0

        /// A record `--select` leaves out.
        public static let skip = Rendered(output: "", messages: [], verdict: nil, flagged: [], ruleErrors: 0, skipped: true)
    }

    /// - Parameter markdown: required for the markdown format (it carries the referrals and the date).
    public init(format: ReportFormat, text: TextReport, markdown: MarkdownReport?, csv: CSVReport, redactor: Redactor?) {
        precondition(format != .markdown || markdown != nil, "the markdown format needs a MarkdownReport")
        self.format = format
        self.text = text
        self.markdown = markdown
        self.csv = csv
        self.redactor = redactor
    }

    /// What comes before the first record (`[` for JSON, the header for CSV).
    public var prologue: String? {
        switch format {
        case .json: return "["
        case .csv: return csv.header
        case .text, .jsonl, .markdown: return nil
        }
    }

    /// What comes between two records' outputs, each of which ends without a line end.
    public var separator: String {
        switch format {
        case .json: return ",\n"
        case .markdown: return "\n---\n\n"
        case .text, .jsonl, .csv: return "\n"
        }
    }

    /// What ends the output (after the last record, or after the prologue when there was none).
    public func epilogue(empty: Bool) -> String {
        switch format {
        case .json: return empty ? "]\n" : "\n]\n"
        case .text, .jsonl, .csv, .markdown: return empty ? "" : "\n"
        }
    }

    public func render(_ item: BatchItem) -> Rendered {
        switch item {
        case let .failed(original):
            let error = redactor?.redact(original) ?? original
            let output: String
            switch format {
            // Text is for people, who read the message on standard error: printed there only, once.
            case .text: output = ""
            case .jsonl: output = JSONReport.object(for: error).serialized()
            case .json: output = Self.indent(JSONReport.object(for: error).serialized(pretty: true))
            case .markdown: output = "## classify: \(MarkdownReport.inline(error.description))\n"
            case .csv: output = csv.render(error)
            }
            return Rendered(output: output, messages: ["classify: " + error.message(in: text.language)], verdict: nil,
                            flagged: [], ruleErrors: 0)
        case let .classified(original):
            let result = redactor?.redact(original) ?? original
            let output: String
            switch format {
            case .text: output = text.render(result) + "\n"
            case .jsonl: output = JSONReport.object(for: result).serialized()
            case .json: output = Self.indent(JSONReport.object(for: result).serialized(pretty: true))
            case .markdown: output = markdown!.render(result)
            case .csv: output = csv.render(result)
            }
            return Rendered(output: output,
                            messages: result.errors.map { "classify: \(result.server.source.display): \($0)" },
                            verdict: result.verdict,
                            flagged: result.categories.filter { $0.verdict > .clear }.map(\.id),
                            ruleErrors: result.errors.count, warnings: result.warnings.count,
                            score: result.categories.map(\.score).max() ?? 0)
        }
    }

    static func indent(_ text: String) -> String {
        // Split on the byte: splitting Characters runs grapheme breaking over every long name in the report.
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { "  " + String(Substring($0)) }.joined(separator: "\n")
    }
}
