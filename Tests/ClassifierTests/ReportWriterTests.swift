import Foundation
import Testing
import Classifier

/// The library's writers are the CLI's output: a service or a bot that drives them gets the bytes `classify` prints.
@Suite struct ReportWriterTests {
    static let inputs = ["Fixtures/leaks-influ-hub.json", "Fixtures/benign-family.json", "Fixtures/evaded-minors.json"]

    /// Reads, classifies and writes `paths` through the public API alone, as an embedding program would.
    private func report(_ format: ReportFormat, _ paths: [String], sortByScore: Bool = false) -> String {
        let classifier = Support.bundled
        let referrals = try? Referrals.load(for: classifier.rules)
        let renderer = ReportRenderer(format: format, policy: classifier.rules.policy,
                                      options: ReportOptions(language: .en, referrals: referrals))
        let output = StringOutput()
        let formatWriter = renderer.makeWriter(output: output)
        let writer: ReportWriter = sortByScore ? ScoreOrderWriter(formatWriter) : formatWriter
        let stream = RecordStream(paths: paths.map { Support.checkout.path + "/" + $0 }, hashFiles: format == .markdown || format == .html)
        BatchRunner(classifier: classifier, jobs: 2, hashInputs: format == .markdown || format == .html)
            .run(stream, render: renderer.render, emit: writer.write, progress: { _ in })
        writer.finish(inputFiles: stream.fileHashes)
        return output.text.replacingOccurrences(of: Support.checkout.path + "/", with: "")
    }

    /// Markdown and HTML carry the time they were made; two runs differ there only.
    private func undated(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains(" UTC") && !$0.contains("classify \(Classifier.version) · ") }.joined(separator: "\n")
    }

    @Test(arguments: ReportFormat.allCases)
    func theWritersPrintWhatTheCLIPrints(format: ReportFormat) throws {
        let run = try CLITests().classify(["--format", format.rawValue, "--lang", "en", "--color", "never", "--no-summary"]
                                          + Self.inputs)
        #expect(run.status == 0)
        let library = report(format, Self.inputs)
        #expect(!library.isEmpty)
        #expect(undated(library) == undated(run.stdout))
    }

    @Test func anEmptyRunStillGivesValidFraming() throws {
        #expect(report(.json, []) == "[\n]\n")
        #expect(report(.jsonl, []) == "")
        let csv = report(.csv, [])
        #expect(csv.hasPrefix("file,") && csv.utf8.filter { $0 == 0x0A }.count == 1, "the CSV header alone: \(csv)")
    }

    @Test func scoreOrderPutsTheMostUrgentFirstAndKeepsTheFraming() throws {
        let lines = report(.jsonl, Self.inputs, sortByScore: true).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].contains("\"verdict\":\"report-authorities\""))
        #expect(lines[1].contains("\"verdict\":\"report-platform\""))
        #expect(lines[2].contains("\"verdict\":\"clear\""))
        let run = try CLITests().classify(["--format", "jsonl", "--sort", "score"] + Self.inputs)
        #expect(run.stdout == report(.jsonl, Self.inputs, sortByScore: true))
    }
}
