import Crypto
import Foundation
import Testing
import Classifier

/// `classify report`: one server as a page for a complaint, with ids, Discord links, the input's SHA-256, the notice
/// and the advice - and nothing of the kind under --redact.
@Suite struct ComplaintPageTests {
    private let cli = CLITests()

    private func export() -> (path: String, sha256: String) {
        let folder = Support.temporaryDirectory()
        let path = folder + "/Ombrelune.json"
        let text = #"[{"id": "1180000000000000001", "guild_id": "1170000000000000009", "type": 4, "name": "LEAKS", "parent_id": null}, {"id": "1180000000000000002", "guild_id": "1170000000000000009", "type": 0, "name": "demande-leak", "parent_id": "1180000000000000001"}, {"id": "1180000000000000003", "guild_id": "1170000000000000009", "type": 0, "name": "leaks-nudes-Ombrelune", "parent_id": "1180000000000000001"}]"#
        Support.write(text, to: path)
        return (path, SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined())
    }

    @Test func thePageCarriesIdsLinksTheHashAndTheNotice() throws {
        let (path, digest) = export()
        let run = try cli.classify(["report", "1170000000000000009", path, "--lang", "en"])
        #expect(run.status == 0)
        let page = run.stdout
        #expect(page.contains("https://discord.com/channels/1170000000000000009/1180000000000000002"), "a link per channel in the evidence")
        #expect(page.contains(">https://discord.com/channels/1170000000000000009<"))
        #expect(page.contains(digest), "the export's SHA-256")
        #expect(page.contains("Automated verdict") && page.contains("Do not download, screenshot or forward images of minors"))
        #expect(page.contains("report-platform") && page.contains(Support.bundled.rules.policy.version))
        let french = try cli.classify(["report", "1170000000000000009", path, "--lang", "fr"]).stdout
        #expect(french.contains("Verdict automatique") && french.contains("Où signaler") && french.contains("<html lang=\"fr\">"))
    }

    @Test func markdownReportsCarryTheLinksAndTheNoticeToo() throws {
        let (path, _) = export()
        let markdown = try cli.classify(["--format", "markdown", "--lang", "en", path]).stdout
        #expect(markdown.contains("<https://discord.com/channels/1170000000000000009/1180000000000000002>"))
        #expect(markdown.contains("Automated verdict from names only"))
        let redacted = try cli.classify(["--format", "markdown", "--redact", "--redact-key", "k", path]).stdout
        #expect(!redacted.contains("discord.com/channels") && !redacted.contains("1170000000000000009"))
    }

    @Test func redactedPagesHoldNoIdNameOrLink() throws {
        let (path, _) = export()
        let run = try cli.classify(["report", "1170000000000000009", path, "--redact", "--redact-key", "k"])
        #expect(run.status == 0)
        for secret in ["1170000000000000009", "1180000000000000002", "discord.com/channels", "Ombrelune"] {
            #expect(!run.stdout.contains(secret), "\(secret) in a redacted page")
        }
        #expect(run.stdout.contains("demande-leak"), "the matched words stay")
    }

    @Test func anUnknownServerIsAClearErrorAndPDFNeedsChromium() throws {
        let (path, _) = export()
        let missing = try cli.classify(["report", "42", path])
        #expect(missing.status == 2 && missing.stderr.contains("no server 42 in"))
        let pdf = Support.temporaryDirectory() + "/complaint.pdf"
        let run = try cli.classify(["report", "1170000000000000009", path, "--pdf", pdf])
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") {
            #expect(run.status == 0)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
            #expect(bytes.prefix(5) == Data("%PDF-".utf8), "a PDF file")
        } else {
            #expect(run.status == 2 && run.stderr.contains("needs Chromium"))
        }
    }
}
