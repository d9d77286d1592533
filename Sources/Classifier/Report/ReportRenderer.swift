/// The output formats of `classify`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, jsonl, markdown, csv, html
}

/// Turns each batch item into its output in one format - redacted first when asked. Built once per run and shared
/// by every worker; the framing around the records (brackets, separators, closing tables) is the job of the
/// ``ReportWriter`` that ``makeWriter(output:)`` returns.
public struct ReportRenderer: Sendable {
    /// The format every item is rendered in.
    public let format: ReportFormat
    /// Language, colour, redaction, referrals and date, as given to `init`.
    public let options: ReportOptions
    private let text: TextReport
    private let markdown: MarkdownReport
    private let csv: CSVReport
    private let html: HTMLReport
    private let policy: Policy

    /// What a worker makes of one record: the output, messages for standard error, and what a summary needs.
    public struct Rendered: Sendable {
        /// The record's output, unframed, for ``ReportWriter/write(_:)``; empty when the record goes to standard error
        /// only (an input error in the text format).
        public var output: String
        /// Lines for standard error, each starting with `classify: `: the input error, or each rule error.
        public var messages: [String]
        /// Nil for a record that could not be read.
        public var verdict: Verdict?
        /// Ids of the categories whose own verdict is above `clear`; empty for a record that could not be read.
        public var flagged: [String]
        /// How many rules could not be evaluated on the server (``ClassificationResult/errors``).
        public var ruleErrors: Int
        /// How many ``ClassificationResult/warnings`` the server has.
        public var warnings = 0
        /// Left out by `--select`: neither printed nor counted.
        public var skipped = false
        /// The highest category score of the server, for `--sort score`.
        public var score = 0
        /// Ids of the rules that fired (counter-evidence left out), for the HTML page's summary; empty in other formats.
        public var rules: [String] = []

        /// A record `--select` leaves out.
        public static let skip = Rendered(output: "", messages: [], verdict: nil, flagged: [], ruleErrors: 0, skipped: true)
    }

    /// - Parameters:
    ///   - format: the output format every record is rendered in.
    ///   - policy: the rule set's policy: category order (CSV columns) and titles (markdown).
    ///   - options: language, colour, redaction and referrals, each used by the formats that need it.
    public init(format: ReportFormat, policy: Policy, options: ReportOptions = ReportOptions()) {
        self.format = format
        self.options = options
        text = TextReport(colour: options.colour, language: options.language)
        markdown = MarkdownReport(language: options.language, policy: policy,
                                  referrals: options.referrals ?? Referrals(entries: []), date: options.date)
        csv = CSVReport(categories: policy.categories.map(\.id), excel: options.csvExcel)
        html = HTMLReport(language: options.language, listClear: options.listClear)
        self.policy = policy
    }

    /// The redactor of ``options``, applied to every item before it is rendered; nil when not redacting.
    public var redactor: Redactor? { options.redactor }

    /// The writer that frames this format's records into `output`. A prologue (the JSON array's bracket, the CSV
    /// header) is written at once.
    public func makeWriter(output: ReportOutput) -> ReportWriter {
        switch format {
        case .text, .jsonl: return LineWriter(output: output)
        case .csv: return LineWriter(output: output, header: csv.header)
        case .json: return JSONArrayWriter(output: output)
        case .markdown: return MarkdownWriter(output: output, report: markdown, redactor: redactor)
        case .html: return HTMLWriter(output: output, language: options.language, policy: policy, redactor: redactor,
                                      date: options.date)
        }
    }

    /// Renders one item, redacted first when asked. Safe to call from many threads at once, as workers do.
    public func render(_ item: BatchItem) -> Rendered {
        switch item {
        case let .failed(original):
            let error = redactor?.redact(original) ?? original
            let output: String
            switch format {
            // Text is for people, who read the message on standard error: printed there only, once.
            case .text: output = ""
            case .jsonl: output = JSONReport.line(for: error)
            case .json: output = Self.indent(JSONReport.object(for: error).serialized(pretty: true))
            case .markdown: output = "## classify: \(MarkdownReport.inline(error.description))\n"
            case .csv: output = csv.render(error)
            // The page counts unreadable records in its summary; the message goes to standard error.
            case .html: output = ""
            }
            return Rendered(output: output, messages: ["classify: " + error.message(in: options.language)], verdict: nil,
                            flagged: [], ruleErrors: 0)
        case let .classified(original):
            let result = redactor?.redact(original) ?? original
            let output: String
            switch format {
            case .text: output = text.render(result) + "\n"
            case .jsonl: output = JSONReport.line(for: result)
            case .json: output = Self.indent(JSONReport.object(for: result).serialized(pretty: true))
            case .markdown: output = markdown.render(result)
            case .csv: output = csv.render(result)
            case .html: output = html.render(result)
            }
            return Rendered(output: output,
                            messages: result.errors.map { "classify: \(result.server.source.display): \($0)" },
                            verdict: result.verdict,
                            flagged: result.categories.filter { $0.verdict > .clear }.map(\.id),
                            ruleErrors: result.errors.count, warnings: result.warnings.count,
                            score: result.categories.map(\.score).max() ?? 0,
                            // Only the page's summary reads them: no set and sort per record for the other formats.
                            rules: format == .html ? Array(Set(result.evidence.filter { !$0.isCounter }.map(\.rule))).sorted() : [])
        }
    }

    static func indent(_ text: String) -> String {
        // Split on the byte: splitting Characters runs grapheme breaking over every long name in the report.
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { "  " + String(Substring($0)) }.joined(separator: "\n")
    }
}
