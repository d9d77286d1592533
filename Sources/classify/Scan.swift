import ArgumentParser
import Classifier
import Foundation

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl
}

/// `classify [FILE...]`: classify server exports.
struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Classify server exports (the default command).",
        discussion: """
            Reads each FILE or directory (standard input when there is none, or for '-') and prints one result per \
            server, in input order. JSON Lines watch lists and directories are streamed record by record.
            """
    )

    @Argument(help: "Server exports: Discord channel arrays, guild templates, native JSON, JSON Lines of these, or directories of such files.")
    var files: [String] = []

    @OptionGroup var rulesOption: RulesOption

    @Option(help: "Output format: text, json or jsonl.")
    var format: OutputFormat = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 when any server reaches this verdict (watch, report-platform, report-authorities).")
    var failOn: Verdict?

    @Option(name: [.short, .long], help: "Worker threads (default: every core). The output is the same for any number.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .customLong("no-prefilter"), help: "Run every pattern on every text instead of only those whose literals occur in it (same results, slower).")
    var noPrefilter = false

    @Flag(help: "Colours in text output even when not writing to a terminal.")
    var colour = false

    @Flag(inversion: .prefixedNo, help: "Progress on standard error while running (default: when standard error is a terminal).")
    var progress: Bool?

    @Flag(inversion: .prefixedNo, help: "A summary per verdict and category on standard error at the end (default: when standard error is a terminal).")
    var summary: Bool?

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    /// What a worker makes of one record: the output text, messages for standard error and what the summary needs.
    struct Rendered: Sendable {
        var output: String
        var messages: [String]
        var verdict: Verdict?
        var flagged: [String]
        var ruleErrors: Int
    }

    func run() throws {
        let classifier = try rulesOption.load(prefilter: !noPrefilter)
        let stream = RecordStream(paths: files.isEmpty ? ["-"] : files)
        let report = TextReport(colour: colour || Output.isTerminal)
        let format = self.format
        let interactive = isatty(STDERR_FILENO) == 1
        let meter = (progress ?? interactive) ? ProgressMeter() : nil
        var totals = RunSummary()
        var sawInputError = false
        var reachedFailOn = false
        var first = true

        if format == .json { Output.write("[\n") }
        BatchRunner(classifier: classifier, jobs: jobs).run(stream, render: { item in
            Self.render(item, format: format, report: report)
        }, emit: { rendered in
            for message in rendered.messages {
                meter?.clear()
                Output.error(message)
            }
            if let verdict = rendered.verdict {
                totals.add(verdict: verdict, flaggedCategories: rendered.flagged, ruleErrors: rendered.ruleErrors)
                if let failOn, verdict >= failOn { reachedFailOn = true }
            } else {
                totals.addInputError()
                sawInputError = true
            }
            switch format {
            case .json:
                Output.write((first ? "" : ",\n") + rendered.output)
                first = false
            case .text, .jsonl:
                Output.line(rendered.output)
            }
        }, progress: { state in
            meter?.update(state)
        })
        if format == .json { Output.line(first ? "]" : "\n]") }
        Output.flush()
        meter?.clear()
        if summary ?? interactive {
            Output.error(totals.render(categoryOrder: classifier.rules.policy.categories.map(\.id)))
        }
        if sawInputError { throw ExitCode(2) }
        if reachedFailOn { throw ExitCode(1) }
    }

    private static func render(_ item: BatchItem, format: OutputFormat, report: TextReport) -> Rendered {
        switch item {
        case let .failed(error):
            let output: String
            switch format {
            case .text: output = report.render(error) + "\n"
            case .jsonl: output = JSONReport.object(for: error).serialized()
            case .json: output = indent(JSONReport.object(for: error).serialized(pretty: true))
            }
            return Rendered(output: output, messages: ["classify: \(error)"], verdict: nil, flagged: [], ruleErrors: 0)
        case let .classified(result):
            let output: String
            switch format {
            case .text: output = report.render(result) + "\n"
            case .jsonl: output = JSONReport.object(for: result).serialized()
            case .json: output = indent(JSONReport.object(for: result).serialized(pretty: true))
            }
            return Rendered(output: output,
                            messages: result.errors.map { "classify: \(result.server.source.display): \($0)" },
                            verdict: result.verdict,
                            flagged: result.categories.filter { $0.verdict > .clear }.map(\.id),
                            ruleErrors: result.errors.count)
        }
    }

    private static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }
}

/// The progress line on standard error: records done, rate, and time left when the input size is known.
final class ProgressMeter {
    private var lastDraw = 0.0
    private var drawn = false

    func update(_ state: BatchRunner.Progress) {
        guard state.elapsed - lastDraw >= 0.25 || !drawn else { return }
        lastDraw = state.elapsed
        let rate = state.elapsed > 0 ? Double(state.records) / state.elapsed : 0
        var line = "classify: \(RunSummary.count(state.records)) records · \(RunSummary.count(Int(rate)))/s"
        if let total = state.totalBytes, total > 0, state.bytesRead > 0 {
            let left = state.elapsed * Double(total - state.bytesRead) / Double(state.bytesRead)
            line += String(format: " · %d%% · %d:%02d left", state.bytesRead * 100 / total, Int(left) / 60, Int(left) % 60)
        }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        drawn = true
    }

    func clear() {
        guard drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }
}
