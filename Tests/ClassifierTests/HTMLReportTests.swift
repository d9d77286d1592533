import Foundation
import Testing
import Classifier

/// `--format html`: one self-contained page whose counts match the JSON Lines output, whose names cannot inject
/// markup or script, and - in a real headless Chromium when one is installed - whose filters and details work.
@Suite struct HTMLReportTests {
    private let cli = CLITests()

    private func verdictCounts(jsonl: String) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for line in jsonl.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            counts[object["verdict"] as? String ?? "error", default: 0] += 1
        }
        return counts
    }

    private func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func thePageCountsWhatJSONLinesSaysAndListsTheFlagged() throws {
        let page = try cli.classify(["--format", "html", "--lang", "en", "Fixtures"])
        #expect(page.status == 0)
        let counts = try verdictCounts(jsonl: try cli.classify(["--format", "jsonl", "Fixtures"]).stdout)
        for verdict in ["watch", "report-platform", "report-authorities"] {
            #expect(count("<tbody class=\"server\" data-verdict=\"\(verdict)\"", in: page.stdout) == counts[verdict] ?? 0, "\(verdict)")
        }
        #expect(!page.stdout.contains("data-verdict=\"clear\""), "clear servers are counted, not listed")
        let total = counts.values.reduce(0, +)
        let listed = total - (counts["clear"] ?? 0)
        #expect(page.stdout.contains("\(total) servers classified, \(listed) listed"))
        #expect(page.stdout.hasPrefix("<!DOCTYPE html>") && page.stdout.hasSuffix("</html>\n"))
        #expect(!page.stdout.contains("http://") && !page.stdout.contains("https://"), "nothing is fetched from the network")
        #expect(page.stdout.contains("<svg role=\"img\""), "charts drawn inline")
        let everything = try cli.classify(["--format", "html", "--all", "Fixtures"]).stdout
        #expect(count("<tbody class=\"server\" data-verdict=\"clear\"", in: everything) == counts["clear"] ?? 0, "--all lists clear servers")
        let urgent = try cli.classify(["--format", "html", "--lang", "en", "--min-verdict", "report-authorities", "Fixtures"]).stdout
        #expect(urgent.contains("\(total) servers classified, \(counts["report-authorities"] ?? 0) listed"),
                "--min-verdict lists fewer but the summary counts every server")
        let french = try cli.classify(["--format", "html", "--lang", "fr", "Fixtures/leaks-influ-hub.json"])
        #expect(french.stdout.contains("<html lang=\"fr\">") && french.stdout.contains("Synthèse")
                    && french.stdout.contains("à signaler à la plateforme"))
    }

    @Test func namesCannotInjectMarkupOrScript() throws {
        let page = try cli.classify(["--format", "html", "Fixtures/leaks-markup-names.json"]).stdout
        #expect(page.contains("data-verdict=\"report-platform\""))
        #expect(!page.contains("<script>alert"), "a channel's script tag stays text")
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.contains("\"onload=") && page.contains("&quot;onload=&quot;"))
        #expect(!page.contains("<img src=x") && !page.contains("<b>bold"))
        #expect(!page.contains("\u{202E}") && page.contains("U+202E"), "the bidi override is shown, not obeyed")
        #expect(count("<script>", in: page) == 1, "only the page's own filter script")
        let redacted = try cli.classify(["--format", "html", "--redact", "--redact-key", "k", "Fixtures/leaks-markup-names.json"]).stdout
        #expect(!redacted.contains("Vault") && !redacted.contains("gnp.exe") && !redacted.contains("Fixtures/leaks-markup"))
    }

    private static func browse(_ chromium: String, profile folder: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(folder)/profile"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// A 10 000-server watch list, one server in ten flagged, rendered in Chromium: the page counts what JSON Lines
    /// says, and the verdict filter leaves exactly the servers of that verdict.
    @Test func aTenThousandServerListInARealBrowser() throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile) else {
            print("HTMLReportTests: no Chromium installed (scripts/install-deps.sh --browser installs it); browser checks skipped")
            return
        }
        let folder = Support.temporaryDirectory()
        var lines: [String] = []
        for index in 0..<10_000 {
            let channels: String
            switch index % 30 {
            case 3, 13: channels = #"["demande-leak", "packs-influenceuses"]"#
            case 23: channels = #"["cumtribs", "tributes-preuves"]"#
            case 7: channels = #"["deepfake-nsfw", "nudify-requests"]"#
            default: channels = #"["général", "annonces", "photos-de-vacances"]"#
            }
            lines.append(#"{"id": "\#(900_000_000_000 + index)", "name": "Serveur \#(index)", "channels": \#(channels)}"#)
        }
        let list = folder + "/watchlist.jsonl"
        Support.write(lines.joined(separator: "\n") + "\n", to: list)
        let counts = try verdictCounts(jsonl: try cli.classify(["--format", "jsonl", list]).stdout)
        #expect(counts.values.reduce(0, +) == 10_000 && (counts["clear"] ?? 0) > 8_000 && (counts["report-platform"] ?? 0) > 900, "\(counts)")
        let page = try cli.classify(["--format", "html", "--lang", "en", list])
        let path = folder + "/watchlist.html"
        try page.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        let listed = 10_000 - (counts["clear"] ?? 0)
        let all = try Self.browse(chromium, profile: folder, ["--dump-dom", "file://\(path)"])
        #expect(all.contains("10000 servers classified, \(listed) listed"))
        #expect(count("<tbody class=\"server\"", in: all) == listed)
        let filtered = try Self.browse(chromium, profile: folder, ["--dump-dom", "file://\(path)#verdict=report-platform"])
        let visible = filtered.components(separatedBy: "<tbody class=\"server\"").dropFirst().filter { !$0.contains(" hidden=\"\"") }
        #expect(visible.count == counts["report-platform"] ?? -1)
        #expect(visible.allSatisfy { $0.hasPrefix(" data-verdict=\"report-platform\"") })
    }

    /// Chromium from Debian's packages, headless: the script runs, a filter in the link narrows the table, details
    /// open, and a screenshot is left under .build/ for people to look at. Skipped (and said) when no browser.
    @Test func aRealBrowserFiltersAndOpensDetails() throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile) else {
            print("HTMLReportTests: no Chromium installed (scripts/install-deps.sh --browser installs it); browser checks skipped")
            return
        }
        let folder = Support.temporaryDirectory()
        let path = folder + "/report.html"
        let page = try cli.classify(["--format", "html", "--lang", "en", "Fixtures"])
        try page.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        func browse(_ arguments: [String]) throws -> String { try Self.browse(chromium, profile: folder, arguments) }
        let all = try browse(["--dump-dom", "file://\(path)"])
        #expect(all.contains("<div class=\"filters\">"), "the script ran and showed the filters")
        let counts = try verdictCounts(jsonl: try cli.classify(["--format", "jsonl", "Fixtures"]).stdout)
        let filtered = try browse(["--dump-dom", "file://\(path)#verdict=report-authorities&open=1"])
        let visible = filtered.components(separatedBy: "<tbody class=\"server\"").dropFirst().filter { !$0.hasPrefix(" data-verdict=\"report-authorities\"") || $0.contains(" hidden=\"\"") ? false : true }
        #expect(visible.count == counts["report-authorities"], "the filter leaves the authorities' servers")
        #expect(count("hidden=\"\"", in: filtered) >= (counts["report-platform"] ?? 0), "and hides the others")
        #expect(filtered.contains("<details open=\"\">"), "details open")
        let screenshots = Support.checkout.appendingPathComponent(".build/screenshots").path
        try FileManager.default.createDirectory(atPath: screenshots, withIntermediateDirectories: true)
        _ = try browse(["--screenshot=\(screenshots)/watchlist.png", "--window-size=1200,1600", "file://\(path)"])
        _ = try browse(["--screenshot=\(screenshots)/watchlist-authorities.png", "--window-size=1200,1600",
                        "file://\(path)#verdict=report-authorities&open=1"])
        #expect(FileManager.default.fileExists(atPath: screenshots + "/watchlist.png"))
    }
}
