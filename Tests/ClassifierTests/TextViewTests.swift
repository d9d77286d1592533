import Testing
@testable import Classifier
import ClassifierTesting

@Suite struct TextViewTests {
    private func reading(_ text: String, _ kind: TextView.Kind) -> String? {
        TextViews(text).view(kind)?.text
    }

    @Test(arguments: [
        ("𝓵𝓮𝓪𝓴𝓼", "leaks"), ("ｌｅａｋｓ", "leaks"), ("ⓛⓔⓐⓚⓢ", "leaks"), ("𝔡𝔢𝔢𝔭𝔣𝔞𝔨𝔢", "deepfake"),
        ("l.e.a.k.s", "leaks"), ("le\u{200B}aks", "leaks"), ("l̴e̴a̴k̴s̴", "leaks"), ("leeeaks", "leaks"),
        ("┃LEAKS┃", " leaks "), ("💦・leaks・💦", " leaks "), ("Lycée", "lycee"), ("ﬁles", "files"),
        ("d.e.m.a.n.d.e-l.e.a.k", "demande-leak"), ("14a.n.s", "14ans"),
    ])
    func foldedViewUndoesEvasion(_ input: String, _ expected: String) {
        #expect(reading(input, .folded) == expected)
    }

    @Test(arguments: [("l\u{0435}aks", "leaks"), ("ʟᴇᴀᴋꜱ", "leaks"), ("ᴛᴇᴇɴ", "teen"), ("с\u{0440}-links", "cp-links")])
    func skeletonViewReadsLookAlikes(_ input: String, _ expected: String) {
        #expect(reading(input, .skeleton) == expected)
    }

    @Test func viewsThatAddNothingAreLeftOut() {
        #expect(TextViews("leaks-gta6").views.map(\.kind) == [.raw])
        // Numbers keep their meaning in every default view: no leet, no skeleton for plain ASCII words.
        #expect(TextViews("13-17 ans 18+", leet: true).views.map(\.kind) == [.raw])
        #expect(TextViews("Привет").view(.skeleton) == nil, "a Russian word is not a look-alike of a Latin one")
    }

    @Test func leetIsReadOnlyInsideWordsAndBothWaysForOne() {
        let views = TextViews("n00dz p1cs 2026", leet: true).views.filter { $0.kind == .leet }.map(\.text)
        #expect(views == ["noodz pics 2026", "noodz plcs 2026"])
        #expect(TextViews("n00dz", leet: false).view(.leet) == nil)
    }

    @Test func leetKeepsAgesAndYearsAndReadsGluedWordsApart() {
        let segmenter = Support.bundled.rules.segmenter
        let leet = { (name: String) in
            TextViews(name, leet: true, segmenter: segmenter).views.filter { $0.kind == .leet }.map(\.text)
        }
        // The number-keeping reading: an age before "yo" and a year after letters stay numbers; 57 and v13 are leet.
        #expect(leet("15y0 g1rl5").contains("15yo girls"))
        #expect(leet("n335_2011").contains("nees 2011"))
        #expect(leet("c0ll3g3 57ud3n75").contains("college students"))
        #expect(!leet("v13_lyc33nn3").contains { $0.contains("v13") })
        // Small capitals and leet at once, and leet glued words apart.
        #expect(leet("ʟʏᴄ33ɴɴ3ꜱ").contains("lyceennes"))
        #expect(leet("t33nn00d5").contains("teen noods"))
    }

    @Test func theOneAsLReadingCountsOnlyForItsLs() {
        // "1tem-5h0p" is a game's item shop: the 1-as-l reading ("ltem-shop") must not slip past the exception.
        let shop = Support.bundled.classify(Support.server(["173m-5h0p"]))
        #expect(!shop.evidence.contains { $0.parts.contains { $0.signal == "sale-term" } })
        let leaks = Support.bundled.classify(Support.server(["category: 1NF0", "1eaks-nud35"]))
        #expect(leaks.evidence.contains { $0.category == "leaks" })
    }

    @Test func aRawMatchThatFoldsUnchangedIsJudgedInTheFoldedView() {
        // "-18" between circled letters is inside a word once folded: not an age.
        let circled = EvasionTransform.circled.apply("vérification-18-plus")
        let result = Support.bundled.classify(Support.server(["server: Le Boudoir 18+", "category: ENTRÉE", circled]))
        #expect(result.verdict != .reportAuthorities)
        #expect(!result.evidence.contains { $0.parts.contains { $0.signal == "minor-marker" } })
        // What only the raw view can see still counts there.
        let flagged = Support.bundled.classify(Support.server([EvasionTransform.circled.apply("nudes") + " 🔞"]))
        #expect(flagged.evidence.contains { $0.parts.contains { $0.signal == "nsfw-marker" && $0.view == .raw } })
    }

    @Test func aCyrillicCapitalFoldedToLowerCaseStillReadsLatin() {
        let views = TextViews("МINЕURЕS АССЕРТÉЕS", leet: true).views
        #expect(views.first { $0.kind == .skeleton }?.text == "mineures acceptees")
    }

    @Test func matchInAViewMapsBackToTheOriginalScalars() throws {
        let result = Support.bundled.classify(Support.server(["category: ARCHIVE", "💦・l.e.a.k.s-nud\u{0435}s・💦"]))
        let hit = try #require(result.evidence.first { $0.rule == "leaks.intimate-leaks" })
        let leak = try #require(hit.parts.first { $0.signal == "leak-term" })
        #expect(leak.match == "l.e.a.k.s" && leak.view == .folded && leak.viewMatch == "leaks")
        #expect(leak.start == 2 && leak.end == 11)
        let nudes = try #require(hit.parts.first { $0.signal == "sexual-term" })
        #expect(nudes.match == "nud\u{0435}s" && nudes.view == .skeleton && nudes.viewMatch == "nudes")
        #expect(Array(nudes.text.unicodeScalars)[nudes.start..<nudes.end].map(String.init).joined() == nudes.match)
    }

    @Test func denialWrittenInLookAlikesStillDenies() {
        let result = Support.bundled.classify(Support.server(["\u{0430}nti nudify"]))
        #expect(!result.evidence.contains { $0.category == "deepfakes" })
    }

    @Test func everyEvasionVariantOfEveryExampleBehaves() {
        let results = RuleTester(classifier: Support.bundled).runEvasion()
        #expect(results.count == EvasionTransform.allCases.count)
        for result in results {
            #expect(result.failures.isEmpty, "\(result.transform.rawValue): \(result.failures.prefix(5))")
            #expect(result.expected > 0 && result.negatives > 0)
        }
    }

    @Test func transformsWriteWhatTheySay() {
        #expect(EvasionTransform.mathScript.apply("leaks") == "𝓵𝓮𝓪𝓴𝓼")
        #expect(EvasionTransform.smallCaps.apply("leaks") == "ʟᴇᴀᴋꜱ")
        #expect(EvasionTransform.dotted.apply("demande-leak") == "d.e.m.a.n.d.e-l.e.a.k")
        #expect(EvasionTransform.stretched.apply("deepfake") == "deeppppfake")
        #expect(EvasionTransform.leet.apply("montages ia") == "m0n74g35 i4")
    }
}
