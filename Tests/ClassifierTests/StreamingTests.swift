import Foundation
import Testing
@testable import Classifier

@Suite struct StreamingTests {
    private func records(_ paths: [String]) -> [InputRecord] {
        RecordStream(paths: paths).map { ServerReader.decode($0) }
    }

    @Test func jsonLinesAcrossManyChunksKeepEveryRecordAndItsLineNumber() throws {
        let folder = Support.temporaryDirectory()
        // About 3 MiB, so lines straddle the 1 MiB read chunks; a long topic makes some lines bigger than others.
        var text = ""
        for index in 1...12_000 {
            let topic = String(repeating: "x", count: index % 7 == 0 ? 900 : 100)
            text += #"{"name": "s\#(index)", "channels": [{"name": "general", "topic": "\#(topic)"}]}"# + "\r\n"
            if index == 5_000 { text += "\n   \n" }  // blank lines are skipped, but still counted
        }
        Support.write(text, to: folder + "/list.jsonl")
        let all = records([folder + "/list.jsonl"])
        #expect(all.count == 12_000)
        let last = try all[11_999].get()
        #expect(last.name == "s12000" && last.source.record == 12_002)
        #expect(try all[4_999].get().source.record == 5_000)
        #expect(try all[5_000].get().source.record == 5_003)
    }

    @Test func jsonLinesWithoutExtensionAndABrokenFirstLine() {
        let folder = Support.temporaryDirectory()
        Support.write("{oops\n{\"name\": \"b\", \"channels\": []}\n{\"name\": \"c\", \"channels\": []}\n", to: folder + "/list.txt")
        let all = records([folder + "/list.txt"])
        #expect(all.count == 3)
        guard case let .failure(error) = all[0] else { Issue.record("first line should fail"); return }
        #expect(error.description.hasPrefix(folder + "/list.txt: record 1, column 2: malformed JSON"))
        #expect((try? all[2].get().name) == "c")
    }

    @Test func prettyPrintedDocumentIsOneRecord() throws {
        let folder = Support.temporaryDirectory()
        Support.write("{\n  \"name\": \"pretty\",\n  \"channels\": [\"a\"]\n}\n", to: folder + "/one.json")
        let all = records([folder + "/one.json"])
        #expect(all.count == 1)
        #expect(try all[0].get().name == "pretty")
    }

    @Test func directoryIsReadInPathOrderSkippingExpectationsAndHiddenFiles() throws {
        let folder = Support.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        Support.write(#"{"name": "b", "channels": []}"#, to: folder + "/b.json")
        Support.write(#"{"name": "a", "channels": []}"#, to: folder + "/a.json")
        Support.write(#"{"verdict": "clear", "categories": []}"#, to: folder + "/a.expected.json")
        Support.write(#"{"name": "c", "channels": []}"#, to: folder + "/sub/c.json")
        Support.write(#"{"name": "hidden", "channels": []}"#, to: folder + "/.hidden.json")
        Support.write("notes", to: folder + "/README.md")
        let names = try records([folder]).map { try $0.get().name }
        #expect(names == ["a", "b", "c"])
    }

    @Test func missingFileIsAnErrorRecordAndTheOthersAreRead() {
        let folder = Support.temporaryDirectory()
        Support.write(#"{"name": "ok", "channels": []}"#, to: folder + "/ok.json")
        let all = records([folder + "/missing.json", folder + "/ok.json"])
        #expect(all.count == 2)
        #expect(all[0].failureDescription == folder + "/missing.json: cannot read: no such file")
        #expect((try? all[1].get().name) == "ok")
    }

    @Test func endlessOrOversizedInputEndsWithAnError() throws {
        // /dev/zero never ends and has no line end: the reader gives up at the size limit instead of hanging.
        let records = RecordStream(paths: ["/dev/zero"], maxRecordBytes: 4 << 20).map { ServerReader.decode($0) }
        #expect(records.count == 1)
        #expect(records[0].failureDescription == "/dev/zero: cannot read: larger than 4 MiB for one server export; "
                + "write one server per line (JSON Lines) instead")
        let folder = Support.temporaryDirectory()
        Support.write(#"{"name": "a", "channels": []}"# + "\n" + String(repeating: "x", count: 3 << 20) + "\n"
                      + #"{"name": "c", "channels": []}"# + "\n", to: folder + "/long.jsonl")
        let lines = RecordStream(paths: [folder + "/long.jsonl"], maxRecordBytes: 1 << 20).map { ServerReader.decode($0) }
        #expect(lines.count == 3 && (try? lines[0].get().name) == "a")
        #expect(lines[1].failureDescription?.contains("record 2, column 1: malformed JSON: the line is longer than 1 MiB") == true)
        let last = try lines[2].get()
        #expect(last.name == "c" && last.source.record == 3, "the records after an over-long line are still read")
    }

    @Test func batchOutputIsInInputOrderWhateverTheNumberOfJobs() {
        let folder = Support.temporaryDirectory()
        var text = ""
        for index in 0..<3_000 {
            let channel = index % 10 == 0 ? "demande-leak" : (index % 97 == 0 ? "{broken" : "general")
            text += index % 97 == 0 && index % 10 != 0 ? "{broken\n" : #"{"name": "s\#(index)", "channels": ["\#(channel)"]}"# + "\n"
        }
        Support.write(text, to: folder + "/list.jsonl")
        func run(jobs: Int) -> [String] {
            var lines: [String] = []
            BatchRunner(classifier: Support.bundled, jobs: jobs, batchSize: 100).run(
                RecordStream(paths: [folder + "/list.jsonl"]),
                render: { item in
                    switch item {
                    case let .classified(result): return "\(result.server.name) \(result.verdict.rawValue)"
                    case let .failed(error): return "error \(error.source.display)"
                    }
                },
                emit: { lines.append($0) })
            return lines
        }
        let one = run(jobs: 1)
        #expect(one.count == 3_000)
        #expect(one[10] == "s10 watch" && one[11] == "s11 clear")
        #expect(one[97] == "error \(folder)/list.jsonl:98")
        #expect(run(jobs: 2) == one)
        #expect(run(jobs: 7) == one)
    }
}

extension Result where Failure == InputError {
    var failureDescription: String? {
        if case let .failure(error) = self { return error.description }
        return nil
    }
}
