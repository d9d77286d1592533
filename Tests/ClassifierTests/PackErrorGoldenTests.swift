import Foundation
import Testing
@testable import Classifier
import ClassifierTesting

/// Pins the exact text of rule-pack problems, code and place included: people grep for these codes and editors jump
/// to these places, so a change here is a change of interface.
@Suite struct PackErrorGoldenTests {
    private static let rule = Support.leakRulePack

    /// The message for `packs` with the temporary folder shown as `<dir>`, or nil when they load.
    private func loadMessage(_ packs: [String: String]) -> String? {
        let folder = Support.rulesFolder(packs)
        do {
            _ = try RuleSet.load(directory: folder)
            return nil
        } catch {
            return error.description.replacingOccurrences(of: folder, with: "<dir>")
        }
    }

    private static func edit(_ from: String, _ to: String) -> String {
        rule.replacingOccurrences(of: from, with: to)
    }

    static let loadCases: [(String, [String: String], String)] = [
        ("duplicate id, both places", ["a.yaml": rule, "b.yaml": rule],
         "<dir>/b.yaml:2:5: error[E012]: test.leak: duplicate id (first at <dir>/a.yaml:2:5): rename one of them"),
        ("unknown key, at the key", ["a.yaml": rule + "\n    wieght: 3\n"],
         "<dir>/a.yaml:9:5: error[E004]: test.leak: unknown key 'wieght' (allowed: all, and-any, any, category, "
            + "description, examples, fields, flags, from-hits-of, id, indicator, lowers, min-any, negatable, none, "
            + "patterns, repeated-categories, scope, section, status, views, weight)"),
        ("pattern that does not compile, at the pattern", ["a.yaml": edit("['\\bleaks?\\b']", "['ok', 'leaks(']")],
         "<dir>/a.yaml:7:22: error[E013]: test.leak: pattern /leaks(/ does not compile: "
            + "missing closing parenthesis at offset 6 in the pattern"),
        ("pattern that matches nothing", ["a.yaml": edit("['\\bleaks?\\b']", "['x*']")],
         "<dir>/a.yaml:7:16: error[E014]: test.leak: pattern /x*/ can match the empty string, so it would hit every "
            + "text: make it need at least one character"),
        ("weight out of range, at the value", ["a.yaml": edit("weight: 50", "weight: 500")],
         "<dir>/a.yaml:5:13: error[E007]: test.leak: weight 500 must be between 1 and 100"),
        ("unknown category", ["a.yaml": edit("category: leaks", "category: leak")],
         "<dir>/a.yaml:3:15: error[E008]: test.leak: unknown category 'leak' (known: leaks, tributes, irl-predation, "
            + "deepfakes, minors, nsfw, context)"),
        ("unknown signal", ["a.yaml": edit("    patterns: ['\\bleaks?\\b']", "    all: [nope]")],
         "<dir>/a.yaml:2:5: error[E009]: test.leak: unknown signal 'nope'"),
        ("missing key", ["a.yaml": edit("    weight: 50\n", "")],
         "<dir>/a.yaml:2:5: error[E005]: test.leak: missing 'weight'"),
        ("invalid YAML", ["a.yaml": "rules:\n  - id: [unclosed\n"],
         "<dir>/a.yaml:3:1: error[E003]: invalid YAML: did not find expected ',' or ']'"),
        ("empty pack", ["a.yaml": "pack: nothing\n"],
         "<dir>/a.yaml:1:1: error[E011]: the pack has neither signals nor rules: add 'signals' or 'rules'"),
    ]

    @Test func loadProblemsPrintCodeAndPlace() {
        for (name, packs, expected) in Self.loadCases {
            #expect(loadMessage(packs) == expected, "\(name)")
        }
    }

    @Test func everyCodeIsDistinctAndTitled() {
        let codes = PackProblem.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count)
        #expect(PackProblem.allCases.allSatisfy { !$0.title.isEmpty && $0.rawValue.range(of: #"^E\d{3}$"#, options: .regularExpression) != nil })
    }

    @Test func lintProblemsPointAtTheRule() throws {
        let bare = Self.rule.replacingOccurrences(of: "    examples: {match: [\"leaks\"], no-match: [\"league\"]}", with: "")
        let folder = Support.rulesFolder(["a.yaml": bare])
        let issues = RuleLinter(rules: try RuleSet.load(directory: folder)).lint()
            .filter { $0.item == "test.leak" }
            .map { $0.description.replacingOccurrences(of: folder, with: "<dir>") }
        #expect(issues == [
            "<dir>/a.yaml:2:5: error[E101]: test.leak: no examples.match: add servers the rule must flag",
            "<dir>/a.yaml:2:5: error[E102]: test.leak: no examples.no-match: add look-alike servers it must leave alone",
        ])
    }

    @Test func failingExamplesPointAtTheExample() throws {
        let pack = Self.rule.replacingOccurrences(of: "no-match: [\"league\"]", with: "no-match: [\"league\", \"leak\"]")
        let folder = Support.rulesFolder(["a.yaml": pack])
        let report = RuleTester(classifier: try Classifier(rulesDirectory: folder)).run()
        #expect(report.failures.map { $0.description.replacingOccurrences(of: folder, with: "<dir>") }
                == ["<dir>/a.yaml:8:55: error[E202]: test.leak: should not match \"leak\""])
    }

    @Test func oversizedPackIsRefusedBeforeParsing() throws {
        let filler = "# " + String(repeating: "x", count: 1000) + "\n"
        let big = Self.rule + "\n" + String(repeating: filler, count: YAMLFile.maximumBytes / filler.utf8.count + 1)
        let message = try #require(loadMessage(["a.yaml": big]))
        #expect(message.hasPrefix("<dir>/a.yaml: error[E015]: the file is "))
        #expect(message.hasSuffix("split it into several packs, or check that it is a rule pack at all"))
    }
}
