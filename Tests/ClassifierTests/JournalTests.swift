import Foundation
import Testing
import Classifier
@testable import ClassifierJournal

/// The watch journal on real SQLite files: recording, reading, diffs, keys, schemas, faults - and no name in clear.
@Suite struct JournalTests {
    private let cli = CLITests()

    /// A server in the Discord API shape (with ids), so renames keep their channel's id.
    private func discordExport(guild: String, channels: [(id: String, name: String, parent: String?)]) -> String {
        let objects = channels.map { channel in
            let type = channel.parent == nil && channel.name == channel.name.uppercased() ? 4 : 0
            let parent = channel.parent.map { "\"\($0)\"" } ?? "null"
            return #"{"id": "\#(channel.id)", "guild_id": "\#(guild)", "type": \#(type), "name": "\#(channel.name)", "parent_id": \#(parent)}"#
        }
        return "[" + objects.joined(separator: ", ") + "]"
    }

    private func run(_ arguments: [String], _ folder: String) throws -> CLITests.Run {
        try cli.classify(arguments, environment: ["XDG_CONFIG_HOME": folder + "/config", "XDG_DATA_HOME": folder + "/data",
                                                  "CLASSIFY_REDACT_KEY": ""])
    }

    /// `PRAGMA integrity_check` read without the journal's key.
    private func integrity(_ path: String) throws -> String {
        (try SQLiteConnection(path: path, create: false, busyTimeout: .seconds(5)).rows("PRAGMA integrity_check").first?[0]) ?? ""
    }

    @Test func aRenamedChannelAndADroppedVerdictShowInDiff() throws {
        let folder = Support.temporaryDirectory()
        let export = folder + "/Quivvermont.json"
        Support.write(discordExport(guild: "77", channels: [("1", "LEAKS", nil), ("2", "demande-leak", "1"), ("3", "leaks-nudes", "1"),
                                                            ("4", "général", nil)]), to: export)
        let journal = folder + "/journal.sqlite"
        let before = try run(["--journal", journal, "--format", "jsonl", export], folder)
        #expect(before.status == 0 && before.stdout.contains("report-platform"))
        #expect(before.stderr.contains("created a redaction key"), "the journal's key is made and announced")
        // After a report: the request channel renamed, the leaks channel gone.
        Support.write(discordExport(guild: "77", channels: [("1", "LEAKS", nil), ("2", "d3m4nde", "1"), ("4", "général", nil),
                                                            ("5", "memes", nil)]), to: export)
        let after = try run(["--journal", journal, "--format", "jsonl", export], folder)
        #expect(after.status == 0)

        let list = try run(["journal", "list", "--journal", journal, "--lang", "en"], folder)
        let rows = list.stdout.split(separator: "\n")
        #expect(list.status == 0 && rows.count == 2, "a header and one server: \(list.stdout)")
        let fields = rows[1].split(separator: "\t").map(String.init)
        #expect(fields[3] == "2" && fields[5] == "↓", "two scans, verdict dropped: \(fields)")
        let server = fields[0]
        #expect(server.hasPrefix("server-") && !list.stdout.contains("Quivvermont"))

        let diff = try run(["journal", "diff", server, "--journal", journal, "--lang", "en"], folder)
        #expect(diff.status == 0)
        #expect(diff.stdout.contains("verdict dropped: report-platform → "))
        #expect(diff.stdout.contains("~ channel renamed: demande-leak → "), "\(diff.stdout)")
        #expect(diff.stdout.contains("- channel removed: leaks"))
        #expect(diff.stdout.contains("+ channel added: "))
        #expect(diff.stdout.contains("possible evasion after a report"))
        #expect(!diff.stdout.contains("category renamed"), "a category whose mask changed is not a rename")
        let french = try run(["journal", "diff", "77", "--journal", journal, "--lang", "fr"], folder)
        #expect(french.stdout.contains("salon renommé"), "found by its id in clear, hashed with the key")

        let show = try run(["journal", "show", String(server.prefix(12)), "--journal", journal], folder)
        #expect(show.status == 0 && show.stdout.contains("2 scans"))
        for format in ["jsonl", "csv", "markdown"] {
            let export = try run(["journal", "export", "--format", format, "--journal", journal], folder)
            #expect(export.status == 0 && export.stdout.contains(server), "\(format)")
        }
        let lines = try run(["journal", "export", "--journal", journal], folder).stdout.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["pack_version"] as? String == Support.bundled.rules.policy.version)
            #expect((object["report"] as? [String: Any])?["verdict"] as? String == object["verdict"] as? String)
        }
        #expect(try integrity(journal) == "ok")
    }

    @Test func aRedactedJournalHoldsNoNameInClear() throws {
        let folder = Support.temporaryDirectory()
        let names = RedactionLeakTests.names
        let export = folder + "/\(names[0]).json"
        Support.write(#"{"id": "\#(names[1])", "name": "\#(names[2]) Club", "description": "chez \#(names[3])", "categories": [{"id": "\#(names[4])", "name": "\#(names[5])", "channels": ["\#(names[6])-leaks", {"name": "général", "topic": "photos de \#(names[7]) nudes"}]}]}"#, to: export)
        let journal = folder + "/journal.sqlite"
        #expect(try run(["--journal", journal, export], folder).status == 0)
        #expect(try run(["--journal", journal, export], folder).status == 0)
        var bytes = Data()
        for suffix in ["", "-wal", "-shm"] {
            bytes += (try? Data(contentsOf: URL(fileURLWithPath: journal + suffix))) ?? Data()
        }
        #expect(bytes.count > 1000)
        for name in names.prefix(8) {
            #expect(bytes.range(of: Data(name.utf8)) == nil, "\(name) is in the journal's bytes")
        }
        #expect(try integrity(journal) == "ok")
        // A journal that keeps names says so, and refuses a run that does not ask for them.
        let named = folder + "/named.sqlite"
        #expect(try run(["--journal", named, "--journal-keep-names", export], folder).status == 0)
        let refused = try run(["--journal", named, export], folder)
        #expect(refused.status == 2 && refused.stderr.contains("keeps names in clear"))
        let markdown = try run(["journal", "export", "--format", "markdown", "--journal", named], folder)
        #expect(markdown.stdout.contains("keeps names in clear") && markdown.stdout.contains("\(names[2]) Club"))
    }

    @Test func anotherKeyANewerSchemaAndABusyFileAreRefusedClearly() throws {
        let folder = Support.temporaryDirectory()
        let path = folder + "/journal.sqlite"
        let journal = try Journal(path: path, key: "team key")
        try journal.record([Support.bundled.classify(Support.server(["server: Plenthadu", "demande-leak"]))], packVersion: "test")
        #expect(throws: JournalError.wrongKey(path: path)) { try Journal(path: path, key: "another key") }

        // Another process in the middle of a write: a clear "busy" once the timeout is over, never a corrupt file.
        let holder = try SQLiteConnection(path: path, create: false, busyTimeout: .seconds(1))
        try holder.execute("BEGIN IMMEDIATE")
        let waiting = try Journal(path: path, key: "team key", busyTimeout: .milliseconds(200))
        #expect(throws: JournalError.busy(path: path)) {
            try waiting.record([Support.bundled.classify(Support.server(["x"]))], packVersion: "test")
        }
        try holder.execute("COMMIT")
        try waiting.record([Support.bundled.classify(Support.server(["x"]))], packVersion: "test")
        #expect(try waiting.servers().count == 2)
        #expect(JournalError.busy(path: path).description.contains("journal busy"))

        try holder.execute("PRAGMA user_version = \(Journal.schemaVersion + 1)")
        #expect(throws: JournalError.newerSchema(path: path, found: Journal.schemaVersion + 1, known: Journal.schemaVersion)) {
            try Journal(path: path, key: "team key")
        }
        let garbage = folder + "/notes.txt"
        Support.write(String(repeating: "not a database\n", count: 100), to: garbage)
        #expect(throws: (any Error).self) { try Journal(path: garbage, key: "k") }
    }

    @Test func aJournalFromTheFirstSchemaIsMigrated() throws {
        let path = Support.temporaryDirectory() + "/old.sqlite"
        let old = try SQLiteConnection(path: path, create: true, busyTimeout: .seconds(1))
        try old.execute(JournalSchema.migrations[0])
        try old.execute("PRAGMA user_version = 1")
        let fingerprint = Redactor(key: "k").hash("classify journal key", kind: "key")
        try old.execute("INSERT INTO meta VALUES ('key_fingerprint', '\(fingerprint)'), ('keeps_names', '0')")
        try old.execute("""
            INSERT INTO scans(server, scanned_at, input_sha256, pack_version, classify_version, verdict, scores, rules, name, report)
            VALUES ('server-1', '2026-11-01T10:00:00Z', NULL, '2026.11.1', '0.3.0', 'watch', '{"leaks":30}', '["leaks.leak-word"]', 'name-1', '{}')
            """)
        let journal = try Journal(path: path, key: "k")
        let scans = try journal.scans(of: "server-1")
        #expect(scans.count == 1 && scans[0].verdict == .watch && scans[0].structure.isEmpty && scans[0].scores["leaks"] == 30)
        #expect(try SQLiteConnection(path: path, create: false, busyTimeout: .seconds(1)).rows("PRAGMA user_version")
                    .first?[0] == "\(Journal.schemaVersion)")
        #expect(try journal.integrityCheck() == "ok")
    }

    @Test func theCompactStructureReadsBackAndAnOlderOneIsNotMatched() throws {
        let path = Support.temporaryDirectory() + "/mixed.sqlite"
        let journal = try Journal(path: path, key: "k")
        let server = Server(id: "9", name: "Quivvermont", categories: [ChannelCategory(id: "1", name: "INFOS")],
                            channels: [Channel(id: "2", name: "règles", categoryIndex: 0), Channel(id: "3", name: "leaks-nudes", categoryIndex: 0),
                                       Channel(name: "général")])
        try journal.record([Support.bundled.classify(server)], packVersion: "p")
        let connection = try SQLiteConnection(path: path, create: false, busyTimeout: .seconds(1))
        let stored = try #require(try connection.rows("SELECT structure FROM scans").first?.blob(0), "stored as a BLOB")
        // Format byte, then a category: kind 0, 8 bytes of tag, no parent, "INFOS" as a count of 5 (5 << 1).
        #expect(stored.count > 40 && stored[0] == 1 && stored[1] == 0 && stored[10] == 0 && stored[11] == 10, "\(stored)")
        let text = String(decoding: stored, as: UTF8.self)
        #expect(text.contains("leaks") && !text.contains("règles") && !text.contains("général") && !text.contains("INFOS"),
                "kept words stay, the rest is counts")
        let scan = try #require(try journal.scans(of: "9").first)
        #expect(scan.structure.map(\.kind) == ["category", "channel", "channel", "channel"])
        #expect(scan.structure[1].name == "••••••" && scan.structure[1].parent == scan.structure[0].id)
        #expect(scan.structure[2].name.hasPrefix("leaks"))
        #expect(scan.structure[3].parent == nil && scan.structure.allSatisfy { $0.nameKey?.hasPrefix("nk-") == true })
        #expect(scan.structure[0].id.hasPrefix("gk-") && scan.structure[1].id.hasPrefix("ck-"))

        // The same scan in the text form of 2026.11.19-26 (the same tags, as hex): compared with a later BLOB scan,
        // the rename shows.
        let hex = { (entry: StructureEntry) in String(entry.id.dropFirst(3)) }
        let nameHex = { (entry: StructureEntry) in String(entry.nameKey!.dropFirst(3)) }
        let s = scan.structure
        try connection.execute("""
            UPDATE scans SET structure = '[["g","\(hex(s[0]))",null,5,"\(nameHex(s[0]))"],["h","\(hex(s[1]))",0,6,"\(nameHex(s[1]))"],\
            ["h","\(hex(s[2]))",0,"\(s[2].name)","\(nameHex(s[2]))"],["h","\(hex(s[3]))",null,7,"\(nameHex(s[3]))"]]'
            """)
        #expect(try journal.scans(of: "9").first?.structure == scan.structure, "the text form reads to the same entries")
        var renamed = server
        renamed.channels[1].name = "discussion"
        try journal.record([Support.bundled.classify(renamed)], packVersion: "p")
        let textToBlob = try #require(try journal.diff(of: "9"))
        #expect(textToBlob.structureCompared && textToBlob.added.isEmpty && textToBlob.removed.isEmpty)
        #expect(textToBlob.renamed.map(\.1.id) == [s[2].id], "leaks-nudes became discussion")

        // A scan recorded before 2026.11.19: objects with HMAC ids, which no tag matches.
        try connection.execute("""
            UPDATE scans SET structure = '[{"kind":"category","id":"category-00","parent":null,"name":"•••••","nameKey":"name-01"},\
            {"kind":"channel","id":"channel-02","parent":"category-00","name":"••••••","nameKey":"name-03"}]'
            WHERE id = (SELECT MIN(id) FROM scans)
            """)
        #expect(try journal.scans(of: "9").last?.structure.count == 2, "the older form is still read")
        let diff = try #require(try journal.diff(of: "9"))
        #expect(!diff.structureCompared && diff.added.isEmpty && diff.removed.isEmpty && diff.renamed.isEmpty)
        #expect(JournalText(language: .en).diff(diff).contains("channels not compared"))
        #expect(try journal.integrityCheck() == "ok")
    }

    @Test func aTruncatedOrForeignStructureNeverTraps() {
        let server = Server(id: "9", name: "Quivvermont", categories: [ChannelCategory(id: "1", name: "INFOS")],
                            channels: [Channel(id: "2", name: "leaks-nudes", categoryIndex: 0)])
        let entry = JournalEntryMaker(redactor: Redactor(key: "k"), keepsNames: false).entry(for: Support.bundled.classify(server))
        #expect(StructureCodec.decode(blob: entry.structure).count == 2)
        for cut in 0..<entry.structure.count {
            #expect(StructureCodec.decode(blob: Array(entry.structure.prefix(cut))).count <= 1)
        }
        #expect(StructureCodec.decode(blob: [2, 0, 0]).isEmpty, "another format byte is not read")
        #expect(StructureCodec.decode(blob: [1, 0] + [UInt8](repeating: 0xFF, count: 40)).isEmpty)
    }

    @Test func aRunKilledMidBatchKeepsEveryCommittedBatch() throws {
        let folder = Support.temporaryDirectory()
        let list = folder + "/watchlist.jsonl"
        let line = #"{"name": "s", "categories": [{"name": "LEAKS", "channels": ["demande-leak", "général"]}]}"#
        Support.write((0..<60_000).map { line.replacingOccurrences(of: "\"s\"", with: "\"s\($0)\"") }.joined(separator: "\n"), to: list)
        let journal = folder + "/journal.sqlite"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLITests.binary)
        process.arguments = ["--journal", journal, "--redact-key", "k", "--format", "jsonl", "--jobs", "1", list]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait for a first batch, then kill without warning.
        let deadline = Date().addingTimeInterval(60)
        var recorded = 0
        while Date() < deadline, process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
            if let count = try? SQLiteConnection(path: journal, create: false, busyTimeout: .seconds(1))
                .rows("SELECT COUNT(*) FROM scans").first?[0], let value = Int(count), value > 0 {
                recorded = value
                break
            }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(recorded > 0, "a batch was committed before the kill")
        let reopened = try Journal(path: journal, key: "k")
        #expect(try reopened.integrityCheck() == "ok")
        let total = try reopened.servers().count
        #expect(total > 0 && total % 1000 == 0 && total < 60_000, "whole batches only: \(total)")
    }
}
