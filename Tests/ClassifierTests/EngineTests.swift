import Testing
@testable import Classifier

/// The engine on a small inline pack, so a change to the bundled packs cannot make these pass or fail: spans, negation,
/// combined hits, scopes and inherited context, match limits.
@Suite struct EngineTests {
    static let pack = """
        signals:
          - id: minor
            description: a minor marker
            inherited: true
            patterns: ['\\b(?:teens?|lyc[ée]e)\\b']
            examples: {match: ["teens"], no-match: ["tennis"]}
          - id: sexual
            description: sexual words
            patterns: ['\\b(?:nudes?|nsfw)\\b']
            examples: {match: ["nudes"], no-match: ["nude-colour"]}
        rules:
          - id: test.request-channel
            category: leaks
            section: "1.1"
            weight: 70
            description: a channel asking for leaks
            patterns: ['\\bdemande[\\s\\-_]*leaks?\\b']
            examples: {match: ["demande-leak"], no-match: ["demande"]}
          - id: test.deepfake
            category: deepfakes
            section: "4"
            weight: 70
            description: deepfakes
            patterns: ['\\bdeepfakes?\\b']
            examples: {match: ["deepfake"], no-match: ["fake"]}
          - id: test.leak
            category: leaks
            section: "1.1"
            weight: 70
            description: leaks
            patterns: ['\\bleaks?\\b']
            examples: {match: ["leaks"], no-match: ["league"]}
          - id: test.minor-sexual
            category: minors
            section: "5.2"
            weight: 90
            description: a minor marker and sexual words in one channel, the marker maybe from the category
            scope: channel
            any: [minor]
            and-any: [sexual]
            examples: {match: ["teen-nudes"], no-match: ["teen-support"]}
        """
    let classifier: Classifier = try! Classifier(rulesDirectory: Support.rulesFolder(["test.yaml": EngineTests.pack]))

    @Test func evidenceSpanIsInUnicodeScalarsOfTheOriginal() throws {
        let result = classifier.classify(Support.server(["category: 📁 ÉCHANGES", "💦・demande-leak・💦"]))
        let evidence = try #require(result.evidence.first { $0.rule == "test.request-channel" })
        let part = evidence.primary
        #expect(part.match == "demande-leak")
        #expect(part.start == 2 && part.end == 14)
        #expect(Array(part.text.unicodeScalars)[part.start..<part.end].map(String.init).joined() == "demande-leak")
        #expect(ReportWords.english.path(part.location) == "📁 ÉCHANGES › #💦・demande-leak・💦")
        #expect(part.view == .raw)
    }

    @Test func negationIsNotAPositiveHit() {
        for text in ["no leaks", "pas de deepfake", "leaks interdits", "aucun deepfake"] {
            let result = classifier.classify(Support.server([text]))
            #expect(!result.evidence.contains { $0.category == "leaks" || $0.category == "deepfakes" }, "\(text)")
        }
        // The positive control: the same words without their denial are hits.
        for text in ["leaks", "deepfake", "leaks-ici", "un deepfake"] {
            let result = classifier.classify(Support.server([text]))
            #expect(result.evidence.contains { $0.category == "leaks" || $0.category == "deepfakes" }, "\(text)")
        }
    }

    @Test func combinedHitShowsEveryPart() throws {
        let result = classifier.classify(Support.server(["category: LYCÉE", "général", "nudes-lycée"]))
        let hit = try #require(result.evidence.first { $0.rule == "test.minor-sexual" })
        #expect(Set(hit.parts.map(\.match)) == ["nudes", "lycée"])
        #expect(result.verdict == .reportAuthorities)
    }

    @Test func scopeKeepsFarApartSignalsApart() {
        // Same words, but the minor marker and the adult channel are in different categories of the server.
        let apart = classifier.classify(Support.server(["category: ADOS", "devoirs-teens", "category: ADULTES", "nsfw-memes"]))
        #expect(!apart.evidence.contains { $0.category == "minors" && !$0.indicator })
        #expect(apart.verdict <= .watch)
        let together = classifier.classify(Support.server(["category: X", "teens-nsfw"]))
        #expect(together.verdict == .reportAuthorities)
    }

    @Test func cleanServerIsClearWithNoEvidence() {
        let result = classifier.classify(Support.server(["category: INFOS", "règles", "annonces", "général"]))
        #expect(result.verdict == .clear && result.categories.isEmpty && result.evidence.isEmpty)
    }

    @Test func ruleThatHitsALimitIsReportedAsAnError() throws {
        let pack = """
            rules:
              - id: test.slow
                category: leaks
                section: "1"
                weight: 50
                description: catastrophic on purpose
                patterns: ['^(a+)+$']
            """
        let slow = try Classifier(rulesDirectory: Support.rulesFolder(["a.yaml": pack]))
        let result = slow.classify(Support.server([String(repeating: "a", count: 40) + "!"]))
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.rules == ["test.slow"])
        #expect(result.errors.first?.message.contains("match gave up") == true)
    }

    /// `repeated-categories`: the shape of a list of people, each filed with the same bare shelves.
    @Test func categoriesFiledAlikeHitOnceWithEveryCategoryShown() throws {
        let pack = """
            signals:
              - id: shelf
                description: a bare shelf
                patterns: ['^\\W*(?:pics|vids|requests)\\W*$']
                examples: {match: ["pics"], no-match: ["pics-of-cats"]}
            rules:
              - id: test.filed-alike
                category: leaks
                section: "1.1"
                weight: 60
                description: three categories or more with the same shelves
                scope: category
                repeated-categories: 3
                any: [shelf]
                examples: {match: [["category: a", "pics", "category: b", "pics", "category: c", "pics"]], no-match: ["pics"]}
            """
        let classifier = try Classifier(rulesDirectory: Support.rulesFolder(["test.yaml": pack]))
        func hits(_ lines: [String]) -> [Evidence] {
            classifier.classify(Support.server(lines)).evidence.filter { $0.rule == "test.filed-alike" }
        }
        // Decoration, case and look-alike letters do not make a shelf different.
        let alike = hits(["category: INFO", "rules", "category: kayla", "📸 pics", "vids", "category: nina", "PICS", "Vids",
                          "category: luna", "𝓹𝓲𝓬𝓼", "vids", "category: mila", "pics", "requests"])
        #expect(alike.count == 1)
        #expect(Set(try #require(alike.first).parts.compactMap(\.location.category)) == ["kayla", "nina", "luna"])
        #expect(classifier.classify(Support.server(["category: kayla", "pics", "vids", "category: nina", "pics", "vids",
                                                    "category: luna", "pics", "vids"])).verdict == .reportPlatform)
        // Two alike are not a list; nor are categories that keep a channel other than a shelf.
        #expect(hits(["category: kayla", "pics", "vids", "category: nina", "pics", "vids"]).isEmpty)
        #expect(hits(["category: PARIS", "general", "pics", "category: LYON", "general", "pics",
                      "category: NICE", "general", "pics"]).isEmpty)
        #expect(hits(["category: a", "pics", "category: b", "vids", "category: c", "requests"]).isEmpty)
    }
}
