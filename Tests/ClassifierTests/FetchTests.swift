import Foundation
import Testing

/// `classify fetch` against a real HTTP server on loopback (Python's http.server) that answers as Discord's API
/// documents: a rate limit first, templates, a guild and its channels behind a bot token, and errors. This machine
/// cannot reach Discord itself.
@Suite(.serialized) struct FetchTests {
    private let cli = CLITests()

    /// The fake API: `GET /guilds/templates/CODE`, `/guilds/ID`, `/guilds/ID/channels`. The first request for
    /// template `SLOW` is answered 429 with Retry-After; the server counts requests so the retry shows.
    static let server = #"""
        import http.server, json, sys, threading
        hits = {}
        HITS_FILE = sys.argv[1]
        TEMPLATE = {"code": "AbC123", "name": "Coin des Scred", "description": "tout ce qu'elles postent en priv",
                    "serialized_source_guild": {"name": "Coin des Scred", "description": None, "roles": [], "channels": [
                        {"id": 1, "type": 4, "name": "SCRED", "parent_id": None},
                        {"id": 2, "type": 0, "name": "demande-leak", "topic": None, "parent_id": 1}]}}
        GUILD = {"id": "900000000000000001", "name": "Entre Nous", "description": "envoyez le snap de vos potes", "icon": None}
        CHANNELS = [{"id": "10", "guild_id": "900000000000000001", "type": 4, "name": "PRIVÉ", "parent_id": None, "position": 0},
                    {"id": "11", "guild_id": "900000000000000001", "type": 0, "name": "demandes", "topic": "qui a des photos d'elle",
                     "parent_id": "10", "position": 0}]
        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args): pass
            def send(self, code, body, headers={}):
                data = json.dumps(body).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in headers.items(): self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)
            def do_GET(self):
                path = self.path.split("?")[0]
                hits[path] = hits.get(path, 0) + 1
                with open(HITS_FILE, "w") as f: json.dump(hits, f)
                if path == "/api/v10/guilds/templates/SLOW" and hits[path] == 1:
                    return self.send(429, {"message": "You are being rate limited.", "retry_after": 0.3, "global": False},
                                     {"Retry-After": "0.3"})
                if path == "/api/v10/guilds/templates/FOREVER":
                    return self.send(429, {"message": "You are being rate limited.", "retry_after": 3600}, {"Retry-After": "3600"})
                if path in ("/api/v10/guilds/templates/AbC123", "/api/v10/guilds/templates/SLOW"):
                    return self.send(200, TEMPLATE)
                if path.startswith("/api/v10/guilds/templates/"):
                    return self.send(404, {"message": "Unknown Guild Template", "code": 10057})
                if path.startswith("/api/v10/guilds/"):
                    if self.headers.get("Authorization") != "Bot s3cret":
                        return self.send(401, {"message": "401: Unauthorized", "code": 0})
                    if path == "/api/v10/guilds/900000000000000001": return self.send(200, GUILD)
                    if path == "/api/v10/guilds/900000000000000001/channels": return self.send(200, CHANNELS)
                    return self.send(404, {"message": "Unknown Guild", "code": 10004})
                self.send(404, {"message": "404: Not Found", "code": 0})
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#

    /// The fake API on a free port, and the file where it counts requests by path.
    private struct FakeAPI {
        let process: Process
        let api: String
        let hitsFile: String

        /// SIGKILL: a child inherits the test runner's blocked signals, so SIGTERM may never reach it.
        func stop() {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        func hits() throws -> [String: Int] {
            let data = try Data(contentsOf: URL(fileURLWithPath: hitsFile))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Int])
        }
    }

    private func start() throws -> FakeAPI {
        let folder = Support.temporaryDirectory()
        Support.write(Self.server, to: folder + "/discord.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", folder + "/discord.py", folder + "/hits.json"]
        let out = Pipe()
        process.standardOutput = out
        // Its own standard error: a server left running must not hold the test runner's pipes open.
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let port = try #require(Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        return FakeAPI(process: process, api: "http://127.0.0.1:\(port)/api/v10", hitsFile: folder + "/hits.json")
    }

    @Test func aTemplateIsSavedAsSentAfterARateLimitAndClassifies() throws {
        let server = try start()
        defer { server.stop() }
        let api = server.api
        let folder = Support.temporaryDirectory()
        let run = try cli.classify(["fetch", "template", "https://discord.new/SLOW", "--api", api, "-o", folder + "/t.json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("wrote \(folder)/t.json"))
        let scan = try cli.classify(["--format", "jsonl", folder + "/t.json"])
        #expect(scan.stdout.contains(#""name":"Coin des Scred""#) && scan.stdout.contains(#""format":"guild-template""#))
        #expect(!scan.stdout.contains(#""verdict":"clear""#), "\(scan.stdout)")
        // The 429 was answered, waited out and retried: two requests for the slow template.
        #expect(try server.hits()["/api/v10/guilds/templates/SLOW"] == 2)

        // A template code straight to standard output.
        let direct = try cli.classify(["fetch", "template", "AbC123", "--api", api])
        #expect(direct.status == 0 && direct.stdout.contains("serialized_source_guild"))
    }

    @Test func aGuildMergesItsNameWithItsChannelsBehindTheBotToken() throws {
        let server = try start()
        defer { server.stop() }
        let api = server.api
        let folder = Support.temporaryDirectory()
        Support.write("s3cret\n", to: folder + "/bot.token")
        let run = try cli.classify(["fetch", "guild", "900000000000000001", "--token-file", folder + "/bot.token", "--api", api])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.contains("s3cret") && !run.stderr.contains("s3cret"), "the token is never printed")
        let scan = try cli.classify(["--format", "jsonl", "-"], stdin: run.stdout)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(scan.stdout.utf8)) as? [String: Any])
        let serverInfo = try #require(object["server"] as? [String: Any])
        #expect(serverInfo["name"] as? String == "Entre Nous", "the guild's name survives the merge")
        #expect(object["verdict"] as? String == "report-platform")

        Support.write("wrong\n", to: folder + "/bad.token")
        let refused = try cli.classify(["fetch", "guild", "900000000000000001", "--token-file", folder + "/bad.token", "--api", api])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("answered HTTP 401: the token was refused"))
        Support.write("\n", to: folder + "/empty.token")
        let empty = try cli.classify(["fetch", "guild", "900000000000000001", "--token-file", folder + "/empty.token", "--api", api])
        #expect(empty.status == 2 && empty.stderr.contains("holds no token"))
    }

    @Test func errorsSayWhatToDo() throws {
        let server = try start()
        defer { server.stop() }
        let api = server.api
        let missing = try cli.classify(["fetch", "template", "NOPE99", "--api", api])
        #expect(missing.status == 2 && missing.stderr.contains("answered HTTP 404: no template has this code"))
        let bad = try cli.classify(["fetch", "template", "not a code!", "--api", api])
        #expect(bad.status == 2 && bad.stderr.contains("is not a template code or link"))
        let forever = try cli.classify(["fetch", "template", "FOREVER", "--api", api, "--max-wait", "1"])
        #expect(forever.status == 2 && forever.stderr.contains("rate-limited for 3600 s"))
        let closed = try cli.classify(["fetch", "template", "AbC123", "--api", "http://127.0.0.1:1/api/v10", "--timeout", "3"])
        #expect(closed.status == 2 && closed.stderr.contains("could not reach http://127.0.0.1:1/api/v10/guilds/templates/AbC123"))
    }
}
