import Crypto
import Foundation
import Testing
@testable import Classifier

@Suite struct ChatExporterTests {
    /// A DiscordChatExporter file as the tool writes it: guild, channel, dates, then the messages.
    private func export(guild: String = #"{"id": "800", "name": "Cercle Invent", "iconUrl": "x.png"}"#,
                        channel: String, messages: Int, to path: String) {
        var text = "{\n  \"guild\": \(guild),\n  \"channel\": \(channel),\n"
        text += "  \"dateRange\": {\"after\": null, \"before\": null},\n  \"exportedAt\": \"2026-11-01T10:00:00+00:00\",\n"
        text += "  \"messages\": [\n"
        for index in 0..<messages {
            text += #"    {"id": "\#(index)", "content": "MESSAGE-TEXT-\#(index) with \"quotes\", ] and } inside", "author": {"name": "someone"}}"#
            text += index + 1 < messages ? ",\n" : "\n"
        }
        text += "  ],\n  \"messageCount\": \(messages)\n}\n"
        Support.write(text, to: path)
    }

    @Test func readsGuildAndChannelOnlyAndStopsBeforeTheMessages() throws {
        let folder = Support.temporaryDirectory()
        let path = folder + "/Cercle - SCRED IRL - demandes [1].json"
        export(channel: #"{"id": "1", "type": "GuildTextChat", "categoryId": "10", "category": "SCRED IRL", "name": "envoyez-vos-potes", "topic": "en douche"}"#,
               messages: 200_000, to: path)
        let size = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let stream = RecordStream(paths: [path])
        let records = stream.map { ServerReader.decode($0) }
        #expect(records.count == 1)
        let server = try records[0].get()
        #expect(server.id == "800" && server.name == "Cercle Invent")
        #expect(server.source.format == "discord-chat-exporter")
        #expect(server.categories.map(\.name) == ["SCRED IRL"])
        #expect(server.channels.map(\.name) == ["envoyez-vos-potes"] && server.channels[0].topic == "en douche")
        #expect(server.source.exportedAt == "2026-11-01T10:00:00+00:00")
        #expect(size > 15_000_000)
        #expect(stream.bytesRead < 2 << 20, "read \(stream.bytesRead) of \(size) bytes: the messages must not be read")
        let result = Support.bundled.classify(server)
        #expect(result.verdict == .reportPlatform)
        #expect(!JSONReport.object(for: result).serialized().contains("MESSAGE-TEXT"))

        // A report that cites the file reads on to its end for the hash, still keeping no message.
        let hashing = RecordStream(paths: [path], hashFiles: true)
        #expect(hashing.map { ServerReader.decode($0) }.count == 1)
        let digest = SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: path))).map { String(format: "%02x", $0) }.joined()
        #expect(hashing.fileHashes.map(\.sha256) == [digest])
    }

    @Test func consecutiveFilesOfOneGuildMakeOneServer() throws {
        let folder = Support.temporaryDirectory()
        export(channel: #"{"id": "1", "type": "GuildTextChat", "categoryId": "10", "category": "INFOS", "name": "annonces", "topic": null}"#,
               messages: 3, to: folder + "/a.json")
        export(channel: #"{"id": "2", "type": "GuildTextChat", "categoryId": "10", "category": "INFOS", "name": "general", "topic": null}"#,
               messages: 3, to: folder + "/b.json")
        export(guild: #"{"id": "900", "name": "Autre"}"#,
               channel: #"{"id": "3", "type": "GuildVoiceChat", "categoryId": null, "category": null, "name": "vocal", "topic": null}"#,
               messages: 0, to: folder + "/c.json")
        Support.write(#"{"name": "native", "channels": []}"#, to: folder + "/d.json")
        let servers = try RecordStream(paths: [folder]).map { try ServerReader.decode($0).get() }
        #expect(servers.map(\.name) == ["Cercle Invent", "Autre", "native"])
        #expect(servers[0].channels.map(\.name) == ["annonces", "general"] && servers[0].categories.count == 1)
        #expect(servers[1].channels.first?.kind == "voice" && servers[1].categories.isEmpty)
    }

    @Test func theExportTimeReachesEveryReportThatCitesTheSource() throws {
        let folder = Support.temporaryDirectory()
        let path = folder + "/salon.json"
        export(channel: #"{"id": "1", "type": "GuildTextChat", "categoryId": "10", "category": "SCRED IRL", "name": "envoyez-vos-potes", "topic": null}"#,
               messages: 5, to: path)
        let server = try #require(try RecordStream(paths: [path]).map { try ServerReader.decode($0).get() }.first)
        let result = Support.bundled.classify(server)
        #expect(JSONReport.object(for: result).serialized().contains(#""exported_at":"2026-11-01T10:00:00+00:00""#))
        let markdown = MarkdownReport(language: .fr, policy: Support.bundled.rules.policy, referrals: Referrals(entries: [])).render(result)
        #expect(markdown.contains("Exporté le (selon l'export)**: 2026-11-01T10:00:00+00:00"))
        let page = ComplaintPage(language: .en, referrals: Referrals(entries: []), packVersion: "test").render(result)
        #expect(page.contains("<th>exported</th><td>2026-11-01T10:00:00+00:00 (as the export says)</td>"))

        // Messages before exportedAt (not DiscordChatExporter's order): the scan stops at them and says no time,
        // rather than reading the messages to find one. A value too long to be a time is not kept either.
        let late = folder + "/late.json"
        Support.write(#"{"guild": {"id": "1", "name": "G"}, "channel": {"id": "2", "name": "c"}, "messages": [{"content": "MESSAGE"}], "exportedAt": "2026-11-02"}"#, to: late)
        let long = folder + "/long.json"
        Support.write(#"{"guild": {"id": "1", "name": "G"}, "channel": {"id": "2", "name": "c"}, "exportedAt": "\#(String(repeating: "9", count: 100))", "messages": []}"#, to: long)
        for file in [late, long] {
            let read = try #require(try RecordStream(paths: [file]).map { try ServerReader.decode($0).get() }.first)
            #expect(read.channels.map(\.name) == ["c"] && read.source.exportedAt == nil, "\(file)")
        }
    }

    @Test func aMinifiedExportIsReadForItsMetadataOnly() throws {
        // DiscordChatExporter can write one line: it must not be read to its end looking for a second one.
        let folder = Support.temporaryDirectory()
        let path = folder + "/minified.json"
        export(channel: #"{"id": "1", "type": "GuildTextChat", "name": "général", "topic": null}"#, messages: 100_000, to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\n", with: "")
        Support.write(text, to: path)
        let stream = RecordStream(paths: [path])
        let records = stream.map { ServerReader.decode($0) }
        #expect(records.count == 1 && (try? records[0].get())?.channels.map(\.name) == ["général"])
        #expect(text.utf8.count > 8_000_000)
        #expect(stream.bytesRead <= 2 << 20, "read \(stream.bytesRead) of \(text.utf8.count) bytes")
    }

    @Test func aBrokenExportIsPlacedWhereTheScanStoodWhateverTheChunkSize() throws {
        // Found by the fuzzer: the line was counted in all that had been read, so it changed with the chunk size.
        let path = Support.temporaryDirectory() + "/broken.json"
        Support.write("{\n  \"guild\": {\"id\": \"1\", \"name\": \"x\"},\n  {\"bad\": 1}\n}\n" + String(repeating: "\n", count: 50), to: path)
        for chunkSize in [1, 3, 7, 1 << 20] {
            let stream = RecordStream(paths: [path])
            stream.chunkSize = chunkSize
            let records = stream.map { ServerReader.decode($0) }
            #expect(records.count == 1)
            guard case let .failure(error) = records.first else { Issue.record("expected an error"); continue }
            #expect(error.description.hasSuffix("broken.json:3:3: malformed JSON: expected a member name (DiscordChatExporter export)"),
                    "chunks of \(chunkSize): \(error)")
        }
    }

    @Test func truncatedExportIsAClearError() {
        let folder = Support.temporaryDirectory()
        Support.write("{\n  \"guild\": {\"id\": \"800\", \"name\": \"x\"},\n  \"channel\": {\"id\": \"1\", \"name\"", to: folder + "/cut.json")
        let records = RecordStream(paths: [folder + "/cut.json"]).map { ServerReader.decode($0) }
        guard case let .failure(error) = records.first else { Issue.record("expected an error"); return }
        #expect(error.description.hasPrefix(folder + "/cut.json:3:14: malformed JSON"), "the channel object's start")
        #expect(error.description.contains("DiscordChatExporter"))
    }
}
