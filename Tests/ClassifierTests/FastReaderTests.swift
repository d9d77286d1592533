import Foundation
import Testing
@testable import Classifier

/// The fast reader (``JSONTape``) against the full parser: the same server for every input it takes, and nil (so
/// the full parser's error) for everything unusual.
@Suite struct FastReaderTests {
    private let source = SourceRef(file: "in.jsonl", record: 3)

    /// What the fast reader gives, alone.
    private func fast(_ text: String) -> Server? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { JSONTape.server($0, source: source, fallbackName: "in:3") }
    }

    /// What the CLI's path gives with the fast reader off.
    private func full(_ text: String) -> InputRecord {
        ServerReader.decode(RawRecord(content: .bytes(Array(text.utf8)), source: source, fallbackName: "in:3"),
                            hashInput: false, useFastReader: false)
    }

    private func decoded(_ text: String) -> InputRecord {
        ServerReader.decode(RawRecord(content: .bytes(Array(text.utf8)), source: source, fallbackName: "in:3"))
    }

    /// The fast reader takes `text` and gives exactly the full parser's server.
    private func expectSame(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let fastServer = try #require(fast(text), "the fast reader fell back", sourceLocation: sourceLocation)
        var fullServer = try full(text).get()
        #expect(fullServer.source.key?.utf8.count == 32, sourceLocation: sourceLocation)
        fullServer.source.key = nil  // set by ServerReader, around either reader
        #expect(fullServer == fastServer, sourceLocation: sourceLocation)
    }

    /// The fast reader falls back, and the CLI's path gives the full parser's error, unchanged.
    private func expectFallback(_ text: String, error: Bool, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(fast(text) == nil, sourceLocation: sourceLocation)
        let viaCLI = decoded(text)
        let viaFull = full(text)
        switch (viaCLI, viaFull) {
        case let (.failure(a), .failure(b)):
            #expect(error && a == b && a.description == b.description, sourceLocation: sourceLocation)
        case let (.success(a), .success(b)):
            #expect(!error && a == b, sourceLocation: sourceLocation)
        default:
            Issue.record("the two paths disagree: \(viaCLI) / \(viaFull)", sourceLocation: sourceLocation)
        }
    }

    @Test func guildTemplateChannelArrayAndNativeGiveTheSameServers() throws {
        try expectSame("""
            {"code":"t1","name":"Nova Hub","description":null,"usage_count":3,"serialized_source_guild":{"name":"Nova Hub",
             "description":"d","roles":[{"id":0,"name":"@everyone","permissions":"1","hoist":false}],"channels":[
             {"id":1,"type":4,"name":"INFOS","topic":null,"parent_id":null,"permission_overwrites":[]},
             {"id":2,"type":0,"name":"💬・général","topic":"Lisez","parent_id":1,"nsfw":true,"permission_overwrites":[]},
             {"id":3,"type":15,"name":"forum","parent_id":1,"available_tags":[{"name":"a"},{"id":5},{"name":null},7]},
             {"id":4,"type":"2","name":"vocal","parent_id":99}]}}
            """)
        try expectSame("""
            [{"id": "20", "guild_id": "77", "type": 0, "name": "demande-leak", "topic": "ici", "parent_id": "10"},
             {"id": "10", "guild_id": "77", "type": 4, "name": "LEAKS", "parent_id": null, "topic": 5}]
            """)
        try expectSame("[]")
        try expectSame("""
            {"id": 9, "name": "", "categories": ["A", {"name": "B", "id": "b", "channels": ["x", {"name": "y",
             "topic": "t", "kind": "forum", "nsfw": true, "tags": ["t1", 2, "t2", null]}]}], "channels": ["loose"]}
            """)
    }

    @Test func escapesAndSurrogatePairsDecodeAsTheFullParser() throws {
        try expectSame(#"{"name": "a\"b\\c\/d\b\f\n\r\t\u00e9\u0000", "channels": []}"#)
        // A pair, a lone high surrogate before text, before another escape, twice, and a lone low one.
        try expectSame(#"{"name": "\ud83d\ude00 \ud800x \ud800\u0041 \ud800\ud800 \udc00 \uD83D\uDE00", "channels": []}"#)
        // Invalid UTF-8 is repaired the same way, escaped or not.
        let bytes: [UInt8] = Array(#"{"name": "a"#.utf8) + [0xFF, 0xC3] + Array(#"\n", "channels": ["#.utf8) + [0x22, 0xE2, 0x82, 0x22]
            + Array("]}".utf8)
        let fastServer = bytes.withUnsafeBufferPointer { JSONTape.server($0, source: source, fallbackName: "x") }
        let fullServer = ServerReader.decode(RawRecord(content: .bytes(bytes), source: source, fallbackName: "x"),
                                             hashInput: false, useFastReader: false)
        var expected = try fullServer.get()
        expected.source.key = nil
        #expect(try expected == #require(fastServer))
    }

    @Test func unknownKeysAreSkippedHoweverDeep() throws {
        try expectSame("""
            {"code": 1, "x": {"a": [1, 2.5e-3, -0, true, false, null, {"b": {"c": [[], {}, "\\u0041"]}}]},
             "serialized_source_guild": {"y": [[[{"name": "not a channel"}]]], "channels": [
               {"type": 0, "name": "n", "extra": {"name": "inner", "type": 4}}]}}
            """)
    }

    @Test func numbersAsIdsKeepTheirDigits() throws {
        let text = """
            {"code": 12345678901234567890123, "name": "N", "serialized_source_guild": {"channels": [
              {"id": 1.5e3, "type": 4, "name": "C"}, {"id": -7, "type": 0, "name": "c", "parent_id": 1.5e3},
              {"id": 3, "type": 0.0, "name": "t"}]}}
            """
        // A type of 0.0 is not an integer: both paths refuse it.
        expectFallback(text, error: true)
        try expectSame(text.replacingOccurrences(of: "0.0", with: "10"))
        let server = try #require(fast(text.replacingOccurrences(of: "0.0", with: "10")))
        #expect(server.id == "12345678901234567890123")
        #expect(server.categories[0].id == "1.5e3" && server.channels[0].categoryIndex == 0)
        #expect(server.channels[0].id == "-7" && server.channels[1].kind == "thread")
    }

    @Test func duplicateKeysFallBackToTheFullParsersError() {
        expectFallback(#"{"name": "a", "channels": [], "name": "b"}"#, error: true)
        expectFallback(#"{"name": "a", "channels": [{"name": "x", "z": {"k": 1, "k": 2}}]}"#, error: true)
        // Equal once unescaped or canonically equivalent: only the full parser knows.
        expectFallback(#"{"name": "a", "channels": [], "n\u0061me": "b"}"#, error: true)
        expectFallback(#"{"n\u0061me": "a", "channels": []}"#, error: false)
        expectFallback("{\"name\": \"a\", \"channels\": [], \"K\": 1, \"\u{212A}\": 2}", error: true)
    }

    @Test func byteOrderMarkAndWhiteSpaceAreAcceptedAsBefore() throws {
        try expectSame("\u{FEFF} \r\n\t{\"name\": \"a\", \"channels\": [\"b\"]} \n")
        expectFallback("{\"name\": \"a\", \"channels\": []}\u{FEFF}", error: true)
    }

    @Test func hugeStringsFallBackAndNameTheirField() throws {
        let long = String(repeating: "é", count: ServerDecoder.maximumTextBytes / 2 + 1)
        expectFallback(#"{"name": "a", "channels": [{"name": "\#(long)"}]}"#, error: true)
        guard case let .failure(error) = decoded(#"{"name": "a", "channels": [{"name": "\#(long)"}]}"#) else { return }
        #expect(error.description.contains("channels[0].name: is 65538 bytes long"))
        // Under the cap, escapes and all: taken.
        let escaped = String(repeating: #"\u00e9"#, count: ServerDecoder.maximumTextBytes / 2)
        try expectSame(#"{"name": "\#(escaped)", "channels": []}"#)
    }

    @Test func deepNestingFallsBackAndGivesTodaysError() {
        let deep = #"{"name": "a", "channels": [], "x": "# + String(repeating: "[", count: 300)
            + String(repeating: "]", count: 300) + "}"
        expectFallback(deep, error: true)
        guard case let .failure(error) = decoded(deep) else { Issue.record("expected an error"); return }
        #expect(error.description.contains("nesting deeper than 256 levels"))
        #expect(error.description.hasPrefix("in.jsonl: record 3, column"))
        // 256 levels are still read.
        let fine = #"{"name": "a", "channels": [], "x": "# + String(repeating: "[", count: 254)
            + String(repeating: "]", count: 254) + "}"
        #expect(fast(fine) != nil)
    }

    @Test func syntaxErrorsAndBadFieldsFallBackWithTheirMessage() {
        for text in [#"{"name": "a", "channels": ["b",]}"#, #"{"name": "a" "channels": []}"#, #"{"name": "a\q"}"#,
                     #"{"name": "\u12"}"#, "{\"name\": \"a\tb\", \"channels\": []}", #"{"name": 01, "channels": []}"#,
                     #"{"name": "a", "channels": []} x"#, #"{"name": tru, "channels": []}"#, "", "   ", #"{"foo": 1}"#,
                     #"{"name": 5, "channels": []}"#, #"[{"type": 0, "name": "a"}, {"type": 0}]"#,
                     #"[{"type": "x", "name": "a"}]"#, #"{"serialized_source_guild": {"channels": {}}}"#,
                     #"{"name": "a", "channels": [{"name": "b", "tags": "t"}]}"#, "[1, 2]", "\"text\"",
                     #"{"name": "a", "channels": [], "x": -}"#, #"{"name": "a", "channels": [], "x": 1.}"#,
                     #"{"name": "a", "channels": [], "x": 1e}"#, #"{"name": "a", "channels": [], "x": "\"#] {
            expectFallback(text, error: true)
        }
    }

    @Test func chatExporterShapedRecordsGiveTheSameServer() throws {
        try expectSame("""
            {"guild": {"id": "1", "name": "G"}, "channel": {"id": "2", "type": "GuildVoiceChat", "name": "v",
             "category": "Cat", "categoryId": "3", "topic": null}, "exportedAt": "2026-01-01"}
            """)
    }

    @Test func everyFixtureReadsTheSameBothWays() throws {
        var checked = 0
        let files = try FileManager.default.subpathsOfDirectory(atPath: Support.fixturesDirectory)
            .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".expected.json") }
        for file in files {
            let path = Support.fixturesDirectory + "/" + file
            for record in RecordStream(paths: [path]) {
                let a = ServerReader.decode(record)
                let b = ServerReader.decode(record, hashInput: false, useFastReader: false)
                switch (a, b) {
                case let (.success(x), .success(y)): #expect(x == y, "\(file)")
                case let (.failure(x), .failure(y)): #expect(x == y, "\(file)")
                default: Issue.record("\(file): the fast and full readers disagree")
                }
                checked += 1
            }
        }
        #expect(checked > 20)
    }

    /// Seeded mutations of every fixture (a byte replaced by one that matters to JSON, removed, or a slice repeated):
    /// the CLI's path and the full parser alone give the same server or the same error every time.
    @Test func mutatedFixturesReadTheSameBothWays() throws {
        var random = SystemRandomNumberGenerator.Seeded(seed: 14)
        let interesting = Array("\"\\{}[],:u0e-. \n".utf8) + [0x00, 0xFF, 0xC3, 0xE2]
        let files = try FileManager.default.subpathsOfDirectory(atPath: Support.fixturesDirectory)
            .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".expected.json") }.sorted()
        var fastServers = 0
        for file in files {
            let original = try #require(FileManager.default.contents(atPath: Support.fixturesDirectory + "/" + file))
            for _ in 0..<150 {
                var bytes = [UInt8](original)
                for _ in 0..<(1 + Int(random.next() % 3)) where !bytes.isEmpty {
                    let at = Int(random.next() % UInt64(bytes.count))
                    switch random.next() % 3 {
                    case 0: bytes[at] = interesting[Int(random.next() % UInt64(interesting.count))]
                    case 1: bytes.remove(at: at)
                    default:
                        let end = min(bytes.count, at + 1 + Int(random.next() % 24))
                        bytes.insert(contentsOf: bytes[at..<end], at: at)
                    }
                }
                let record = RawRecord(content: .bytes(bytes), source: SourceRef(file: file), fallbackName: "x")
                let viaCLI = ServerReader.decode(record)
                let viaFull = ServerReader.decode(record, hashInput: false, useFastReader: false)
                switch (viaCLI, viaFull) {
                case let (.success(a), .success(b)): #expect(a == b, "\(file)")
                case let (.failure(a), .failure(b)): #expect(a == b, "\(file)")
                default: Issue.record("\(file): the fast and full readers disagree on \(String(decoding: bytes, as: UTF8.self))")
                }
                if bytes.withUnsafeBufferPointer({ JSONTape.server($0, source: record.source, fallbackName: "x") }) != nil {
                    fastServers += 1
                }
            }
        }
        #expect(fastServers > 2_000)  // the fast reader took many of them, not only the untouched ones
    }
}

extension SystemRandomNumberGenerator {
    /// SplitMix64: the same mutations every run.
    struct Seeded {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
