import Foundation
import Testing

/// `classify serve` as bots and volunteers meet it: the built binary on a free loopback port, real HTTP requests
/// through curl, every endpoint and every error the API promises. Serialized: each test starts its own service,
/// and the 2-core machines of CI should not run several at once.
@Suite(.serialized) struct ServiceTests {
    let cli = CLITests()

    /// Three fixtures as one JSON Lines body (one server a line, each in its own shape) and the CLI's answer for it.
    static let lineFixtures = ["Fixtures/leaks-influ-hub.json", "Fixtures/benign-family.json", "Fixtures/minors-teen.json"]

    static func jsonLines() throws -> String {
        try lineFixtures.map { path in
            let data = try Data(contentsOf: Support.checkout.appendingPathComponent(path))
            let object = try JSONSerialization.jsonObject(with: data)
            return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        }.joined(separator: "\n") + "\n"
    }

    @Test func probesAnswerAndUnknownPathsAre404() throws {
        let service = try ServiceProcess()
        defer { service.stop() }
        let health = try Curl.run(service.base + "/healthz")
        #expect(health.status == 200)
        #expect(health.text.contains(#""status":"ok""#))
        #expect(try Curl.run(service.base + "/readyz").status == 200)
        let missing = try Curl.run(service.base + "/v2/nothing")
        #expect(missing.status == 404)
        #expect(missing.errorCode == "not-found")
        #expect(missing.headers["content-type"] == "application/json")
    }

    @Test func wrongMethodIs405WithAllow() throws {
        let service = try ServiceProcess()
        defer { service.stop() }
        let get = try Curl.run(service.base + "/v1/classify")
        #expect(get.status == 405)
        #expect(get.errorCode == "method-not-allowed")
        #expect(get.headers["allow"] == "POST")
        let post = try Curl.run(service.base + "/healthz", ["-X", "POST", "--data", "{}"])
        #expect(post.status == 405)
        #expect(post.headers["allow"] == "GET, HEAD")
        #expect(try Curl.run(service.base + "/v1/rules", ["-X", "DELETE"]).status == 405)
    }

    /// The array is byte for byte `classify --format json` on the same file, and NDJSON is `--format jsonl`.
    @Test func classifyAnswersWhatTheCLIPrints() throws {
        let service = try ServiceProcess()
        defer { service.stop() }
        let answer = try Curl.post(service.base + "/v1/classify?name=leaks-influ-hub.json",
                                   file: "Fixtures/leaks-influ-hub.json")
        #expect(answer.status == 200)
        #expect(answer.headers["content-type"] == "application/json")
        let expected = try cli.classify(["--format", "json", "leaks-influ-hub.json"], environment: [:], directory: "Fixtures")
        #expect(answer.text == expected.stdout)
        let array = try #require(try answer.json() as? [[String: Any]])
        #expect(array.first?["verdict"] as? String == "report-platform")

        let lines = try Self.jsonLines()
        let folder = Support.temporaryDirectory()
        Support.write(lines, to: folder + "/list.jsonl")
        let streamed = try Curl.post(service.base + "/v1/classify?name=list.jsonl", file: folder + "/list.jsonl",
                                     ["-H", "Accept: application/x-ndjson"])
        #expect(streamed.status == 200)
        #expect(streamed.headers["content-type"] == "application/x-ndjson")
        let cliLines = try cli.classify(["--format", "jsonl", "list.jsonl"], directory: folder)
        #expect(streamed.text == cliLines.stdout)
        let verdicts = streamed.text.split(separator: "\n").map {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["verdict"] as? String
        }
        #expect(verdicts == ["report-platform", "clear", "report-authorities"])
        // Detected from the first lines, as the CLI detects a list piped in: no name needed.
        let unnamed = try Curl.post(service.base + "/v1/classify", file: folder + "/list.jsonl")
        #expect(((try? unnamed.json()) as? [Any])?.count == 3)
    }

    @Test func reportsInEveryFormatLanguageAndRedacted() throws {
        let service = try ServiceProcess()
        defer { service.stop() }
        let file = "Fixtures/leaks-influ-hub.json"
        let markdown = try Curl.post(service.base + "/v1/classify?format=markdown&lang=fr", file: file)
        #expect(markdown.status == 200)
        #expect(markdown.headers["content-type"]?.hasPrefix("text/markdown") == true)
        #expect(markdown.text.contains("Coin des Scred"))
        #expect(markdown.text.contains("SHA-256"), "the closing table of inputs, as on the CLI")
        let english = try Curl.post(service.base + "/v1/classify?format=markdown&lang=en", file: file)
        #expect(english.text != markdown.text)
        let html = try Curl.post(service.base + "/v1/classify?format=html", file: file)
        #expect(html.headers["content-type"]?.hasPrefix("text/html") == true)
        #expect(html.text.hasPrefix("<!doctype html>") || html.text.hasPrefix("<!DOCTYPE html>"))
        let csv = try Curl.post(service.base + "/v1/classify?format=csv", file: file)
        #expect(csv.headers["content-type"]?.hasPrefix("text/csv") == true)
        #expect(csv.text.split(separator: "\r\n").count == 2, "a header and one row")
        let redacted = try Curl.post(service.base + "/v1/classify?redact=true&format=jsonl", file: file)
        #expect(redacted.status == 200)
        #expect(redacted.text.contains(#""redacted":true"#))
        #expect(!redacted.text.contains("Coin des Scred"))
        // The flags' values are the ones /openapi.json lists: a bare or empty "redact" turns it on, "yes" is refused.
        let bare = try Curl.post(service.base + "/v1/classify?redact=&format=jsonl", file: file)
        #expect(bare.status == 200)
        #expect(bare.text.contains(#""redacted":true"#))
        let unknownFlag = try Curl.post(service.base + "/v1/classify?redact=yes", file: file)
        #expect(unknownFlag.status == 400)
        #expect(unknownFlag.errorCode == "bad-parameter")
        let bad = try Curl.post(service.base + "/v1/classify?format=pdf", file: file)
        #expect(bad.status == 400)
        #expect(bad.errorCode == "bad-parameter")
    }

    @Test func unreadableBodiesAre400WithTheReadersMessage() throws {
        let service = try ServiceProcess()
        defer { service.stop() }
        let broken = try Curl.post(service.base + "/v1/classify", text: "{\"name\": \"x\",\n  \"channels\": [}\n")
        #expect(broken.status == 400)
        #expect(broken.errorCode == "malformed-json")
        let message = try #require(((try broken.json()) as? [String: Any]).flatMap { $0["error"] as? [String: Any] }?["message"] as? String)
        #expect(message.hasPrefix("request:2:16: malformed JSON"), "file, line and column, as the CLI says them: \(message)")
        let shape = try Curl.post(service.base + "/v1/classify", text: #"{"foo": 1, "bar": [2]}"#)
        #expect(shape.status == 400)
        #expect(shape.errorCode == "unknown-shape")
        let empty = try Curl.post(service.base + "/v1/classify", text: "")
        #expect(empty.status == 400)
        // A list where one line is broken still answers the others, with the broken line as an error object.
        let lines = try Self.jsonLines() + "{broken\n"
        let mixed = try Curl.post(service.base + "/v1/classify?format=jsonl&name=list.jsonl", text: lines)
        #expect(mixed.status == 200)
        #expect(mixed.text.split(separator: "\n").count == 4)
        #expect(mixed.text.contains(#""verdict":null"#))
    }

    @Test func bodiesOverTheLimitAre413() throws {
        let service = try ServiceProcess(["--max-body", "1000"])
        defer { service.stop() }
        let big = try Curl.post(service.base + "/v1/classify", text: String(repeating: " ", count: 5000) + "{}")
        #expect(big.status == 413)
        #expect(big.errorCode == "payload-too-large")
        // Without a Content-Length (chunked upload), the limit holds while reading.
        let chunked = try Curl.post(service.base + "/v1/classify", text: String(repeating: " ", count: 5000) + "{}",
                                    ["-H", "Transfer-Encoding: chunked"])
        #expect(chunked.status == 413)
        #expect(try Curl.post(service.base + "/v1/classify", file: "Fixtures/benign-family.json").status == 200
                || (try Data(contentsOf: Support.checkout.appendingPathComponent("Fixtures/benign-family.json"))).count > 1000)
    }

    @Test func aTokenIsCheckedAndRequiredOffLoopback() throws {
        let folder = Support.temporaryDirectory()
        Support.write("s3cret-token\n", to: folder + "/token")
        let service = try ServiceProcess(["--token-file", folder + "/token"])
        defer { service.stop() }
        let url = service.base + "/v1/classify"
        let missing = try Curl.post(url, file: "Fixtures/benign-family.json")
        #expect(missing.status == 401)
        #expect(missing.errorCode == "unauthorized")
        #expect(missing.headers["www-authenticate"]?.hasPrefix("Bearer") == true)
        #expect(try Curl.post(url, file: "Fixtures/benign-family.json", ["-H", "Authorization: Bearer s3cret-tokeN"]).status == 401)
        #expect(try Curl.post(url, file: "Fixtures/benign-family.json", ["-H", "Authorization: Bearer s3cret"]).status == 401)
        #expect(try Curl.post(url, file: "Fixtures/benign-family.json", ["-H", "Authorization: Bearer s3cret-token"]).status == 200)
        #expect(try Curl.run(service.base + "/metrics").status == 401)
        #expect(try Curl.run(service.base + "/v1/rules").status == 401)
        #expect(try Curl.run(service.base + "/healthz").status == 200, "probes need no secret")
        // Any address but loopback is refused without a token, before anything is bound.
        let exposed = try cli.classify(["serve", "--host", "0.0.0.0", "--port", "0"])
        #expect(exposed.status == 2)
        #expect(exposed.stderr.contains("without --token-file"))
    }

    /// A slow upload holds the only slot: the next request is told to come back, not queued.
    @Test func aFullServiceAnswers503WithRetryAfter() throws {
        let service = try ServiceProcess(["--max-concurrent", "1"])
        defer { service.stop() }
        let slowBody = Support.temporaryDirectory() + "/slow.json"
        Support.write(String(repeating: " ", count: 3000) + "{\"name\": \"slow\", \"channels\": []}", to: slowBody)
        let slow = Process()
        slow.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        slow.arguments = ["-sS", "-o", "/dev/null", "-w", "%{http_code}", "--limit-rate", "1000", "-X", "POST",
                          "--data-binary", "@" + slowBody, service.base + "/v1/classify"]
        let out = Pipe()
        slow.standardOutput = out
        try slow.run()
        Thread.sleep(forTimeInterval: 0.8)
        let busy = try Curl.post(service.base + "/v1/classify", file: "Fixtures/benign-family.json")
        #expect(busy.status == 503)
        #expect(busy.errorCode == "busy")
        #expect(busy.headers["retry-after"] == "1")
        let slowStatus = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        slow.waitUntilExit()
        #expect(slowStatus == "200")
        #expect(try Curl.post(service.base + "/v1/classify", file: "Fixtures/benign-family.json").status == 200)
    }

    /// The time budget counts from the first byte: an upload slower than --timeout is cut off with 503.
    @Test func aRequestOverTheTimeBudgetIs503() throws {
        let service = try ServiceProcess(["--timeout", "1"])
        defer { service.stop() }
        let body = Support.temporaryDirectory() + "/slow.json"
        Support.write(String(repeating: " ", count: 3000) + "{\"name\": \"slow\", \"channels\": []}", to: body)
        let slow = try Curl.post(service.base + "/v1/classify", file: body, ["--limit-rate", "1000"])
        #expect(slow.status == 503)
        #expect(slow.errorCode == "timeout")
        #expect(slow.headers["retry-after"] != nil)
        #expect(try Curl.post(service.base + "/v1/classify", file: "Fixtures/benign-family.json").status == 200,
                "the slot came back")
    }

    /// SIGTERM while a request is uploading: the request is answered, then the process exits 0.
    @Test func shutdownFinishesRequestsInFlight() throws {
        let service = try ServiceProcess()
        let body = Support.temporaryDirectory() + "/slow.json"
        let fixture = try String(contentsOfFile: Support.fixturesDirectory + "/leaks-influ-hub.json", encoding: .utf8)
        Support.write(String(repeating: " ", count: 2500) + fixture, to: body)
        let slow = Process()
        slow.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        slow.arguments = ["-sS", "-w", "\n%{http_code}", "--limit-rate", "1000", "-X", "POST",
                          "--data-binary", "@" + body, service.base + "/v1/classify"]
        let out = Pipe()
        slow.standardOutput = out
        try slow.run()
        Thread.sleep(forTimeInterval: 1)
        kill(service.process.processIdentifier, SIGTERM)
        let answer = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        slow.waitUntilExit()
        #expect(answer.hasSuffix("\n200"), "answered after SIGTERM: \(answer.suffix(40))")
        #expect(answer.contains("report-platform"))
        #expect(service.stop() == 0)
    }

    @Test func rulesMetricsAndTheOpenAPIDocument() throws {
        let service = try ServiceProcess()
        defer { service.stop() }
        let rules = try Curl.run(service.base + "/v1/rules")
        #expect(rules.status == 200)
        let document = try #require(try rules.json() as? [String: Any])
        #expect((document["version"] as? String)?.isEmpty == false)
        let ruleList = try #require(document["rules"] as? [[String: Any]])
        #expect(ruleList.contains { $0["id"] as? String == "leaks.request-channel" && $0["status"] as? String == "stable" })
        #expect((document["referrals"] as? [Any])?.isEmpty == false)

        _ = try Curl.post(service.base + "/v1/classify", file: "Fixtures/leaks-influ-hub.json")
        _ = try Curl.post(service.base + "/v1/classify", text: "{broken")
        let metrics = try Curl.run(service.base + "/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.headers["content-type"]?.hasPrefix("text/plain") == true)
        #expect(metrics.text.contains(#"classify_http_requests_total{route="/v1/classify",method="POST",status="200"} 1"#))
        #expect(metrics.text.contains(#"classify_http_requests_total{route="/v1/classify",method="POST",status="400"} 1"#))
        #expect(metrics.text.contains(#"classify_servers_total{verdict="report-platform"} 1"#))
        #expect(metrics.text.contains("classify_http_request_duration_seconds_bucket"))

        let openAPI = try Curl.run(service.base + "/openapi.json")
        #expect(openAPI.status == 200)
        let spec = try #require(try openAPI.json() as? [String: Any])
        #expect(spec["openapi"] as? String == "3.1.0")
        let paths = try #require(spec["paths"] as? [String: Any])
        #expect(Set(paths.keys) == ["/", "/v1/classify", "/v1/rules", "/healthz", "/readyz", "/metrics", "/openapi.json"])
        for path in paths.keys where path != "/v1/classify" {
            #expect(try Curl.run(service.base + path).status == 200, "\(path) is served")
        }
    }

    /// With --journal, each classified server is a row of the watch journal, names masked as on the CLI.
    @Test func theJournalRecordsEachServer() throws {
        let journal = Support.temporaryDirectory() + "/watch.sqlite"
        let service = try ServiceProcess(["--journal", journal])
        let lines = try Self.jsonLines()
        let answer = try Curl.post(service.base + "/v1/classify?name=list.jsonl", text: lines)
        #expect(answer.status == 200)
        #expect(service.stop() == 0)
        let list = try cli.classify(["journal", "list", "--journal", journal], environment: ["CLASSIFY_REDACT_KEY": "service-tests-key"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("report-authorities"))
        #expect(list.stdout.contains("report-platform"))
        #expect(!list.stdout.contains("Coin des Scred"), "names are masked in the journal")
    }

    /// Logs say what happened (request ids, sizes, verdicts, times) and nothing of what the servers are called.
    @Test func logsCarryCountsNotNames() throws {
        let service = try ServiceProcess()
        _ = try Curl.post(service.base + "/v1/classify", file: "Fixtures/leaks-markup-names.json")
        _ = try Curl.post(service.base + "/v1/classify", file: "Fixtures/leaks-influ-hub.json")
        _ = try Curl.run(service.base + "/" + "Coin-des-Scred-path")
        service.stop()
        let log = service.stderr
        #expect(log.contains("hb.request.id"))
        #expect(log.contains("report-platform"))
        #expect(log.contains("bytes_in"))
        #expect(!log.contains("Coin des Scred"))
        #expect(!log.contains("Coin-des-Scred"))
        #expect(!log.contains("<script"))
        let fixture = try String(contentsOfFile: Support.fixturesDirectory + "/leaks-influ-hub.json", encoding: .utf8)
        for channel in fixture.matches(of: /"name":\s*"([^"]{6,})"/).map({ String($0.1) }) {
            #expect(!log.contains(channel), "a channel name in the log: \(channel)")
        }
    }

    /// The page is self-contained: a strict CSP, nothing from another origin, both languages.
    @Test func thePageIsSelfContained() throws {
        let service = try ServiceProcess()
        defer { service.stop() }
        let page = try Curl.run(service.base + "/")
        #expect(page.status == 200)
        #expect(page.headers["content-type"]?.hasPrefix("text/html") == true)
        let policy = try #require(page.headers["content-security-policy"])
        #expect(policy.contains("default-src 'none'"))
        #expect(policy.contains("connect-src 'self'"))
        #expect(!page.text.contains("http://") && !page.text.contains("https://") && !page.text.contains("src=\""),
                "nothing loaded from anywhere")
        #expect(page.text.contains("Français") && page.text.contains("signaler aux autorités"))
    }

    /// The page in headless Chromium: a fixture dropped on it, the verdict read off the page, the library's report
    /// in its frame, where to report listed; screenshots in .build/screenshots/. Skipped (and said) without a browser.
    @Test func aVolunteerDropsAnExportInARealBrowser() throws {
        guard ["/usr/bin/chromium", "/usr/bin/chromium-browser"].contains(where: FileManager.default.isExecutableFile) else {
            print("ServiceTests: no Chromium installed (scripts/install-deps.sh --browser installs it); page checks skipped")
            return
        }
        let service = try ServiceProcess()
        defer { service.stop() }
        let screenshots = Support.checkout.appendingPathComponent(".build/screenshots").path
        func drive(_ fixture: String, _ screenshot: String, lang: String) throws -> [String: Any] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", Support.checkout.appendingPathComponent("scripts/drive-page.py").path,
                                 service.base + "/", Support.checkout.appendingPathComponent(fixture).path,
                                 screenshots + "/" + screenshot, lang]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }
        let english = try drive("Fixtures/minors-teen.json", "serve-page.png", lang: "en")
        #expect(english["verdicts"] as? [String] == ["report-authorities"])
        #expect(english["report"] as? Bool == true, "the library's HTML report is in the frame")
        #expect((english["referrals"] as? Int ?? 0) > 0, "where to report is listed")
        #expect((english["text"] as? String)?.contains("report to the authorities") == true)
        let french = try drive("Fixtures/leaks-influ-hub.json", "serve-page-fr.png", lang: "fr")
        #expect(french["verdicts"] as? [String] == ["report-platform"])
        #expect(french["lang"] as? String == "fr")
        #expect((french["text"] as? String)?.contains("à signaler à la plateforme") == true)
        #expect(FileManager.default.fileExists(atPath: screenshots + "/serve-page.png"))
    }
}
