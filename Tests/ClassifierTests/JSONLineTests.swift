import Foundation
import Testing
@testable import Classifier

/// The `jsonl` path writes bytes straight into a reused buffer: they must equal the JSON tree's serialisation.
@Suite struct JSONLineTests {
    @Test func everyFixtureRendersTheSameBytesAsTheTree() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: Support.fixturesDirectory)
            .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".expected.json") }
        let redactor = Redactor(key: "test")
        var checked = 0
        for file in files {
            for record in ServerReader.read(path: Support.fixturesDirectory + "/" + file) {
                switch record {
                case let .success(server):
                    let result = Support.bundled.classify(server)
                    #expect(JSONReport.line(for: result) == JSONReport.object(for: result).serialized(), "\(file)")
                    let redacted = redactor.redact(result)
                    #expect(JSONReport.line(for: redacted) == JSONReport.object(for: redacted).serialized(), "\(file)")
                case let .failure(error):
                    #expect(JSONReport.line(for: error) == JSONReport.object(for: error).serialized(), "\(file)")
                }
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test func escapesNumbersAndNullsMatchTheTree() {
        let names = ["plain", "quote \" backslash \\ slash /", "lines\n\r\t and \u{0} \u{1F} \u{7F}", "js \u{2028}\u{2029} \u{2027}",
                     "é💦 𝓷𝓾𝓭𝓮𝓼", "", String(repeating: "x\"", count: 5000), "\u{E2}\u{80}"]
        for name in names {
            var server = Server(id: name.isEmpty ? nil : "-12", name: name, channels: [Channel(name: name, topic: name)])
            server.source = SourceRef(file: name, record: Int.min + 1, format: nil)
            server.source.exportedAt = name
            let result = Support.bundled.classify(server)
            #expect(JSONReport.line(for: result) == JSONReport.object(for: result).serialized())
            let error = InputError.invalidField(source: server.source, path: name, reason: name)
            #expect(JSONReport.line(for: error) == JSONReport.object(for: error).serialized())
        }
    }

    @Test func aHugeRecordDoesNotStayInTheThreadsBuffer() {
        let result = Support.bundled.classify(Server(name: String(repeating: "a", count: 2 << 20)))
        #expect(JSONReport.line(for: result).utf8.count > 2 << 20)
        #expect(JSONReport.line(for: Support.bundled.classify(Server(name: "b"))).contains("\"name\":\"b\""))
    }
}
