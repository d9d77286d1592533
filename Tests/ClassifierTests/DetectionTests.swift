import Foundation
import Testing
@testable import Classifier
@testable import ClassifierTesting

/// What issue 10 changed in detection, as a moderator would notice it: names read whatever their joining, a
/// category or server name giving meaning to the channels under it, minors escalation across categories, denials
/// and framing that hold, protected names, and the figures of `classify test`.
@Suite struct DetectionTests {
    let classifier = Support.bundled

    private func verdict(_ lines: [String]) -> Verdict { classifier.classify(Support.server(lines)).verdict }

    private func rules(_ lines: [String]) -> Set<String> {
        Set(classifier.classify(Support.server(lines)).evidence.map(\.rule))
    }

    // MARK: - Segmented view

    @Test(arguments: [
        ("teen_nudes", "teen nudes"), ("TeenNudes", "teen nudes"), ("teennudes", "teen nudes"),
        ("snapleaks", "snap leaks"), ("demandeleaks", "demande leaks"), ("jailbaitvault", "jailbait vault"),
        ("u18pics", "u 18 pics"), ("13_17", "13-17"), ("NSFWPics", "nsfw pics"), ("douchesu15", "douches u 15"),
        ("lescollegiennesdu93", "les collegiennes du 93"), ("ru13s", "ru 13 s"), ("Sec5DeLaRive", "sec5 de la rive"),
        ("3Eme", nil as String?),
        // Everyday words fill around the packs' words when a whole name or sentence is glued.
        ("dropsofhighschoolgirlsfromourarea", "drops of high schoolgirls from our area"), ("schoolbus", "school bus"),
        ("8thgradesnaps", "8th grade snaps"),
        ("sendpicstodaddy", "send pics to daddy"), ("quiasonsnap", "qui a son snap"),
        // A compound's head splits off a pattern word, never an everyday one.
        ("smallkidspics", "small kids pics"),
        // Three of a letter where two words meet are not a stretched word: "undress" and "schoolgirls".
        ("undressschoolgirls", "undress schoolgirls"), ("UndressSchoolgirls", "undress schoolgirls"),
        ("leeeaks", nil as String?),
    ])
    func segmentedViewReadsWordsApart(_ name: String, _ expected: String?) {
        let views = TextViews(name, leet: true, segmenter: classifier.rules.segmenter).views
        let segmented = views.first { $0.kind == .segmented }
        #expect(segmented?.text == expected, "\(name) → \(segmented?.text ?? "no segmented view")")
    }

    @Test(arguments: ["backpack", "package", "canteen", "cumulative", "thirteen", "photographie",
                      "candidature", "bénévoles", "3e", "cub4", "general",
                      // Everyday words never split a word of the dictionary, a run with no pattern word, or a run
                      // whose shortest reading has none; nor end a run on a word of one or two letters.
                      "therapist", "benevole", "benevolesbuvette", "fuitent", "seinen",
                      // An everyday word and a compound's head is a name: `moonchild` is not "moon child".
                      "Moonchild", "starchild",
                      // A dictionary word made of pattern words stays whole: "care packages" holds no ages.
                      "packages", "camping"])
    func segmentedViewLeavesRealWordsWhole(_ name: String) {
        let views = TextViews(name, leet: true, segmenter: classifier.rules.segmenter).views
        #expect(!views.contains { $0.kind == .segmented }, "\(name) was split")
    }

    @Test func segmentedMatchMapsBackToTheOriginal() throws {
        let result = classifier.classify(Support.server(["TeenNudesTrade"]))
        let hit = try #require(result.evidence.first { $0.rule == "minors.minor-sexual" })
        let teen = try #require(hit.parts.first { $0.signal == "minor-marker" || $0.signal == "minor-word" })
        #expect(teen.view == .segmented && teen.match == "Teen" && teen.start == 0 && teen.end == 4)
        let nudes = try #require(hit.parts.first { $0.signal == "sexual-term" })
        #expect(nudes.match == "Nudes" && nudes.start == 4 && nudes.end == 9)
    }

    @Test func aRunOfThreeWhereWordsMeetMapsBackWhole() throws {
        // "undressschoolgirls": the segmented reading keeps all three s, so "undress" spans the original 0..<7.
        let result = classifier.classify(Support.server(["channel: undressschoolgirls", "topic: upload a photo, NSFW"]))
        let hit = try #require(result.evidence.first { $0.category == "minors" })
        let undress = try #require(hit.parts.first { $0.signal == "undress-term" })
        #expect(undress.view == .segmented && undress.match == "undress" && undress.start == 0 && undress.end == 7)
        #expect(result.verdict == .reportAuthorities)
    }

    @Test func vocabularyKeepsEveryWordOfALongAlternation() {
        // A cut would keep whichever words a Set's per-process hash order put first: verdicts changed between runs.
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        var names: [String] = []
        for number in 0..<800 {
            let first = letters[number % 26], second = letters[number / 26 % 26], third = letters[number / 676]
            names.append("word" + String(first) + String(second) + String(third))
        }
        let words = Vocabulary.words(of: ["\\b(?:" + names.joined(separator: "|") + ")\\b"])
        #expect(words == Set(names))
    }

    @Test func vocabularyComesFromThePatterns() {
        let words = Vocabulary.words(of: [#"\b(?:demandes?|requests?)[\s\-_]*(?:de[\s\-_]*)?(?:leaks?|p[o0]rn\w*)\b"#])
        #expect(words.isSuperset(of: ["demande", "demandes", "request", "requests", "leak", "leaks", "porn"]))
        #expect(!words.contains("demandeleak") && !words.contains("p0rn"))
    }

    // MARK: - Inherited context and minors escalation

    @Test func categoryNameGivesMeaningToItsChannels() {
        #expect(verdict(["category: COLLÈGE", "pics", "vids", "demandes"]) == .reportAuthorities)
        #expect(verdict(["category: VIE DE CLASSE", "photos-sortie", "devoirs"]) == .clear)
    }

    @Test func aCategoryIsNamedForWhatItsChannelsHold() {
        // `denied-by-channels`: study channels under "Dossier" make it a file of applications, not a pack...
        #expect(verdict(["server: Parcoursup Entraide", "description: entre élèves de terminale",
                         "category: Dossier", "relecture-cv", "lettres-de-motivation"]) == .clear)
        // ...which it stays without them.
        #expect(verdict(["server: Parcoursup Entraide", "description: entre élèves de terminale",
                         "category: Dossier", "lettres"]) == .reportAuthorities)
    }

    @Test func aBareChannelReadsAsItsCategorySays() {
        // `denied-by-category`: under a category of clothing sizes, a channel named by an age is a size...
        #expect(verdict(["category: 👕 TAILLES", "4-8-ans", "10-14-ans", "category: ÉCHANGES", "demandes"]) == .clear)
        // ...and a shelf filed by age under any other name.
        #expect(verdict(["category: AGES", "4-8-ans", "10-14-ans", "category: ÉCHANGES", "demandes"]) == .reportAuthorities)
        // A bare "échanges" under "CARTES" is a card swap, even in a space named for under-16s; under "SALON" it is not.
        #expect(verdict(["server: Les moins de 16 ans", "category: CARTES", "échanges"]) == .clear)
        #expect(verdict(["server: Les moins de 16 ans", "category: SALON", "échanges"]) == .reportAuthorities)
        // Only a channel the hit names whole: a yearbook's "candids" are its own, its "locker-room-candids" are not.
        #expect(verdict(["category: YEARBOOK", "candids", "senior_portraits"]) == .clear)
        #expect(verdict(["category: YEARBOOK", "locker-room-candids"]) == .reportAuthorities)
    }

    @Test func aServerNamedForAHobbyCollectsThatHobby() {
        // `denied-by-header`: in a server named for LEGO swaps, a children's collection is of bricks...
        #expect(verdict(["server: Échanges LEGO", "category: X", "collection-enfants", "liens"]) == .clear)
        // ...and of children anywhere else; the header settles collections, not folders.
        #expect(verdict(["server: Échanges", "category: X", "collection-enfants", "liens"]) == .reportAuthorities)
        #expect(verdict(["server: Échanges LEGO", "category: X", "dossiers-enfants", "liens"]) == .reportAuthorities)
    }

    @Test func channelsOutsideAnyCategoryAreReadTogether() {
        // Discord lists them as one unnamed category; category-wide rules read them so.
        #expect(verdict(["LittleSis", "Requests"]) == .reportAuthorities)
        #expect(verdict(["category: FAMILY", "LittleSis", "category: ASK", "Requests"]) == .clear)
    }

    @Test func serverNameAndDescriptionGiveMeaningToEveryChannel() {
        #expect(verdict(["server: ExGf Vault", "category: MEDIA", "pics", "requests"]) >= .reportPlatform)
        #expect(verdict(["server: Trade 🔞", "description: aucune limite d'âge", "photos", "links-mega"]) == .reportAuthorities)
        #expect(verdict(["server: Tournoi Rocket", "description: pas de limite d'âge", "photos-du-tournoi"]) == .clear)
        // A band's name read as "moon child" made every channel a minor's: the name stays one word.
        #expect(verdict(["server: Moonchild Nation", "leaks-discussion", "fan-edits"]) < .reportAuthorities)
        #expect(verdict(["server: Smallkidspics", "leaks-discussion", "fan-edits"]) == .reportAuthorities)
    }

    @Test func otherCategoriesHitsAimedAtPupilsEscalate() throws {
        let result = classifier.classify(Support.server(["description: les meufs de la 4e A", "deepfake-nsfw"]))
        #expect(result.verdict == .reportAuthorities)
        let hit = try #require(result.evidence.first { $0.rule == "minors.minor-target" })
        // Both the school level and the deepfake hit it builds on are in the evidence.
        #expect(hit.parts.contains { $0.match == "4e" } && hit.parts.contains { $0.match == "deepfake" })
        #expect(verdict(["description: communauté d'adultes", "deepfake-nsfw"]) == .reportPlatform)
    }

    @Test func nsfwFlagAndForumTagsAreRead() throws {
        var server = Server(name: "Hub", channels: [Channel(name: "archive", tags: ["teen", "amateur"]),
                                                    Channel(name: "teen-chat", nsfw: true)])
        server.categories = []
        let result = classifier.classify(server)
        #expect(result.verdict == .reportAuthorities)
        let fields = Set(result.evidence.flatMap(\.parts).map(\.location.field))
        #expect(fields.contains(.flag))
        let tags = try Self.json(#"[{"id": "1", "type": 15, "name": "archive", "available_tags": [{"id": "2", "name": "teen"}], "nsfw": true}]"#)
        #expect(tags.channels.first?.tags == ["teen"] && tags.channels.first?.nsfw == true)
    }

    static func json(_ text: String) throws -> Server {
        try ServerReader.read(bytes: Array(text.utf8), file: "t.json")[0].get()
    }

    // MARK: - Denials, framing, traps

    @Test(arguments: [
        "SFW only. No sexualised characters who are minors.",
        "aucune loli ni shota, pas de lolicon",
        "no lolicon or shotacon allowed",
        "Loli/shota or sexualised minors = instant permaban",
        "tolérance zéro pour les contenus volés, les montages et les mineurs",
    ])
    func rulesThatDenyAreNotHits(_ topic: String) {
        #expect(verdict(["server: Anime Club 🔞", "channel: règles", "topic: " + topic, "nsfw-art"]) < .reportAuthorities, "\(topic)")
    }

    @Test func protectiveWordsAddedByAnAbuserDoNotLowerMinors() {
        #expect(verdict(["nudes-collège-signalement"]) == .reportAuthorities)
        #expect(verdict(["teen-nudes-trade", "topic: no minors lol"]) == .reportAuthorities)
    }

    @Test func parentAndVictimFramingDeniesTheWordItFrames() {
        #expect(verdict(["server: Parents vigilants", "leaks-de-photos-que-faire", "topic: si des photos de votre ado circulent"]) < .reportAuthorities)
        #expect(verdict(["server: Deepfake Literacy Project", "description: workshops for teachers and parents", "spotting_deepfakes"]) == .clear)
    }

    @Test func ambiguousCodesNeedASecondSignal() {
        #expect(verdict(["server: Codeforces FR", "cp-links", "editorials"]) == .clear)
        #expect(verdict(["server: Trade 🔞", "cp-links"]) == .reportAuthorities)
    }

    @Test func trapsOfOneKindStayClear() {
        #expect(verdict(["server: Sticker Lab", "packs-vip", "demande-pack", "sticker-packs"]) == .clear)
        #expect(verdict(["server: PokéLeaks", "leaks", "leaks-tcg", "leaks-anime"]) == .clear)
        #expect(verdict(["server: AS Foot", "category: U15", "planning-vestiaires", "douches-horaires"]) == .clear)
    }

    // MARK: - Protected names

    @Test func protectedNamesAreHitsAndNeverPrinted() throws {
        let rules = try RuleSet.load(directory: Support.rulesDirectory,
                                     protectedNames: ProtectedNames(names: ["Lea Martin", "kiara.live"]))
        let protected = Classifier(rules: rules)
        let server = Support.server(["server: Fan zone", "category: KIARA LIVE", "packs", "LeaMartinLeaks"])
        let result = protected.classify(server)
        #expect(result.evidence.contains { $0.rule == "leaks.protected-person" })
        #expect(result.verdict >= .reportPlatform)
        let output = JSONReport.object(for: result).serialized() + TextReport(colour: false).render(result)
        for name in ["kiara", "Kiara", "KIARA", "LeaMartin", "Martin"] { #expect(!output.contains(name), "\(name) in clear") }
        // Without the list the same server says nothing about these people.
        #expect(!classifier.classify(server).evidence.contains { $0.rule == "leaks.protected-person" })
    }

    @Test func protectFileErrorsNameTheLine() throws {
        let folder = Support.temporaryDirectory()
        Support.write("# watched\n@kiara.live\n\n" + String(repeating: "x", count: 200) + "\n", to: folder + "/names.txt")
        #expect(throws: ProtectedNames.LoadError.self) { try ProtectedNames.load(path: folder + "/names.txt") }
        do {
            _ = try ProtectedNames.load(path: folder + "/names.txt")
        } catch {
            #expect(error.description.hasPrefix(folder + "/names.txt:4:"))
        }
        Support.write("# watched\n@kiara.live\nLéa Martin\n", to: folder + "/ok.txt")
        #expect(try ProtectedNames.load(path: folder + "/ok.txt").names == ["kiara.live", "Léa Martin"])
    }

    // MARK: - Figures of classify test

    @Test func metricsCountWhatATeamNeeds() {
        func outcome(_ expected: Verdict, _ got: Verdict, _ expectedCategories: [String], _ gotCategories: [String]) -> FixtureSuite.Outcome {
            FixtureSuite.Outcome(file: "x", expected: .init(verdict: expected, categories: expectedCategories),
                                 got: .init(verdict: got, categories: gotCategories), problem: nil)
        }
        let metrics = FixtureMetrics(outcomes: [
            outcome(.reportAuthorities, .reportAuthorities, ["minors"], ["minors"]),
            outcome(.reportAuthorities, .reportPlatform, ["minors", "leaks"], ["leaks"]),
            outcome(.clear, .reportAuthorities, [], ["minors"]),
            outcome(.clear, .clear, [], []),
        ])
        #expect(metrics.verdictsRight == 2 && metrics.measured == 4 && metrics.exact == 2)
        #expect(metrics.recall(of: .reportAuthorities) == (got: 1, expected: 2))
        #expect(metrics.falseAlarms(at: .reportAuthorities) == 1 && metrics.benignFlagged == 1)
        #expect(metrics.categories["minors"] == .init(truePositives: 1, falsePositives: 1, falseNegatives: 1))
        #expect(metrics.categories["leaks"]?.precision == 1 && metrics.categories["leaks"]?.recall == 1)
        #expect(metrics.report(categoryOrder: ["leaks", "minors"]).contains("report-authorities: recall 1/2 (50.0%), false alarms 1"))
    }

    @Test func obfuscatedCopiesRewriteEveryName() {
        let server = Support.server(["server: Teen Club", "description: pics", "category: MEDIA", "teen-nudes", "topic: trade"])
        let copy = server.obfuscated(by: .mathScript)
        #expect(copy.name == EvasionTransform.mathScript.apply("Teen Club"))
        #expect(copy.channels[0].name == EvasionTransform.mathScript.apply("teen-nudes"))
        #expect(copy.channels[0].topic == EvasionTransform.mathScript.apply("trade"))
        #expect(classifier.classify(copy).verdict == .reportAuthorities)
    }
}
