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
