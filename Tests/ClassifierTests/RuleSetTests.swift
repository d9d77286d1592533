import Testing
@testable import Classifier
import ClassifierTesting

@Suite struct RuleSetTests {
    /// One small valid pack, shared with the golden pack-error tests.
    private let validRule = Support.leakRulePack

    private func loadError(_ packs: [String: String], policy: String? = nil) -> RuleSetError? {
        do {
            _ = try RuleSet.load(directory: Support.rulesFolder(packs, policy: policy))
            return nil
        } catch {
            return error
        }
    }

    @Test func bundledRulesLoadLintCleanAndPassEveryExample() {
        let rules = Support.bundled.rules
        for category in rules.policy.categories.map(\.id) {
            #expect(rules.rules(in: category).filter { $0.status == .stable }.count >= 2, "category \(category)")
        }
        #expect(RuleLinter(rules: rules).lint().map(\.description) == [])
        let report = RuleTester(classifier: Support.bundled).run()
        #expect(report.failures.map(\.description) == [])
        #expect(report.passed > 100)
    }

    @Test func badPatternNamesFileRuleAndOffset() throws {
        let error = try #require(loadError(["a.yaml": validRule.replacingOccurrences(of: "\\bleaks?\\b", with: "leaks(")]))
        #expect(error.file.hasSuffix("a.yaml") && error.item == "test.leak")
        #expect(error.reason.contains("does not compile") && error.reason.contains("offset 6"))
    }

    @Test func unknownKeyIsRefused() throws {
        let error = try #require(loadError(["a.yaml": validRule + "\n    wieght: 3\n"]))
        #expect(error.reason.hasPrefix("unknown key 'wieght'"))
        #expect(error.line == 9)
    }

    @Test func duplicateIdsAcrossPacks() throws {
        let error = try #require(loadError(["a.yaml": validRule, "b.yaml": validRule]))
        #expect(error.reason.contains("duplicate id") && error.file.hasSuffix("b.yaml"))
    }

    @Test func unknownSignalAndCategoryAndSection() throws {
        let unknownSignal = validRule.replacingOccurrences(of: "    patterns: ['\\bleaks?\\b']", with: "    all: [nope]")
        #expect(try #require(loadError(["a.yaml": unknownSignal])).reason == "unknown signal 'nope'")
        let badCategory = validRule.replacingOccurrences(of: "category: leaks", with: "category: leak")
        #expect(try #require(loadError(["a.yaml": badCategory])).reason.hasPrefix("unknown category 'leak'"))
        let badSection = validRule.replacingOccurrences(of: "\"1.1\"", with: "\"2.1\"")
        #expect(try #require(loadError(["a.yaml": badSection])).reason == "section 2.1 is not in section 1 of category 'leaks'")
    }

    @Test func sectionsAndTitlesComeFromThePolicy() throws {
        let bundled = try String(contentsOfFile: Support.rulesDirectory + "/policy.yaml", encoding: .utf8)
        // The policy gives nsfw no subsections, so a rule cannot cite 6.1; it can cite 6.
        let nsfw = validRule.replacingOccurrences(of: "category: leaks", with: "category: nsfw")
        #expect(loadError(["a.yaml": nsfw.replacingOccurrences(of: "\"1.1\"", with: "\"6\"")]) == nil)
        #expect(try #require(loadError(["a.yaml": nsfw.replacingOccurrences(of: "\"1.1\"", with: "\"6.1\"")])).reason
                .hasPrefix("section '6.1' is not a typology section"))
        // Give it three, and 6.1 loads.
        let withSubsections = bundled.replacingOccurrences(of: "    subsections: 0\n", with: "    subsections: 3\n")
        #expect(withSubsections != bundled)
        #expect(loadError(["a.yaml": nsfw.replacingOccurrences(of: "\"1.1\"", with: "\"6.1\"")], policy: withSubsections) == nil)
        // Every category has its title in every report language.
        let noFrench = bundled.replacingOccurrences(of: #", fr: "Deepfakes et montages sexuels""#, with: "")
        #expect(noFrench != bundled)
        #expect(try #require(loadError(["a.yaml": validRule], policy: noFrench)).reason == "'title' needs a 'fr' title")
        let rules = try RuleSet.load(directory: Support.rulesFolder(["a.yaml": validRule]))
        #expect(rules.policy.category("deepfakes")?.title(.fr) == "Deepfakes et montages sexuels")
        #expect(rules.policy.category("deepfakes")?.title(.en) == "Sexual deepfakes and montages")
    }

    @Test func counterEvidenceCannotLowerMinors() throws {
        let pack = validRule.replacingOccurrences(of: "    weight: 50", with: "    weight: 50\n    lowers: [minors]")
        #expect(try #require(loadError(["a.yaml": pack])).reason.contains("cannot lower 'minors'"))
    }

    @Test func minorsRulesCannotBeCancelledByNone() throws {
        let minors = validRule.replacingOccurrences(of: "category: leaks", with: "category: minors")
            .replacingOccurrences(of: "\"1.1\"", with: "\"5.1\"")
        #expect(loadError(["a.yaml": minors]) == nil)
        let cancellable = minors + "\n    none: [test.leak]"
        #expect(try #require(loadError(["a.yaml": cancellable])).reason.contains("cannot use 'none'"))
        // An indicator only ever asks for watch, so it may step aside.
        #expect(loadError(["a.yaml": cancellable + "\n    indicator: true"]) == nil)
    }

    @Test func repeatedCategoriesNeedsCategoryScopeAndACount() throws {
        let repeated = validRule + "\n    repeated-categories: 3"
        #expect(try #require(loadError(["a.yaml": repeated])).reason.contains("goes with 'scope: category'"))
        #expect(loadError(["a.yaml": repeated + "\n    scope: category"]) == nil)
        let one = validRule + "\n    scope: category\n    repeated-categories: 1"
        #expect(try #require(loadError(["a.yaml": one])).reason.contains("must be between 2 and 50"))
    }

    @Test func viewsAreCheckedAndLintedAgainstCounterSignals() throws {
        let unknown = validRule + "\n    views: [raw, lowercase]"
        #expect(try #require(loadError(["a.yaml": unknown])).reason.hasPrefix("unknown view 'lowercase'"))
        let pack = """
            signals:
              - id: word
                description: d
                views: [leet]
                patterns: ['\\bleaks?\\b']
                examples: {match: ["l34ks"], no-match: ["x"]}
              - id: guard
                description: d
                views: [raw, folded]
                patterns: ['\\bhelp\\b']
                examples: {match: ["help"], no-match: ["x"]}
            rules:
              - id: test.leak
                category: leaks
                section: "1.1"
                weight: 50
                description: d
                all: [word]
                none: [guard]
                examples: {match: ["l34ks"], no-match: ["leaks help"]}
            """
        let rules = try RuleSet.load(directory: Support.rulesFolder(["a.yaml": pack]))
        // The bundled policy names signals of the bundled packs; lint says so for this pack set, which is not the point here.
        let issues = RuleLinter(rules: rules).lint().filter { $0.item != "header-not-inherited-with" }.map(\.reason)
        #expect(issues == ["'none' signal 'guard' does not read the leet view that the rule's signals read"])
        #expect(RuleLinter(rules: rules).lint().contains { $0.reason == "unknown signal 'protective-mission'" })
        #expect(rules.signals["word"]?.views == [.raw, .leet])
    }

    @Test func invalidYAMLGivesLine() throws {
        let error = try #require(loadError(["a.yaml": "rules:\n  - id: [unclosed\n"]))
        #expect(error.reason.hasPrefix("invalid YAML") && error.line != nil)
    }

    @Test func missingFolderAndPolicy() throws {
        do {
            _ = try RuleSet.load(directory: "/nonexistent/rules")
            Issue.record("expected an error")
        } catch {
            #expect(error.reason.contains("no such rules folder"))
        }
        let folder = Support.temporaryDirectory()
        Support.write(validRule, to: folder + "/a.yaml")
        do {
            _ = try RuleSet.load(directory: folder)
            Issue.record("expected an error")
        } catch {
            #expect(error.file.hasSuffix("policy.yaml") && error.reason == "missing file")
        }
    }

    @Test func lintFlagsMissingExamples() throws {
        // (A pattern matching the empty string no longer loads at all: patternsThatCanMatchNothingAreRefused.)
        let pack = """
            rules:
              - id: test.bare
                category: leaks
                section: "1"
                weight: 10
                description: d
                patterns: ['x+']
            """
        let rules = try RuleSet.load(directory: Support.rulesFolder(["a.yaml": pack]))
        let codes = RuleLinter(rules: rules).lint().map(\.code)
        #expect(codes.contains(.missingMatchExamples))
        #expect(codes.contains(.missingNoMatchExamples))
    }

    @Test func ruleTesterReportsAFailingExample() throws {
        let pack = validRule.replacingOccurrences(of: "no-match: [\"league\"]", with: "no-match: [\"leak\"]")
        let classifier = try Classifier(rulesDirectory: Support.rulesFolder(["a.yaml": pack]))
        let report = RuleTester(classifier: classifier).run()
        #expect(report.failures.map(\.code) == [.exampleWronglyMatched])
        #expect(report.failures.map(\.description).allSatisfy { $0.hasSuffix("test.leak: should not match \"leak\"") })
    }

    @Test(arguments: ["x*", #"(?=a)|\b"#, "(?:leaks)?"])
    func patternsThatCanMatchNothingAreRefused(_ pattern: String) {
        let pack = """
            pack: t
            rules:
              - id: t.empty
                category: leaks
                section: "1.1"
                weight: 50
                description: d
                patterns: ['\(pattern)']
                examples: {match: ["x"], no-match: ["y"]}
            """
        let error = loadError(["t.yaml": pack])
        #expect(error?.description.contains("can match the empty string") == true, "\(pattern): \(String(describing: error))")
    }

    @Test func segmentationWordListErrorsNameTheFileAndLine() throws {
        let bundled = try String(contentsOfFile: Support.rulesDirectory + "/policy.yaml", encoding: .utf8)
        let missing = try #require(loadError([:], policy: bundled.replacingOccurrences(
            of: "segmentation-dictionary: common-words.txt", with: "segmentation-dictionary: no-such-list.txt")))
        #expect(missing.file.hasSuffix("no-such-list.txt") && missing.description.contains("cannot be read"))
        let folder = Support.rulesFolder([:], policy: bundled.replacingOccurrences(
            of: "segmentation-dictionary: common-words.txt", with: "segmentation-dictionary: words.txt"))
        Support.write("# comment\nschool\n\nÉcole\n", to: folder + "/words.txt")
        #expect(throws: RuleSetError.self) { try RuleSet.load(directory: folder) }
        do { _ = try RuleSet.load(directory: folder) } catch {
            #expect(error.file.hasSuffix("words.txt") && error.description.contains(":4:")
                    && error.reason.contains("'École'"), "\(error)")
        }
    }

    @Test func policyRefusesUnknownKeysAndNonNumbers() throws {
        let bundled = try String(contentsOfFile: Support.rulesDirectory + "/policy.yaml", encoding: .utf8)
        let misspelt = loadError([:], policy: bundled + "\nrepeat-decai: 0.2\n")
        #expect(misspelt?.description.contains("repeat-decai") == true)
        let word = loadError([:], policy: bundled.replacingOccurrences(of: "repeat-decay: 0.5", with: "repeat-decay: half"))
        #expect(word?.description.contains("repeat-decay must be a number") == true)
    }
}
