/// Where a writer's bytes go: standard output in the CLI, a buffer in tests or in a service's response.
public protocol ReportOutput: AnyObject {
    /// Appends text as it is; the writer supplies every line end.
    func write(_ text: String)
}

/// Collects a report in memory: for a service's response body, or to compare outputs in tests.
public final class StringOutput: ReportOutput {
    /// Everything written so far.
    public private(set) var text = ""

    /// An empty output.
    public init() {}

    /// Appends `text` to ``text``.
    public func write(_ text: String) {
        self.text += text
    }
}

/// Frames a run's rendered records into one format's output as they stream - the prologue, what separates two
/// records, what closes the output - the way ripgrep's printers do. Records are rendered on worker threads by
/// ``ReportRenderer``; a writer only sees them, one at a time and in order, on the thread that drives the run.
public protocol ReportWriter: AnyObject {
    /// Writes one record's output. Records whose output is empty (a text report's input error, which goes to
    /// standard error only) are passed too and leave no trace.
    func write(_ record: ReportRenderer.Rendered)

    /// Ends the output: closes the JSON array, adds the markdown table of input files. Call once, after the last
    /// record (or with none).
    /// - Parameter inputFiles: every input file read and its SHA-256, for the formats that list them.
    func finish(inputFiles: [(file: String, sha256: String)])
}

/// One record after another with a separator between two and a line end after the last: text, JSON Lines, CSV.
public final class LineWriter: ReportWriter {
    private let output: ReportOutput
    private let separator: String
    private var first = true

    /// - Parameters:
    ///   - output: where the records go.
    ///   - header: written before anything else (the CSV header), whether or not a record follows.
    ///   - separator: written between two records, each of which ends without a line end.
    public init(output: ReportOutput, header: String? = nil, separator: String = "\n") {
        self.output = output
        self.separator = separator
        if let header { output.write(header + "\n") }
    }

    /// Writes the record's output after the separator (none before the first); empty output is skipped.
    public func write(_ record: ReportRenderer.Rendered) {
        guard !record.output.isEmpty else { return }
        output.write((first ? "" : separator) + record.output)
        first = false
    }

    /// Ends the last record with a line end, if any record was written; `inputFiles` is not listed.
    public func finish(inputFiles: [(file: String, sha256: String)]) {
        if !first { output.write("\n") }
    }
}

/// A JSON array of result objects, one per record, indented two spaces.
public final class JSONArrayWriter: ReportWriter {
    private let output: ReportOutput
    private var first = true

    /// Writes the array's opening bracket to `output` at once.
    public init(output: ReportOutput) {
        self.output = output
        output.write("[\n")
    }

    /// Writes the record's object, after a comma unless it is the first; empty output is skipped.
    public func write(_ record: ReportRenderer.Rendered) {
        guard !record.output.isEmpty else { return }
        output.write((first ? "" : ",\n") + record.output)
        first = false
    }

    /// Closes the array (`[]` when no record was written); `inputFiles` is not listed.
    public func finish(inputFiles: [(file: String, sha256: String)]) {
        output.write(first ? "]\n" : "\n]\n")
    }
}

/// One markdown report per server separated by rules, closed by a table of the input files and their SHA-256,
/// so that a report attached to a complaint says what it was made from.
public final class MarkdownWriter: ReportWriter {
    private let output: ReportOutput
    private let report: MarkdownReport
    private let redactor: Redactor?
    private var first = true

    /// A writer of markdown reports to `output`; nothing is written before the first record.
    /// - Parameters:
    ///   - output: where the reports go.
    ///   - report: builds the closing table of input files.
    ///   - redactor: hashes the file paths in that table; nil leaves them in clear.
    public init(output: ReportOutput, report: MarkdownReport, redactor: Redactor?) {
        self.output = output
        self.report = report
        self.redactor = redactor
    }

    /// Writes the record's report, after a horizontal rule unless it is the first; empty output is skipped.
    public func write(_ record: ReportRenderer.Rendered) {
        guard !record.output.isEmpty else { return }
        output.write((first ? "" : "\n---\n\n") + record.output)
        first = false
    }

    /// Ends the last report and, when `inputFiles` is not empty, adds the table of input files and their SHA-256.
    public func finish(inputFiles: [(file: String, sha256: String)]) {
        if !first { output.write("\n") }
        if !inputFiles.isEmpty {
            output.write("\n---\n\n" + report.inputFiles(inputFiles, redactor: redactor))
        }
    }
}

/// Holds every record and passes them on, most urgent first, when the run ends (`--sort score`): by verdict, then
/// the highest category score; records that could not be read last; input order among equals.
public final class ScoreOrderWriter: ReportWriter {
    private let next: ReportWriter
    private var held: [ReportRenderer.Rendered] = []

    /// Holds records for `next`, which gets them sorted when ``finish(inputFiles:)`` is called.
    public init(_ next: ReportWriter) {
        self.next = next
    }

    /// Keeps the record until ``finish(inputFiles:)``: memory grows with the run.
    public func write(_ record: ReportRenderer.Rendered) {
        held.append(record)
    }

    /// Passes every held record to the next writer, most urgent first, then finishes it with `inputFiles`.
    public func finish(inputFiles: [(file: String, sha256: String)]) {
        func rank(_ record: ReportRenderer.Rendered) -> (Int, Int) {
            (record.verdict.map { Verdict.allCases.firstIndex(of: $0)! } ?? -1, record.score)
        }
        let ranked = held.enumerated().sorted { a, b in
            let left = rank(a.element), right = rank(b.element)
            return left != right ? left > right : a.offset < b.offset
        }
        for (_, record) in ranked { next.write(record) }
        held.removeAll()
        next.finish(inputFiles: inputFiles)
    }
}
