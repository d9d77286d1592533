import Foundation
import Testing
@testable import Classifier
import ClassifierTesting

@Suite struct PrefilterTests {
    static let unfiltered = Classifier(rules: Support.bundled.rules, prefilter: false)

    /// Everything a user sees of a result, as text, to compare two runs.
    private func rendered(_ server: Server, _ classifier: Classifier) -> String {
        JSONReport.object(for: classifier.classify(server)).serialized()
    }

    @Test func sameResultsOnEveryFixture() throws {
        let servers = RecordStream(paths: [Support.fixturesDirectory]).compactMap { try? ServerReader.decode($0).get() }
        #expect(servers.count >= 60)
        for server in servers {
            #expect(rendered(server, Support.bundled) == rendered(server, Self.unfiltered), "\(server.source.file)")
        }
    }

    @Test func sameResultsOnGeneratedServersAndEvasionVariants() {
        // Every example of every rule and signal, each evasion variant of it, and random mixes of their lines.
        var lines: [String] = []
        let rules = Support.bundled.rules
        for examples in rules.rules.map(\.examples) + rules.signals.values.map(\.examples) {
            for example in examples.match + examples.noMatch { lines += example }
        }
        var servers: [Server] = []
        for transform in [nil] + EvasionTransform.allCases {
            for line in lines {
                servers.append(ExampleServer.build([line], transform: transform?.apply ?? { $0 }))
            }
        }
        var state: UInt64 = 42
        for _ in 0..<400 {
            var picked: [String] = []
            for _ in 0..<6 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                picked.append(lines[Int(state >> 33) % lines.count])
            }
            servers.append(ExampleServer.build(picked))
        }
        var mismatches = 0
        for server in servers where rendered(server, Support.bundled) != rendered(server, Self.unfiltered) {
            mismatches += 1
            if mismatches <= 3 { Issue.record("prefilter changes the result of \(server.channels.map(\.name))") }
        }
        #expect(mismatches == 0)
        #expect(servers.count > 5_000)
    }

    @Test func extractedLiteralsAreRequiredByEveryExampleMatch() throws {
        // Soundness on real patterns: wherever a pattern matches an example, one of its literals is in the text.
        let scratch = MatchScratch()
        let rules = Support.bundled.rules
        var checked = 0
        for signal in rules.signals.values {
            let texts = (signal.examples.match + (rules.rules.first { $0.id == signal.id }?.examples.match ?? [])).flatMap { $0 }
            for pattern in signal.patterns {
                guard let literals = LiteralExtractor.requiredLiterals(of: pattern.source) else { continue }
                for text in texts where try pattern.firstMatch(in: text, using: scratch) != nil {
                    let lowered = text.lowercased()
                    #expect(literals.contains { lowered.contains($0) }, "\(signal.id): /\(pattern.source)/ on \(text)")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
    }

    @Test(arguments: [
        (#"\bleaks?\b"#, ["leak"]),
        (#"\b(?:demandes?|requests?)[\s\-_]*(?:leaks?|packs?)\b"#, ["demande", "request"]),
        (#"\blyc[ée]e\b"#, ["lyc"]),
        (#"\d+\s?[€$]"#, ["$", "€"]),
        (#"(?<![\w\-])-\s?18\b"#, ["18"]),
    ])
    func literalsOfKnownPatterns(_ pattern: String, _ expected: [String]) {
        #expect(LiteralExtractor.requiredLiterals(of: pattern).map { $0.sorted() } == expected.sorted())
    }

    @Test(arguments: [#"\w+"#, #"(?:a|\d)"#, #"x*"#, #"(a)\1"#, #"[^a]b?"#, #"(?x) l e a k s"#, #"(?x:n u d e s)"#])
    func patternsWithoutASafeLiteralAlwaysRun(_ pattern: String) {
        #expect(LiteralExtractor.requiredLiterals(of: pattern) == nil)
    }

    @Test func patternsHoldingNULAreHandled() {
        // Found by fuzzing: Foundation's String.contains crashed on literals holding NUL.
        #expect(LiteralExtractor.requiredLiterals(of: "icte r\"\u{0}\":\u{FFFD}\u{0}") != nil)
        #expect(LiteralExtractor.requiredLiterals(of: "a\u{0}b|a\u{0}") == ["a\u{0}"])
    }

    @Test func kelvinSignStillMatchesWithThePrefilter() {
        // U+212A matches k caselessly; the byte scan cannot see that, so such a text runs every pattern.
        let server = Support.server(["lea\u{212A}s-nudes"])
        #expect(rendered(server, Support.bundled) == rendered(server, Self.unfiltered))
        #expect(Support.bundled.classify(server).evidence.contains { $0.rule == "leaks.intimate-leaks" })
    }

    @Test func extendedPatternsAreNeverSkipped() throws {
        // In extended mode "l e a k s" matches "leaks": the extractor cannot read that, so the pattern always runs.
        let pack = """
            pack: t
            rules:
              - id: t.spaced
                category: leaks
                section: "1.1"
                weight: 50
                description: d
                flags: [extended]
                patterns: ['l e a k s']
                examples: {match: ["leaks"], no-match: ["general"]}
            """
        let rules = try RuleSet.load(directory: Support.rulesFolder(["t.yaml": pack]))
        for prefilter in [true, false] {
            let result = Classifier(rules: rules, prefilter: prefilter).classify(Support.server(["leaks"]))
            #expect(result.evidence.contains { $0.rule == "t.spaced" }, "prefilter \(prefilter)")
        }
    }
}
