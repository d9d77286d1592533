import Crypto
import Foundation
import Testing
@testable import Classifier

@Suite struct ReportTests {
    private let leakServer = Server(id: "900123", name: "Chez Jordan Martin", description: "le coin de Jordan",
                                    categories: [ChannelCategory(id: "1", name: "JORDAN PRIVÉ")],
                                    channels: [Channel(id: "2", name: "leaks-nudes-de-lea", categoryIndex: 0),
                                               Channel(id: "3", name: "general", topic: "salut Lea", categoryIndex: 0)],
                                    source: SourceRef(file: "exports/jordan.json"))

    @Test func redactionKeepsOnlyTheMatchedWordsAndHashesIdentifiers() throws {
        let result = Support.bundled.classify(leakServer)
        let redacted = Redactor(key: "team-key").redact(result)
        let json = JSONReport.object(for: redacted).serialized()
        for secret in ["Jordan", "Martin", "lea\"", "-de-lea", "Lea", "900123", "jordan.json", "PRIVÉ"] {
            #expect(!json.contains(secret), "\(secret) leaks through --redact")
        }
        #expect(json.contains(#""match":"leaks""#) && json.contains(#""match":"nudes""#))
        #expect(json.contains("leaks•nudes•••••"), "masking keeps the length and the matched words")
        #expect(redacted.verdict == result.verdict)
        #expect(redacted.server.isRedacted && json.contains(#""redacted":true"#))
        // Spans still point at the kept words in the masked text.
        #expect(!redacted.evidence.flatMap(\.parts).isEmpty, "there are spans to check")
        for part in redacted.evidence.flatMap(\.parts) {
            #expect(Array(part.text.unicodeScalars)[part.start..<part.end].map(String.init).joined() == part.match)
        }
    }

    @Test func twoTextsNamedAlikeKeepTheirOwnWordsOnly() throws {
        // Two channels called "general" in one category: the words kept in one topic must not unmask the other.
        let server = Server(name: "x", categories: [ChannelCategory(name: "LOBBY")],
                            channels: [Channel(name: "general", topic: "Jane Doe leaks", categoryIndex: 0),
                                       Channel(name: "general", topic: "Jane Doe birthday party", categoryIndex: 0)])
        let redacted = Redactor(key: "k").redact(Support.bundled.classify(server))
        let output = JSONReport.object(for: redacted).serialized()
        #expect(redacted.server.channels[0].topic == "•••••••••leaks")
        #expect(redacted.server.channels[1].topic == String(repeating: "•", count: 23))
        for secret in ["Jane", "Doe", "day p", "birthday"] { #expect(!output.contains(secret), "\(secret) in clear") }
        // The unknown-shape error names keys, which a crafted export can fill with names.
        let error = Redactor(key: "k").redact(InputError.unknownShape(source: SourceRef(file: "a.json"),
                                                                       found: "an object with keys Jane Doe Server"))
        #expect(!error.description.contains("Jane"))
    }

    @Test func hashesAreStableForOneKeyAndDifferAcrossKeys() {
        let one = Redactor(key: "k1"), again = Redactor(key: "k1"), other = Redactor(key: "k2")
        #expect(one.hash("900123", kind: "server") == again.hash("900123", kind: "server"))
        #expect(one.hash("900123", kind: "server") != other.hash("900123", kind: "server"))
        #expect(one.hash("900123", kind: "server") != one.hash("900123", kind: "channel"))
        #expect(one.hash("x", kind: "name").count == "name-".count + 16)
        // HMAC-SHA256, first 8 bytes: checked against an independent computation.
        let expected = HMAC<SHA256>.authenticationCode(for: Data("server\u{0}900123".utf8), using: SymmetricKey(data: Data("k1".utf8)))
            .prefix(8).map { String(format: "%02x", $0) }.joined()
        #expect(one.hash("900123", kind: "server") == "server-" + expected)
    }

    private func markdown(_ language: ReportLanguage) throws -> MarkdownReport {
        let rules = Support.bundled.rules
        let referrals = try Referrals.load(for: rules)
        return MarkdownReport(language: language, policy: rules.policy, referrals: referrals,
                              date: Date(timeIntervalSince1970: 1_795_000_000))
    }

    @Test func markdownSaysWhyAndWhereToReport() throws {
        var minors = Support.server(["category: CONTENU", "teen-nudes"])
        minors.source.sha256 = String(repeating: "ab", count: 32)
        let text = try markdown(.en).render(Support.bundled.classify(minors))
        #expect(text.contains("`report-authorities`"))
        #expect(text.contains("any evidence that minors are sexualised goes to the authorities"))
        #expect(text.contains("`minors.minor-sexual` | 5.2 |"))
        #expect(text.contains(String(repeating: "ab", count: 32)))
        #expect(text.contains("**Rule pack**: \(Support.bundled.rules.policy.version)"))
        #expect(text.contains("2026-11-18"))
        for referral in ["pointdecontact.net", "report.cybertip.org", "report.iwf.org.uk", "internet-signalement.gouv.fr", "takeitdown.ncmec.org"] {
            #expect(text.contains(referral), "\(referral) missing for minors")
        }
        #expect(!text.contains("stopncii"), "StopNCII is for adults' images, not a minors-only report")

        let leaks = try markdown(.fr).render(Support.bundled.classify(leakServer))
        #expect(leaks.contains("**Pourquoi**: `leaks` obtient"))
        #expect(leaks.contains("stopncii.org") && leaks.contains("dis.gd/report"))
        #expect(!leaks.contains("report.cybertip.org"))

        let clear = try markdown(.en).render(Support.bundled.classify(Support.server(["general"])))
        #expect(clear.contains("No report is needed"))
    }

    @Test func markdownEscapesNamesThatLookLikeMarkup() throws {
        let server = Support.server(["category: A|B", "leaks-nudes | `x` <script>"])
        let text = try markdown(.en).render(Support.bundled.classify(server))
        #expect(text.contains(#"A\|B"#) && !text.contains("<script>"))
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| `leaks.intimate-leaks`") }
        #expect(!rows.isEmpty, "the evidence row is there to check")
        for row in rows {
            #expect(row.filter { $0 == "|" }.count - row.components(separatedBy: "\\|").count + 1 == 6)
        }
    }

    @Test func referralsFileErrorsNameTheEntry() throws {
        let folder = Support.rulesFolder([:])
        Support.write("referrals:\n  - id: x\n    verdicts: [report-now]\n    name: {en: a, fr: b}\n    note: {en: a, fr: b}\n    url: https://x\n",
                      to: folder + "/referrals.yaml")
        #expect(throws: RuleSetError.self) { try Referrals.load(directory: folder, categories: ["leaks"]) }
        do {
            _ = try Referrals.load(directory: folder, categories: ["leaks"])
        } catch {
            #expect(error.description.contains("referrals.yaml:3:16: error[E008]: x: "), "\(error.description)")
            #expect(error.description.contains("unknown verdict 'report-now'"))
        }
    }

    @Test func csvQuotesAndDisarmsFormulas() {
        let server = Server(name: "=HYPERLINK(\"x\")", channels: [Channel(name: "leaks, nudes")], source: SourceRef(file: "a.json"))
        let report = CSVReport(categories: Support.bundled.rules.policy.categories.map(\.id))
        let row = report.render(Support.bundled.classify(server))
        #expect(row.hasPrefix(#"a.json,,,"'=HYPERLINK(""x"")",report-platform,"#))
        #expect(row.hasSuffix("\r"))
        #expect(report.header.hasPrefix("file,record,server_id,server_name,verdict,score_leaks,"))
    }

    @Test func languageComesFromTheLocale() {
        #expect(ReportLanguage.fromEnvironment(["LANG": "fr_FR.UTF-8"]) == .fr)
        #expect(ReportLanguage.fromEnvironment(["LC_ALL": "en_GB.UTF-8", "LANG": "fr_FR.UTF-8"]) == .en)
        #expect(ReportLanguage.fromEnvironment([:]) == .en)
        let text = TextReport(colour: false, language: .fr).render(Support.bundled.classify(Support.server(["server: X", "general"])))
        #expect(text.contains("aucune catégorie ne présente d'indice"))
    }
}
