import Crypto
import Testing
@testable import Classifier

@Suite struct ReaderTests {
    private func read(_ text: String, file: String = "input.json") -> [InputRecord] {
        ServerReader.read(bytes: Array(text.utf8), file: file)
    }

    private func server(_ text: String, file: String = "input.json") throws -> Server {
        try #require(read(text, file: file).first).get()
    }

    @Test func discordChannelArrayLinksParentsAndKeepsStringIds() throws {
        let server = try server("""
            [{"id": "20", "guild_id": "77", "type": 0, "name": "demande-leak", "topic": "ici", "parent_id": "10"},
             {"id": "10", "guild_id": "77", "type": 4, "name": "LEAKS", "parent_id": null},
             {"id": "30", "guild_id": "77", "type": 2, "name": "vocal", "parent_id": null}]
            """, file: "exports/guild-77.json")
        #expect(server.id == "77")
        #expect(server.name == "guild-77")
        #expect(server.source.format == "discord-channels")
        #expect(server.categories.map(\.name) == ["LEAKS"])
        #expect(server.channels.map(\.name) == ["demande-leak", "vocal"])
        #expect(server.channels[0].categoryIndex == 0 && server.channels[0].topic == "ici")
        #expect(server.channels[1].categoryIndex == nil && server.channels[1].kind == "voice")
    }

    @Test func guildTemplateTakesNameAndDescription() throws {
        let server = try server("""
            {"code": "abc", "name": "Mon serveur", "description": "Un lieu",
             "serialized_source_guild": {"name": "Mon serveur", "channels": [
               {"id": 1, "type": 4, "name": "INFOS", "parent_id": null},
               {"id": 2, "type": 0, "name": "règles", "topic": null, "parent_id": 1}]}}
            """)
        #expect(server.name == "Mon serveur" && server.description == "Un lieu")
        #expect(server.source.format == "guild-template")
        #expect(server.channels.first?.categoryIndex == 0)
    }

    @Test func nativeFormatAcceptsNamesOrObjects() throws {
        let server = try server("""
            {"name": "N", "categories": [{"name": "A", "channels": ["x", {"name": "y", "topic": "t"}]}],
             "channels": ["loose"]}
            """)
        #expect(server.source.format == "native")
        #expect(server.channels.map(\.name) == ["x", "y", "loose"])
        #expect(server.channels.map(\.categoryIndex) == [0, 0, nil])
    }

    @Test func malformedJSONNamesFileLineAndColumn() {
        let text = "{\n  \"name\": \"x\",\n  \"channels\": [\"a\" \"b\"]\n}"
        let records = read(text, file: "bad.json")
        guard case let .failure(error) = records.first else { Issue.record("expected an error"); return }
        // The record's key (source.key) is the start of the SHA-256 of its bytes, errors included.
        var source = SourceRef(file: "bad.json")
        source.key = String(SHA256.hash(data: Array(text.utf8)).hexDigits.prefix(32))
        #expect(error == .malformedJSON(source: source, line: 3, column: 20,
                                        reason: "expected ',' or ']' in an array, found '\"'"))
        #expect(error.description.hasPrefix("bad.json:3:20: malformed JSON"))
    }

    @Test func unknownShapeSaysWhatWasFound() {
        guard case let .failure(error) = read(#"{"foo": 1}"#).first else { Issue.record("expected an error"); return }
        #expect(error.description.contains("an object with keys foo"))
    }

    @Test func wrongFieldTypeNamesThePath() {
        guard case let .failure(error) = read(#"{"name": "x", "categories": [{"name": 3}]}"#).first else {
            Issue.record("expected an error"); return
        }
        #expect(error.description == "input.json: categories[0].name: expected a string, found a number")
    }

    @Test func emptyInputAndBOMAndCRLF() throws {
        guard case .failure(.empty) = read("  \n").first else { Issue.record("expected empty"); return }
        let server = try server("\u{FEFF}{\"name\": \"bom\",\r\n \"channels\": [\"a\"]}\r\n")
        #expect(server.name == "bom")
    }

    @Test func jsonLinesKeepsGoodRecordsAroundABadOne() {
        let records = read("""
            {"name": "one", "channels": ["a"]}
            {"name": "two", "channels": [
            {"name": "three", "channels": ["c"]}
            """, file: "list.jsonl")
        #expect(records.count == 3)
        #expect((try? records[0].get().name) == "one")
        guard case let .failure(error) = records[1] else { Issue.record("line 2 should fail"); return }
        #expect(error.source.record == 2)
        #expect(error.description.hasPrefix("list.jsonl: record 2"))
        #expect((try? records[2].get().source.record) == 3)
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        guard case let .failure(error) = read(deep).first else { Issue.record("expected an error"); return }
        #expect(error.description.contains("nesting deeper than"))
    }

    @Test func largeIdsKeepEveryDigit() throws {
        let server = try server(#"[{"id": 123456789012345678901, "guild_id": 987654321098765432109, "type": 0, "name": "a"}]"#)
        #expect(server.id == "987654321098765432109")
    }

    /// Records as the CLI reads them: a file through RecordStream.
    private func streamed(_ text: String, file: String) -> [InputRecord] {
        let path = Support.temporaryDirectory() + "/" + file
        Support.write(text, to: path)
        return RecordStream(paths: [path]).map { ServerReader.decode($0) }
    }

    @Test func anOutlineTypedFromScreenshotsIsAServer() throws {
        let text = "# Club Invent\n> lecture et BD\n  #hors-catégorie\nACCUEIL\n  #règles\n  | à lire\n  | avant tout\n\tvocal\nLIVRES\n  - polars\n"
        let server = try streamed(text, file: "club.outline").first!.get()
        #expect(server.name == "Club Invent" && server.description == "lecture et BD")
        #expect(server.source.format == "outline")
        #expect(server.categories.map(\.name) == ["ACCUEIL", "LIVRES"])
        #expect(server.channels.map(\.name) == ["hors-catégorie", "règles", "vocal", "polars"])
        #expect(server.channels.map(\.categoryIndex) == [nil, 0, 0, 1])
        #expect(server.channels[1].topic == "à lire avant tout")
    }

    @Test func anOutlineErrorNamesItsLine() throws {
        for (text, expected) in [("# A\n\n  | orphan topic\n", "x.outline:3: outline: a topic ('|') before any channel"),
                                 ("# A\n# B\n", "x.outline:2: outline: a second '# ' line: an outline names one server")] {
            guard case let .failure(error) = streamed(text, file: "x.outline").first else {
                Issue.record("expected an error for \(text)")
                continue
            }
            #expect(error.description.hasSuffix("/" + expected), "\(error)")
        }
        // JSON is never read as an outline, and an outline is never read as JSON Lines.
        #expect(try streamed(##"{"name": "# not an outline", "channels": ["a"]}"##, file: "x.json").first!.get().source.format == "native")
    }
}
