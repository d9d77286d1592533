import Testing
@testable import Classifier

@Suite struct ScorerTests {
    let scorer = Scorer(policy: Support.bundled.rules.policy)

    private func hit(_ rule: String, _ category: String, weight: Int, status: RuleStatus = .stable,
                     indicator: Bool = false, lowers: [String] = []) -> Evidence {
        let part = EvidencePart(signal: rule, location: Location(field: .channel, category: nil, channel: "c"),
                                text: "c", start: 0, end: 1, match: "c", view: .raw)
        return Evidence(rule: rule, category: category, section: "1", status: status, weight: weight,
                        indicator: indicator, lowers: lowers, scope: .text, parts: [part])
    }

    @Test func contributionsCombineAndRepeatsDecay() {
        let (verdict, categories) = scorer.score([hit("a", "leaks", weight: 40), hit("b", "leaks", weight: 40)])
        #expect(categories.first?.score == 64)  // 100 × (1 − 0.6 × 0.6)
        #expect(verdict == .reportPlatform)
        // The same rule twice: 40, then 20 → 100 × (1 − 0.6 × 0.8) = 52.
        #expect(scorer.score([hit("a", "leaks", weight: 40), hit("a", "leaks", weight: 40)]).categories.first?.score == 52)
    }

    @Test func theScorerSaysWhyAndReportsReadIt() {
        func reason(_ evidence: [Evidence], _ category: String) -> VerdictReason? {
            scorer.score(evidence).categories.first { $0.id == category }?.reason
        }
        #expect(reason([hit("a", "leaks", weight: 24)], "leaks") == .belowWatch)
        #expect(reason([hit("a", "leaks", weight: 25)], "leaks") == .watchThreshold(25))
        #expect(reason([hit("a", "leaks", weight: 60)], "leaks") == .reportPlatformThreshold(60))
        #expect(reason([hit("a", "leaks", weight: 80, indicator: true)], "leaks") == .indicatorCap(60))
        #expect(reason([hit("a", "minors", weight: 10)], "minors") == .escalation(.reportAuthorities))
        // The markdown report's "why" is the scorer's reason, in words.
        let result = Support.bundled.classify(Support.server(["teen-nudes"]))
        let markdown = MarkdownReport(language: .en, policy: scorer.policy, referrals: Referrals(entries: [])).render(result)
        #expect(markdown.contains("a stable `minors` rule matched"))
        #expect(JSONReport.object(for: result).serialized().contains(#""reason":{"kind":"escalation","threshold":null}"#))
    }

    @Test func thresholdsMapScoresToVerdicts() {
        #expect(scorer.score([hit("a", "leaks", weight: 24)]).verdict == .clear)
        #expect(scorer.score([hit("a", "leaks", weight: 25)]).verdict == .watch)
        #expect(scorer.score([hit("a", "leaks", weight: 60)]).verdict == .reportPlatform)
    }

    @Test func experimentalRulesAreReportedButNeverRaiseAVerdict() {
        let (verdict, categories) = scorer.score([hit("a", "leaks", weight: 90, status: .experimental)])
        #expect(verdict == .clear)
        #expect(categories.first?.score == 0 && categories.first?.rules == ["a"])
        #expect(scorer.score([hit("m", "minors", weight: 90, status: .experimental)]).verdict == .clear)
    }

    @Test func indicatorsAloneAreCappedAtWatch() {
        let hits = (0..<5).map { hit("i\($0)", "leaks", weight: 50, indicator: true) }
        let (verdict, categories) = scorer.score(hits)
        #expect(categories.first!.score > 60)
        #expect(verdict == .watch && categories.first?.indicatorOnly == true)
    }

    @Test func anyStableMinorsHitEscalatesWhateverTheScore() {
        #expect(scorer.score([hit("m", "minors", weight: 1)]).verdict == .reportAuthorities)
        #expect(scorer.score([hit("m", "minors", weight: 30, indicator: true)]).verdict == .watch)
    }

    @Test func counterEvidenceLowersButNeverMinors() {
        let counter = hit("c", "context", weight: 50, lowers: ["leaks", "nsfw"])
        let (verdict, categories) = scorer.score([hit("a", "leaks", weight: 70), counter])
        #expect(categories.first { $0.id == "leaks" }?.score == 35)
        #expect(categories.first { $0.id == "leaks" }?.loweredBy == ["c"])
        #expect(verdict == .watch)
        let minors = scorer.score([hit("m", "minors", weight: 90), hit("c", "context", weight: 99, lowers: ["minors"])])
        #expect(minors.verdict == .reportAuthorities)
        #expect(minors.categories.first { $0.id == "minors" }?.score == 90)
    }
}
