import ArgumentParser
import Classifier
import Foundation

/// `classify test [DIR]`: run the regression fixtures.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the fixtures in DIR (default: Fixtures/ beside the rules) against their expected verdicts.")

    @Argument(help: "Folder of fixtures: NAME.json with NAME.expected.json beside it.")
    var directory: String?

    @Flag(name: .shortAndLong, help: "Print only the summary, not each failing fixture.")
    var quiet = false

    @OptionGroup var rulesOption: RulesOption

    func run() throws {
        let classifier = try rulesOption.load()
        let folder = directory ?? ((classifier.rules.directory as NSString).deletingLastPathComponent + "/Fixtures")
        let inputs = FixtureSuite.inputs(in: folder)
        guard !inputs.isEmpty else {
            Output.error("classify: no fixtures (*.json with *.expected.json) in \(folder)")
            throw ExitCode(2)
        }
        let suite = FixtureSuite(classifier: classifier)
        var failed = 0
        var metrics = FixtureMetrics()
        for file in inputs {
            let outcome = suite.run(file)
            metrics.add(outcome)
            guard !outcome.passed else { continue }
            failed += 1
            if quiet { continue }
            if let problem = outcome.problem {
                Output.line("FAIL \(file): \(problem)")
            } else if let expected = outcome.expected, let got = outcome.got {
                Output.line("FAIL \(file)\n  expected \(describe(expected))\n  got      \(describe(got))")
            }
        }
        // The figures a team judges a rule pack by, then the line scripts look for.
        Output.line("\n" + metrics.report(categoryOrder: classifier.rules.policy.categories.map(\.id)) + "\n")
        Output.line("\(inputs.count - failed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(1) }
    }

    private func describe(_ expectation: FixtureSuite.Expectation) -> String {
        "\(expectation.verdict.rawValue) [\(expectation.categories.joined(separator: ", "))]"
    }
}
