import Testing
@testable import Classifier

@Suite struct EngineTests {
    let classifier = Support.bundled

    @Test func evidenceSpanIsInUnicodeScalarsOfTheOriginal() throws {
        let result = classifier.classify(Support.server(["category: 📁 ÉCHANGES", "💦・demande-leak・💦"]))
        let evidence = try #require(result.evidence.first { $0.rule == "leaks.request-channel" })
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
    }

    @Test func combinedHitShowsEveryPart() throws {
        let result = classifier.classify(Support.server(["category: LYCÉE", "général", "nudes-lycée"]))
        let hit = try #require(result.evidence.first { $0.rule == "minors.minor-sexual" })
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
}
