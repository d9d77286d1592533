import Foundation
import Testing
@testable import Classifier

/// Every kind of bad input gives a clear error or a result: never a crash, a hang or a silent skip.
@Suite struct BadInputTests {
    private let cli = CLITests()

    private func file(_ name: String, _ bytes: [UInt8]) -> String {
        let path = Support.temporaryDirectory() + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    private func file(_ name: String, _ text: String) -> String { file(name, Array(text.utf8)) }

    @Test func malformedJSONNamesFileLineAndColumnAndTheBatchGoesOn() throws {
        let bad = file("bad.json", "{\n  \"name\": \"x\",\n  \"channels\": [\"a\",]\n}\n")
        let good = file("good.json", #"{"name": "ok", "channels": ["cumtribs"]}"#)
        let run = try cli.classify(["--format", "jsonl", bad, good])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(bad):3:")  && run.stderr.contains("malformed JSON"))
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2 && lines[0].contains(#""verdict":null"#) && lines[1].contains("report-platform"))
    }

    @Test func invalidUTF8IsReplacedNotFatal() throws {
        let path = file("latin1.json", Array(#"{"name": "caf"#.utf8) + [0xE9] + Array(#"", "channels": ["leaks-nudes"]}"#.utf8))
        let run = try cli.classify(["--format", "jsonl", path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("caf\u{FFFD}") && run.stdout.contains("report-platform"))
    }

    @Test func byteOrderMarkAndCRLFInJSONLines() throws {
        let path = file("list.jsonl", [0xEF, 0xBB, 0xBF] + Array("{\"name\": \"a\", \"channels\": []}\r\n{\"name\": \"b\", \"channels\": []}\r\n".utf8))
        let run = try cli.classify(["--format", "jsonl", path])
        #expect(run.status == 0 && run.stdout.split(separator: "\n").count == 2)
    }

    @Test func emptyFileAndBlankFileAreErrors() throws {
        let empty = file("empty.json", "")
        let blank = file("blank.json", "  \n\n")
        let run = try cli.classify(["--format", "jsonl", empty, blank])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(empty): the file is empty") && run.stderr.contains("\(blank): the file is empty"))
        #expect(run.stdout.split(separator: "\n").count == 2)
    }

    @Test func aTextUpToTheCapIsReadWholeAndABiggerOneIsRefusedByPath() throws {
        // Near the cap, evidence at the very end still counts.
        let long = String(repeating: "ab", count: (ServerDecoder.maximumTextBytes - 20) / 2) + "-leaks-nudes"
        let near = file("near-cap.json", #"{"name": "big", "channels": ["\#(long)"]}"#)
        let run = try cli.classify(["--format", "jsonl", near])
        #expect(run.status == 0 && run.stdout.contains("report-platform"))
        // Past it, the record is an error naming the field, and the next record is classified as usual.
        let huge = String(repeating: "ab", count: 500_000)
        let lines = #"{"name": "a", "categories": [{"name": "C", "channels": [{"name": "x", "topic": "\#(huge)"}]}]}"# + "\n"
            + #"{"name": "b", "channels": ["leaks-nudes"]}"# + "\n"
        let batch = try cli.classify(["--format", "jsonl", file("watch.jsonl", lines)])
        #expect(batch.status == 2)
        #expect(batch.stderr.contains("categories[0].channels[0].topic: is 1000000 bytes long, over the 64 KiB"))
        #expect(batch.stdout.split(separator: "\n").count == 2 && batch.stdout.contains("report-platform"))
    }

    @Test func hundredThousandChannelsInOneServer() throws {
        var channels: [String] = []
        for index in 0..<100_000 { channels.append(#"{"id": "\#(index)", "type": 0, "name": "channel-\#(index)", "parent_id": null}"#) }
        channels[77_777] = #"{"id": "77777", "type": 0, "name": "teen-nudes", "parent_id": null}"#
        let path = file("wide.json", "[" + channels.joined(separator: ",") + "]")
        let started = Date()
        let run = try cli.classify(["--format", "jsonl", path])
        #expect(run.status == 0 && run.stdout.contains("report-authorities") && run.stdout.contains(#""channels":100000"#))
        #expect(Date().timeIntervalSince(started) < 60)
    }

    @Test func deeplyNestedJSONIsRefused() throws {
        let path = file("deep.json", String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
        let run = try cli.classify(["--format", "jsonl", path])
        #expect(run.status == 2 && run.stderr.contains("malformed JSON: nesting deeper than 256 levels"))
    }

    @Test func unknownShapeSaysWhatItFound() throws {
        let path = file("other.json", #"{"users": [1, 2]}"#)
        let run = try cli.classify([path])
        #expect(run.status == 2 && run.stderr.contains("not a server export classify knows (an object with keys users)"))
    }

    @Test func catastrophicPatternInARulePackIsAReportedErrorNotAHang() throws {
        let pack = """
            signals:
              - id: evil
                description: backtracks for ever on a run of a's without an end
                patterns: ['^(a+)+$']
                examples: {match: ["aaa"], no-match: ["b"]}
            rules:
              - id: test.evil
                category: leaks
                section: "1.1"
                weight: 50
                description: d
                all: [evil]
                examples: {match: ["aaa"], no-match: ["b"]}
            """
        let rules = Support.rulesFolder(["evil.yaml": pack])
        let path = file("aaa.json", #"{"name": "x", "channels": ["\#(String(repeating: "a", count: 5_000))!"]}"#)
        let started = Date()
        let run = try cli.classify(["--rules", rules, "--format", "jsonl", path])
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(run.stderr.contains("test.evil") && run.stderr.contains("limit"))
        #expect(run.stdout.contains(#""errors":[{"kind":"rule""#))
    }

    @Test func closedPipeEndsQuietly() throws {
        // `classify … | head -1`: the reader goes away after one line; classify must stop without a word.
        let list = file("many.jsonl", (0..<20_000).map { #"{"name": "s\#($0)", "channels": ["general"]}"# }.joined(separator: "\n"))
        let run = try shell("| head -1 >/dev/null", "--format jsonl '\(list)'")
        #expect(run.stderr.isEmpty, "stderr: \(run.stderr)")
    }

    /// Runs classify through the shell with the given redirections; returns the exit status and standard error.
    private func shell(_ redirections: String, _ arguments: String) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "cd '\(Support.checkout.path)' && '\(CLITests.binary)' \(arguments) \(redirections)"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: errors, as: UTF8.self))
    }

    @Test func aFullDiskFailsClosed() throws {
        // A CI gate must not pass on a truncated report: the write error is said once and the run exits 2.
        let full = try shell(">/dev/full", "--fail-on watch --no-summary Examples/leak-server.json")
        #expect(full.status == 2)
        #expect(full.stderr == "classify: cannot write the output: No space left on device; the report is incomplete\n")
        let markdown = try shell(">/dev/full", "--format markdown --no-summary Examples/leak-server.json")
        #expect(markdown.status == 2)
    }

    @Test func aStandardErrorThatCannotBeWrittenNeverCrashes() throws {
        for redirection in ["2>/dev/full", "2>&-"] {
            let missing = try shell(redirection + " >/dev/null", "--summary /nonexistent.json Examples/leak-server.json")
            #expect(missing.status == 2, "\(redirection): exit \(missing.status)")
            let usage = try shell(redirection, "--format nonsense x.json")
            #expect(usage.status == 2, "\(redirection): exit \(usage.status)")
        }
    }

    @Test func untrustedNamesNeverDriveTheTerminal() throws {
        // ESC[2J clears the screen, ESC]0;…BEL retitles the window, U+202E reverses what follows.
        let path = file("evil.json", #"{"name": "\u001b[2Jevil\u202etxt.exe", "channels": ["\u001b]0;pwned\u0007teen-nudes", "\u001b[8mhidden"]}"#)
        for format in ["text", "markdown"] {
            let run = try cli.classify(["--format", format, "--colour", path])
            #expect(!run.stdout.contains("\u{1B}[2J") && !run.stdout.contains("\u{1B}]0;") && !run.stdout.contains("\u{7}"), "\(format)")
            #expect(!run.stdout.contains("\u{202E}") && !run.stdout.contains("\u{1B}[8m"), "\(format)")
            // Shown instead (markdown escapes the backslash and bracket once more: `\\x1b\[2J` reads `\x1b[2J`).
            #expect(run.stdout.contains(format == "text" ? #"\x1b[2Jevil"# : #"\\x1b\[2Jevil"#), "\(format)")
            #expect(run.stdout.contains("U+202Etxt.exe"), "\(format)")
        }
        // A key named like a line of classify's own cannot forge one on standard error.
        let forged = file("forged.json", #"{"\nclassify: all clear": 1}"#)
        let run = try cli.classify(["--no-summary", forged])
        #expect(run.status == 2)
        #expect(!run.stderr.contains("\nclassify: all clear") && run.stderr.contains(#"\x0aclassify: all clear"#))
        #expect(CSVReport.field("\t=cmd") == "'\t=cmd" && CSVReport.field("\r@x").hasPrefix("\"'\r@x"))
    }

    @Test func brokenLeadingLinesDoNotSwallowAWatchList() throws {
        let lines = (0..<40).map { #"{"name": "s\#($0)", "channels": ["general"]}"# }
        let stdin = #"{"name":"a", "chan"# + "\n{bad\n" + lines.joined(separator: "\n") + "\n"
        for arguments in [["--format", "jsonl", "--no-summary"], ["--jsonl", "--format", "jsonl", "--no-summary"]] {
            let run = try cli.classify(arguments, stdin: stdin)
            let output = run.stdout.split(separator: "\n")
            #expect(output.count == 42, "\(arguments): \(output.count) lines")
            #expect(output.filter { $0.contains(#""verdict":null"#) }.count == 2)
            #expect(run.status == 2)
        }
        // An upper-case extension is a JSON file too.
        let folder = Support.temporaryDirectory()
        Support.write(#"{"name": "x", "channels": ["cumtribs"]}"#, to: folder + "/EXPORT.JSON")
        let run = try cli.classify(["--format", "jsonl", folder])
        #expect(run.stdout.contains("tributes.cum-tribute"))
    }

    @Test func aDirectoryNeverHangsAndSaysWhatItSkipped() throws {
        let folder = Support.temporaryDirectory()
        Support.write(#"{"name": "x", "channels": ["cumtribs"]}"#, to: folder + "/a.json")
        #expect(mkfifo(folder + "/pipe.json", 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: folder + "/dangling.json", withDestinationPath: "/nonexistent/x.json")
        let started = Date()
        let run = try cli.classify(["--format", "jsonl", "--no-summary", folder])
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(run.status == 2)
        #expect(run.stdout.contains("tributes.cum-tribute"))
        #expect(run.stderr.contains("pipe.json: cannot read: not a regular file"))
        #expect(run.stderr.contains("dangling.json: cannot read: No such file or directory (a dangling link?)"))
        let empty = Support.temporaryDirectory()
        let none = try cli.classify(["--no-summary", empty])
        #expect(none.status == 2 && none.stderr.contains("no .json, .jsonl, .ndjson or .outline file in this directory"))
    }

    @Test func duplicateKeysAreRefusedNotHidden() throws {
        let path = file("dup.json", #"{"name": "x", "channels": ["teen-nudes"], "channels": ["general"]}"#)
        let run = try cli.classify(["--format", "jsonl", "--no-summary", path])
        #expect(run.status == 2)
        #expect(run.stdout.contains(#""verdict":null"#) && run.stdout.contains("duplicate member name"))
    }

    @Test func anEndlessLineEndsWithAnErrorAfterTheRecordsBeforeIt() throws {
        // /dev/zero as a .jsonl: no line end ever. With a 1 KiB record limit, the reader gives the good record, then
        // one error, then stops - it does not spin or grow.
        let path = file("endless.jsonl", Array(#"{"name": "a", "channels": ["general"]}"#.utf8) + [0x0A]
                        + [UInt8](repeating: 0, count: 20_000))
        let stream = RecordStream(paths: [path], maxRecordBytes: 1024)
        var records: [RawRecord] = []
        while let record = stream.next() { records.append(record) }
        #expect(records.count == 2)
        guard records.count == 2, case let .error(error) = records[1].content else {
            Issue.record("expected a record then an error")
            return
        }
        #expect(error.description.contains("no line end in 5 KiB (endless input?); the rest of the file is not read"))
    }

    @Test func batchesAreBoundedInBytes() throws {
        // Five 4 KB records with a 6 KB batch limit: batches of two at most, whatever the record count allows.
        let name = String(repeating: "a", count: 4_000)
        let path = file("big.jsonl", (0..<5).map { #"{"name": "\#(name)\#($0)", "channels": ["general"]}"# }.joined(separator: "\n"))
        var batches: [Int] = []
        var emitted = 0
        BatchRunner(classifier: Support.bundled, jobs: 2, batchSize: 100, batchBytes: 6_000)
            .run(RecordStream(paths: [path]), render: { _ in 1 }, emit: { emitted += $0 }, progress: { batches.append($0.records) })
        #expect(emitted == 5)
        #expect(batches == [2, 4, 5])
    }
}

/// `--lang fr` translates the reader's reasons, not only the frame around them: a moderator reading French must not
/// meet "unexpected end of input" halfway through a sentence.
@Suite struct InputErrorTests {
    /// Inputs that make every reason the JSON parser and the decoder give.
    static let broken: [String] = [
        "", "{", "{\"name\": \"x\",", "[1, 2", "{\"a\" 1}", "{\"a\": 1 \"b\": 2}", "[1 2]", "{1: 2}", "\"abc",
        "\"a\u{01}\"", "\"\\q\"", "\"\\u12\"", "\"\\u12G4\"", "-", "1.", "1e", "tru", "{} x", "{\"a\": 1, \"a\": 2}",
        String(repeating: "[", count: 600), "\"text\"", "42", "{}", "{\"x\": 1}", "[1, 2]",
        "{\"name\": 5, \"channels\": []}", "{\"name\": \"x\", \"channels\": [5]}", "{\"name\": \"x\", \"categories\": [7]}",
        "{\"name\": \"x\", \"categories\": {}}", "[{\"id\": \"1\", \"type\": \"text\", \"name\": \"a\"}]",
        "{\"name\": \"\(String(repeating: "a", count: 70_000))\", \"channels\": []}",
    ]

    /// Words that only an untranslated English reason would leave in a French message.
    static let english = ["expected", "unexpected", "found", "input", "inside", "escape", "invalid ", "nesting", "levels",
                          "member", "object", "array", "string", "number", "long", "over the", "record is", "directory",
                          "such file", "top level", "keys", "empty", "duplicate", "would hide"]

    @Test func everyReaderReasonComesOutInFrench() throws {
        var seen = 0
        for (index, text) in Self.broken.enumerated() {
            for record in ServerReader.read(bytes: Array(text.utf8), file: "in-\(index).json") {
                guard case let .failure(error) = record else { continue }
                seen += 1
                let french = error.message(in: .fr)
                let left = Self.english.filter { french.lowercased().contains($0) }
                #expect(left.isEmpty, "input \(index): \(french) still says \(left)")
                #expect(error.message(in: .en) == error.description, "English stays as tools read it")
            }
        }
        #expect(seen >= Self.broken.count - 1, "nearly every input above is an error")
        #expect(InputReasonFrench.translate("No such file or directory") == "fichier ou dossier introuvable")
        #expect(InputReasonFrench.translate("larger than 64 MiB for one server export; write one server per line (JSON Lines) instead")
            == "plus de 64 Mio pour l'export d'un seul serveur ; écrivez plutôt un serveur par ligne (JSON Lines)")
    }

    @Test func unreadableAndOutlineReasonsAreFrenchToo() throws {
        let folder = Support.temporaryDirectory()
        let directory = InputError.unreadable(file: folder, reason: "is a directory; pass the files inside it")
        #expect(directory.message(in: .fr).hasSuffix("lecture impossible : est un dossier ; passez les fichiers qu'il contient"))
        let outline = InputError.malformedOutline(source: SourceRef(file: "a.outline"), line: 3,
                                                  reason: "a topic ('|') before any channel")
        #expect(outline.message(in: .fr) == "a.outline:3 : plan : un sujet ('|') avant tout salon")
        let second = InputError.malformedOutline(source: SourceRef(file: "a.outline"), line: 9,
                                                 reason: "a second '# ' line: an outline names one server")
        #expect(second.message(in: .fr) == "a.outline:9 : plan : une seconde ligne '# ' : un plan ne nomme qu'un serveur")
    }
}
