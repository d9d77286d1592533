import ArgumentParser
import Classifier
import ClassifierTesting
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

    @Option(help: ArgumentHelp("Also run every fixture with all its names obfuscated by an evasion transform and print the figures per transform: a transform name or 'all'.",
                               valueName: "TRANSFORM"))
    var obfuscate: String?

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
        var plainVerdicts: [String: Verdict] = [:]
        for file in inputs {
            let outcome = suite.run(file)
            metrics.add(outcome)
            plainVerdicts[file] = outcome.got?.verdict
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
        if let obfuscate {
            let transforms: [EvasionTransform]
            if obfuscate == "all" {
                transforms = EvasionTransform.allCases
            } else if let transform = EvasionTransform(rawValue: obfuscate) {
                transforms = [transform]
            } else {
                Output.error("classify: unknown transform '\(obfuscate)' (known: all, "
                             + EvasionTransform.allCases.map(\.rawValue).joined(separator: ", ") + ")")
                throw ExitCode(2)
            }
            var rows: [String] = []
            for transform in transforms {
                var obfuscated = FixtureMetrics()
                for file in inputs {
                    let outcome = suite.run(file, obfuscation: transform)
                    obfuscated.add(outcome)
                    // Where a transform changes the verdict is where the views miss a spelling: name each such server.
                    if !quiet, let got = outcome.got?.verdict, let plain = plainVerdicts[file], got != plain {
                        let expected = outcome.expected.map { " (expected \($0.verdict.rawValue))" } ?? ""
                        Output.line("OBFUSCATED \(transform.rawValue) \(file): \(plain.rawValue) -> \(got.rawValue)\(expected)")
                    }
                }
                rows.append(Self.row(transform.rawValue, obfuscated))
            }
            if !quiet { Output.line("") }
            Output.line("obfuscated copies     verdicts right     report-authorities recall   false alarms   benign flagged")
            for row in rows { Output.line(row) }
            Output.line("")
        }
        Output.line("\(inputs.count - failed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(1) }
    }

    static func row(_ name: String, _ metrics: FixtureMetrics) -> String {
        let percent = FixtureMetrics.percent
        let authorities = metrics.recall(of: .reportAuthorities)
        let right = "\(metrics.verdictsRight)/\(metrics.measured) (\(percent(metrics.verdictsRight, metrics.measured)))"
        let recall = "\(authorities.got)/\(authorities.expected) (\(percent(authorities.got, authorities.expected)))"
        return name.padding(toLength: 22, withPad: " ", startingAt: 0)
            + right.padding(toLength: 19, withPad: " ", startingAt: 0)
            + recall.padding(toLength: 28, withPad: " ", startingAt: 0)
            + String(metrics.falseAlarms(at: .reportAuthorities)).padding(toLength: 15, withPad: " ", startingAt: 0)
            + "\(metrics.benignFlagged)/\(metrics.confusion[0].reduce(0, +))"
    }

    private func describe(_ expectation: FixtureSuite.Expectation) -> String {
        "\(expectation.verdict.rawValue) [\(expectation.categories.joined(separator: ", "))]"
    }
}
