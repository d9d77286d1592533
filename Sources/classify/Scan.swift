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
        discussion: "Reads each FILE (or standard input when there is none, or for '-') and prints one result per server."
    )

    @Argument(help: "Server exports: Discord channel arrays, guild templates, native JSON, or JSON Lines of these.")
    var files: [String] = []

    @OptionGroup var rulesOption: RulesOption

    @Option(help: "Output format: text, json or jsonl.")
    var format: OutputFormat = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 when any server reaches this verdict (watch, report-platform, report-authorities).")
    var failOn: Verdict?

    @Flag(help: "Colours in text output even when not writing to a terminal.")
    var colour = false

    func run() throws {
        let classifier = try rulesOption.load()
        let inputs = files.isEmpty ? ["-"] : files
        let text = TextReport(colour: colour || Output.isTerminal)
        var results: [String] = []
        var sawInputError = false
        var reachedFailOn = false
        let scratch = MatchScratch()
        for input in inputs {
            for record in ServerReader.read(path: input) {
                switch record {
                case let .failure(error):
                    sawInputError = true
                    Output.error("classify: \(error)")
                    switch format {
                    case .text: Output.line(text.render(error) + "\n")
                    case .jsonl: Output.line(JSONReport.object(for: error).serialized())
                    case .json: results.append(JSONReport.object(for: error).serialized(pretty: true))
                    }
                case let .success(server):
                    let result = classifier.classify(server, scratch: scratch)
                    if let failOn, result.verdict >= failOn { reachedFailOn = true }
                    for error in result.errors { Output.error("classify: \(server.source.display): \(error)") }
                    switch format {
                    case .text: Output.line(text.render(result) + "\n")
                    case .jsonl: Output.line(JSONReport.object(for: result).serialized())
                    case .json: results.append(JSONReport.object(for: result).serialized(pretty: true))
                    }
                }
            }
        }
        if format == .json {
            Output.line("[\n" + results.map { indent($0) }.joined(separator: ",\n") + "\n]")
        }
        Output.flush()
        if sawInputError { throw ExitCode(2) }
        if reachedFailOn { throw ExitCode(1) }
    }

    private func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }
}
