import Foundation
import ArgumentParser
import Classifier
import ClassifierTesting

/// `classify rules lint|test|list|views`.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check, test and list the rule packs.",
        subcommands: [Lint.self, Test.self, List.self, Views.self]
    )

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate the packs: schema, unique ids, patterns compile, examples present.")
        @OptionGroup var rulesOption: RulesOption

        func run() throws {
            let classifier = try rulesOption.load()
            var issues = RuleLinter(rules: classifier.rules).lint().map(\.description)
            let referrals = classifier.rules.directory + "/" + Referrals.fileName
            if FileManager.default.fileExists(atPath: referrals) {
                do {
                    _ = try Referrals.load(for: classifier.rules)
                } catch {
                    issues.append(error.description)
                }
            }
            for issue in issues { Output.line(issue) }
            let rules = classifier.rules
            let unfiltered = classifier.engine.signalsWithoutLiterals
            if !unfiltered.isEmpty {
                Output.line("note: signals with a pattern the prefilter cannot skip (it runs on every text): "
                            + unfiltered.joined(separator: ", "))
            }
            Output.line("\(rules.rules.count) rules, \(rules.signals.values.filter { !$0.isImplicit }.count) signals "
                        + "in \(rules.files.count) packs: \(issues.count) problem\(issues.count == 1 ? "" : "s")")
            if !issues.isEmpty { throw ExitCode(1) }
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every match and no-match example of every rule and signal.")
        @OptionGroup var rulesOption: RulesOption
        @Flag(help: "Also derive evasion variants of every example (𝓵𝓮𝓪𝓴𝓼, l.e.a.k.s, lеaks…) and print recall per transform.")
        var evasion = false

        func run() throws {
            let tester = RuleTester(classifier: try rulesOption.load())
            let report = tester.run()
            for failure in report.failures { Output.line("FAIL \(failure)") }
            Output.line("\(report.passed) passed, \(report.failures.count) failed")
            var failed = !report.failures.isEmpty
            if evasion {
                let results = tester.runEvasion()
                for result in results {
                    for failure in result.failures { Output.line("EVADED \(failure)") }
                }
                Output.line("")
                Output.line("transform      recall            negatives still clean")
                for result in results {
                    let name = result.transform.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)
                    let recall = "\(percent(result.recall)) (\(result.found)/\(result.expected))"
                        .padding(toLength: 17, withPad: " ", startingAt: 0)
                    Output.line("\(name) \(recall) \(result.clean)/\(result.negatives)")
                }
                let found = results.reduce(0) { $0 + $1.found }, expected = results.reduce(0) { $0 + $1.expected }
                Output.line("all            \(percent(Double(found) / Double(max(expected, 1)))) (\(found)/\(expected))")
                failed = failed || results.contains { !$0.failures.isEmpty }
            }
            if failed { throw ExitCode(1) }
        }

        private func percent(_ value: Double) -> String {
            String(format: "%.1f%%", value * 100)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the rules with their category and section.")
        @OptionGroup var rulesOption: RulesOption

        func run() throws {
            let rules = try rulesOption.load().rules
            Output.line("rule-pack version \(rules.policy.version), \(rules.directory)")
            for rule in rules.rules {
                var tags: [String] = [rule.status.rawValue]
                if rule.indicator { tags.append("indicator") }
                if case let .lowers(categories) = rule.effect { tags.append("lowers " + categories.joined(separator: ",")) }
                let id = rule.id.padding(toLength: 30, withPad: " ", startingAt: 0)
                let category = rule.category.padding(toLength: 14, withPad: " ", startingAt: 0)
                Output.line("\(id) \(category) \(rule.section.padding(toLength: 4, withPad: " ", startingAt: 0)) "
                            + "w\(rule.weight)  \(rule.scope.rawValue)  [\(tags.joined(separator: ", "))]  \(rule.description)")
            }
        }
    }

    struct Views: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the text views the rules read for each NAME (raw, folded, skeleton, leet, segmented).",
            discussion: "With --words, list the words the segmented view splits glued names into instead.")
        @OptionGroup var rulesOption: RulesOption
        @Flag(help: "List the segmentation vocabulary: the words of every pattern and the policy's segmentation-words.")
        var words = false
        @Flag(help: "Also list the signals each NAME hits as a channel name, with what they matched and in which view.")
        var signals = false
        @Argument(help: "Names to show, as a channel or category would carry them.")
        var names: [String] = []

        func run() throws {
            let classifier = try rulesOption.load()
            let rules = classifier.rules
            if words {
                Output.line(rules.segmenter.words.sorted().joined(separator: "\n"))
                return
            }
            for name in names {
                Output.line(TerminalText.visible(name))
                for view in TextViews(name, leet: rules.readsLeet, segmenter: rules.segmenter).views {
                    Output.line("  " + view.kind.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
                                + TerminalText.visible(view.text))
                }
                guard signals else { continue }
                let server = Server(name: "", channels: [Channel(name: name)])
                for hit in classifier.engine.signalMatches(server, scratch: MatchScratch()) {
                    Output.line("  signal    " + hit.signal + ": «" + TerminalText.visible(hit.match) + "» ("
                                + hit.view.rawValue + ")")
                }
            }
        }
    }
}
