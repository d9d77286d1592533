import Crypto
import Foundation
import Testing
import Classifier
import ClassifierTesting

/// End-to-end tests of the built `classify` binary: what a user types, what they see, and the exit code.
@Suite struct CLITests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var binary: String {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        return products.appendingPathComponent("classify").path
    }

    /// - Parameters:
    ///   - environment: variables set (or, with "", emptied) for this run on top of the test's own.
    ///   - directory: where it runs: a folder of the checkout, or an absolute path (default: the checkout).
    func classify(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                  directory: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        process.currentDirectoryURL = directory.map {
            $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : Support.checkout.appendingPathComponent($0)
        } ?? Support.checkout
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Standard error is read on its own thread: a child that fills one pipe while we wait on the other would
        // never finish.
        let errorReader = PipeReader(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errorReader.result()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    private func objects(_ jsonl: String) throws -> [[String: Any]] {
        try jsonl.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func helpShowsTheScanOptionsInTheUsersLanguage() throws {
        let english = try classify(["--help"], environment: ["LANG": "C", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(english.status == 0)
        #expect(english.stdout.contains("--min-verdict") && english.stdout.contains("Examples:"), "the default command's options")
        #expect(english.stdout.contains("Output format: text, json, jsonl"))
        let french = try classify(["--lang", "fr", "--help"], environment: ["LANG": "C"])
        #expect(french.stdout.contains("Classer des exports de serveurs") && french.stdout.contains("Format de sortie : text"))
        #expect(french.stdout.contains("Codes de sortie : 0 terminé"))
        let locale = try classify(["scan", "--help"], environment: ["LANG": "fr_FR.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(locale.stdout.contains("N'afficher que les serveurs à ce verdict"))
        let version = try classify(["--version"])
        #expect(version.stdout.hasPrefix("classify ") && version.stdout.contains("rule packs 20"))
        // The moderator's other commands speak French too; argument-parser's own headings (USAGE, OPTIONS) stay.
        let frenchLocale = ["LANG": "fr_FR.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]
        for (command, phrase) in [(["journal", "--help"], "Lire le journal de veille"),
                                  (["journal", "diff", "--help"], "Comparer au dernier scan avant cette date"),
                                  (["fetch", "--help"], "Seuls les noms, descriptions et sujets sont récupérés"),
                                  (["fetch", "guild", "--help"], "Un fichier qui contient le jeton du bot"),
                                  (["report", "--help"], "Un serveur en page imprimable"),
                                  (["key", "show-path", "--help"], "Afficher où est le fichier de clé")] {
            let run = try classify(command, environment: frenchLocale)
            #expect(run.status == 0 && run.stdout.contains(phrase), "\(command): \(run.stdout.prefix(300))")
        }
        #expect(try classify(["journal", "--help"], environment: ["LANG": "C", "LC_ALL": "", "LC_MESSAGES": ""])
            .stdout.contains("Read the watch journal"))
    }

    @Test func jsonlGivesOneObjectPerServerWithTheStableKeys() throws {
        let run = try classify(["--format", "jsonl", "Fixtures/leaks-influ-hub.json", "Fixtures/benign-family.json"])
        #expect(run.status == 0)
        let lines = try objects(run.stdout)
        #expect(lines.count == 2)
        #expect(lines[0]["verdict"] as? String == "report-platform")
        #expect(lines[1]["verdict"] as? String == "clear")
        let server = try #require(lines[0]["server"] as? [String: Any])
        #expect(server["name"] as? String == "Coin des Scred")
        #expect((server["source"] as? [String: Any])?["file"] as? String == "Fixtures/leaks-influ-hub.json")
        let categories = try #require(lines[0]["categories"] as? [[String: Any]])
        #expect(categories.contains { $0["id"] as? String == "leaks" && ($0["score"] as? Int ?? 0) >= 60 })
        let evidence = try #require(lines[0]["evidence"] as? [[String: Any]])
        #expect(evidence.contains { $0["rule"] as? String == "leaks.request-channel" && $0["match"] as? String == "demande-leak" })
    }

    @Test func failOnSetsExitCodeOne() throws {
        #expect(try classify(["--fail-on", "report-platform", "Fixtures/leaks-influ-hub.json"]).status == 1)
        #expect(try classify(["--fail-on", "report-authorities", "Fixtures/leaks-influ-hub.json"]).status == 0)
    }

    @Test func textOutputStartsWithTheVerdict() throws {
        let run = try classify(["Fixtures/minors-teen.json"])
        #expect(run.stdout.hasPrefix("REPORT-AUTHORITIES  Teen spot"))
        #expect(run.stdout.contains("minors.minor-sexual"))
        #expect(!run.stdout.contains("\u{1B}["), "no colours when not writing to a terminal")
    }

    @Test func readsStandardInput() throws {
        let run = try classify(["--format", "jsonl"], stdin: #"{"name": "stdin server", "channels": ["cumtribs"]}"#)
        #expect(try objects(run.stdout).first?["verdict"] as? String == "report-platform")
    }

    @Test func badInputExitsTwoAndKeepsTheOtherRecords() throws {
        let folder = Support.temporaryDirectory()
        Support.write("{\"name\": \"ok\", \"channels\": [\"a\"]}\n{broken\n", to: folder + "/list.jsonl")
        let run = try classify(["--format", "jsonl", folder + "/list.jsonl", folder + "/missing.json"])
        #expect(run.status == 2)
        let lines = try objects(run.stdout)
        #expect(lines.count == 3)
        #expect(lines[0]["verdict"] as? String == "clear")
        #expect(lines[1]["verdict"] is NSNull)
        #expect(run.stderr.contains("list.jsonl: record 2"))
        #expect(run.stderr.contains("missing.json: cannot read: no such file"))
    }

    @Test func usageAndRulePackErrorsExitTwo() throws {
        let usage = try classify(["--format", "yaml", "Fixtures/benign-family.json"])
        #expect(usage.status == 2 && usage.stderr.contains("yaml"))
        let folder = Support.rulesFolder(["bad.yaml": "rules:\n  - id: x\n"])
        let rules = try classify(["--rules", folder, "Fixtures/benign-family.json"])
        #expect(rules.status == 2)
        #expect(rules.stderr.contains("bad.yaml") && rules.stderr.contains("missing 'category'"))
    }

    @Test func rulesSubcommands() throws {
        let lint = try classify(["rules", "lint"])
        #expect(lint.status == 0 && lint.stdout.contains("0 problems"))
        let test = try classify(["rules", "test"])
        #expect(test.status == 0 && test.stdout.hasSuffix(" passed, 0 failed\n"))
        let list = try classify(["rules", "list"])
        #expect(list.stdout.contains("minors.coded-terms"))
        let version = try classify(["--version"])
        #expect(version.status == 0 && version.stdout.hasPrefix("classify \(Classifier.version), rule packs 2026."))
    }

    @Test func directoryWithAnyNumberOfJobsGivesTheSameLinesInOrder() throws {
        let one = try classify(["--format", "jsonl", "--jobs", "1", "Fixtures"])
        let three = try classify(["--format", "jsonl", "--jobs", "3", "Fixtures"])
        #expect(one.status == 0 && one.stdout == three.stdout)
        let unfiltered = try classify(["--format", "jsonl", "--no-prefilter", "Fixtures"])
        #expect(unfiltered.stdout == one.stdout, "--no-prefilter gives the same results")
        let fixtures = try FileManager.default.contentsOfDirectory(atPath: Support.fixturesDirectory)
            .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".expected.json") || $0.hasSuffix(".outline") }
        #expect(one.stdout.split(separator: "\n").count == fixtures.count)
        let firstLine = one.stdout.prefix { $0 != "\n" }
        #expect(firstLine.contains(#""file":"Fixtures/benign-adult-club.json""#), "files come in path order")
    }

    @Test func summaryCountsVerdictsCategoriesAndErrors() throws {
        let run = try classify(["--format", "jsonl", "--summary", "-"],
                               stdin: "{\"name\": \"a\", \"channels\": [\"cumtribs\"]}\n{broken\n{\"name\": \"b\", \"channels\": []}\n")
        #expect(run.status == 2)
        #expect(run.stdout.split(separator: "\n").count == 3)
        #expect(run.stderr.contains("2 servers: 1 clear, 0 watch, 1 report-platform, 0 report-authorities; 1 unreadable record"))
        #expect(run.stderr.contains("flagged by category: tributes 1"))
        let quiet = try classify(["--format", "jsonl", "Fixtures/benign-class.json"])
        #expect(quiet.stderr.isEmpty, "no summary when standard error is not a terminal")
    }

    @Test func progressLineGoesToStandardErrorWhenAskedFor() throws {
        let run = try classify(["--format", "jsonl", "--progress", "Fixtures"])
        #expect(run.status == 0)
        #expect(run.stderr.contains(" records · ") && run.stderr.contains("left"))
        #expect(!run.stdout.contains("records ·"), "progress never mixes with results")
    }

    /// Runs classify under a pseudo-terminal (util-linux `script`), as a moderator at a terminal would.
    private func classifyAtTerminal(_ arguments: [String], environment: String = "") throws -> Run {
        let command = "cd '\(Support.checkout.path)' && \(environment) '\(Self.binary)' "
            + arguments.map { "'\($0)'" }.joined(separator: " ") + " </dev/tty"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self), stderr: "")
    }

    @Test func colourFollowsTheTerminalNoColorAndTheOption() throws {
        let file = "Fixtures/leaks-influ-hub.json"
        #expect(try classifyAtTerminal([file]).stdout.contains("\u{1B}["), "a terminal gets colour")
        #expect(!(try classifyAtTerminal([file], environment: "NO_COLOR=1")).stdout.contains("\u{1B}[1"), "NO_COLOR")
        #expect(!(try classifyAtTerminal([file], environment: "TERM=dumb")).stdout.contains("\u{1B}[1"), "TERM=dumb")
        #expect(!(try classifyAtTerminal(["--color", "never", file])).stdout.contains("\u{1B}[1"))
        #expect(try classify(["--color", "always", file]).stdout.contains("\u{1B}[1"), "always, even into a pipe")
        #expect(try classify(["--colour", file]).stdout.contains("\u{1B}[1"), "--colour stays an alias")
        #expect(!(try classify([file])).stdout.contains("\u{1B}["), "a pipe gets none")
    }

    @Test func noInputAtATerminalSaysWhatToDoInsteadOfWaiting() throws {
        let run = try classifyAtTerminal([])
        #expect(run.status == 2 && run.stdout.contains("classify: no input: pass server exports"))
    }

    @Test func minVerdictQuietAndTheExitCodes() throws {
        let folder = Support.temporaryDirectory()
        let list = folder + "/watch.jsonl"
        Support.write(#"{"name": "calm", "channels": ["général"]}"# + "\n" + #"{"name": "bad", "channels": ["leaks-nudes"]}"#
                      + "\n" + "{broken\n", to: list)
        let filtered = try classify(["--min-verdict", "watch", "--summary", "--format", "jsonl", list])
        #expect(filtered.stdout.split(separator: "\n").count == 2, "the flagged server and the error record")
        #expect(!filtered.stdout.contains(#""name":"calm""#) && filtered.stdout.contains(#""name":"bad""#))
        #expect(filtered.stderr.contains("1 below --min-verdict not shown"))
        #expect(filtered.status == 2)
        // A flagged server and a bad record in one run: 3, so a gate tells them apart.
        #expect(try classify(["--fail-on", "report-platform", list]).status == 3)
        let quiet = try classify(["-q", "--fail-on", "report-platform", list])
        #expect(quiet.status == 3 && quiet.stdout.isEmpty && quiet.stderr.isEmpty)
        let clean = folder + "/clean.jsonl"
        Support.write(#"{"name": "bad", "channels": ["leaks-nudes"]}"# + "\n", to: clean)
        #expect(try classify(["-q", "--fail-on", "report-platform", clean]).status == 1)
    }

    @Test func anInputErrorIsPrintedOnceAndAnEmptyExportIsMarked() throws {
        let folder = Support.temporaryDirectory()
        Support.write("{broken", to: folder + "/broken.json")
        let text = try classify([folder + "/broken.json"])
        #expect(text.stdout.isEmpty && text.stderr.components(separatedBy: "malformed JSON").count == 2)
        let jsonl = try classify(["--format", "jsonl", folder + "/broken.json"])
        #expect(jsonl.stdout.contains(#""verdict":null"#) && jsonl.stderr.contains("malformed JSON"))
        let empty = try classify(["--format", "jsonl", "--summary"], stdin: "[]")
        #expect(empty.stdout.contains(#""warnings":["no channels: the export may lack permissions"#))
        #expect(empty.stderr.contains("1 with warnings (no channels)"))
        #expect(try classify([], stdin: "[]").stdout.contains("warning: no channels"))
    }

    @Test func theProgressLineIsClearedBeforeAnythingElse() throws {
        let run = try classify(["--progress", "--summary", "Fixtures"])
        #expect(run.stderr.contains(" records · "))
        // The drawn line is wiped (\r + erase line) before the summary, so none is left behind: after the last
        // wipe comes the summary, and no progress.
        let wipe = try #require(run.stderr.range(of: "\r\u{1B}[K", options: .backwards))
        let after = run.stderr[wipe.upperBound...]
        #expect(after.contains(" servers: ") && !after.contains("records ·"))
        let french = try classify(["--progress", "--lang", "fr", "Fixtures"])
        #expect(french.stderr.contains(" enregistrements · ") && !french.stderr.contains(" records · "))
    }

    @Test func shellCompletionsKnowTheScanOptions() throws {
        for shell in ["bash", "zsh", "fish"] {
            let run = try classify(["--generate-completion-script", shell])
            #expect(run.status == 0 && run.stdout.contains("min-verdict") && run.stdout.contains("csv-excel"), "\(shell)")
        }
    }

    @Test func sortByScorePutsTheMostUrgentFirst() throws {
        let list = Support.temporaryDirectory() + "/watch.jsonl"
        Support.write("{broken\n" + #"{"name": "calm", "channels": ["général"]}"# + "\n"
                      + #"{"name": "leaky", "channels": ["leaks"]}"# + "\n"
                      + #"{"name": "worst", "channels": ["teen-nudes"]}"# + "\n", to: list)
        func names(_ run: CLITests.Run) -> [String] {
            run.stdout.split(separator: "\n").map { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                    .flatMap { ($0["server"] as? [String: Any])?["name"] as? String } ?? "error"
            }
        }
        #expect(names(try classify(["--format", "jsonl", list])) == ["error", "calm", "leaky", "worst"], "input order by default")
        #expect(names(try classify(["--format", "jsonl", "--sort", "score", list])) == ["worst", "leaky", "calm", "error"])
    }

    @Test func selectPicksOneServerOutOfAWatchList() throws {
        let list = Support.temporaryDirectory() + "/watch.jsonl"
        Support.write(#"{"id": "111", "name": "calm", "channels": ["général"]}"# + "\n"
                      + #"{"id": "222", "name": "bad", "channels": ["leaks-nudes"]}"# + "\n", to: list)
        for wanted in ["2", "222", "bad"] {
            let run = try classify(["--select", wanted, "--format", "jsonl", list])
            #expect(run.stdout.split(separator: "\n").count == 1 && run.stdout.contains(#""id":"222""#), "\(wanted)")
        }
        #expect(try classify(["--select", "nope", "--format", "jsonl", list]).stdout.isEmpty)
    }

    @Test func frenchSummaryVerdictWordsAndTheSpreadsheetDialect() throws {
        let run = try classify(["--lang", "fr", "--summary", "Fixtures/minors-teen.json", "Fixtures/benign-class.json"])
        #expect(run.stdout.contains("REPORT-AUTHORITIES (à signaler aux autorités)"), "the identifier stays, the words are French")
        #expect(run.stdout.contains("CLEAR (rien à signaler)"))
        #expect(run.stderr.contains("2 serveurs : 1 clear, 0 watch, 0 report-platform, 1 report-authorities ; aucune erreur"))
        let folder = Support.temporaryDirectory()
        Support.write("{broken", to: folder + "/broken.json")
        let frenchError = try classify(["--lang", "fr", folder + "/broken.json"])
        #expect(frenchError.stderr.contains("broken.json:1:2 : JSON invalide : "), "the frame of an input error is French")
        #expect(frenchError.stderr.contains("JSON invalide : nom de membre entre guillemets attendu"), "and so is the reader's reason")
        let noRules = try classify(["--lang", "fr", "--rules", folder + "/nope", folder + "/broken.json"])
        #expect(noRules.status == 2 && noRules.stderr.contains("error[E001]: dossier de règles introuvable"), "\(noRules.stderr)")
        let jsonError = try classify(["--lang", "fr", "--format", "jsonl", folder + "/broken.json"])
        #expect(jsonError.stdout.contains("malformed JSON"), "tools keep the English message")
        let english = try classify(["--lang", "en", "Fixtures/benign-class.json"])
        #expect(english.stdout.hasPrefix("CLEAR  "))
        let excel = try classify(["--format", "csv", "--csv-excel", "Fixtures/benign-class.json"])
        #expect(excel.stdout.hasPrefix("\u{FEFF}file;record;server_id;server_name;verdict;score_leaks"))
        #expect(excel.stdout.contains("\r\n") && !excel.stdout.contains(",score_"))
    }

    @Test func redactMakesItsKeyOnceAndHidesNames() throws {
        let config = Support.temporaryDirectory() + "/config"
        let environment = ["XDG_CONFIG_HOME": config, "CLASSIFY_REDACT_KEY": ""]
        let first = try classify(["--redact", "--format", "jsonl", "Fixtures/leaks-influ-hub.json"], environment: environment)
        #expect(first.status == 0 && first.stderr.contains("created a redaction key in \(config)/classify/key"))
        let mode = try FileManager.default.attributesOfItem(atPath: config + "/classify/key")[.posixPermissions] as? Int
        #expect(mode == 0o600, "the key file is the owner's alone")
        let second = try classify(["--redact", "--format", "jsonl", "Fixtures/leaks-influ-hub.json"], environment: environment)
        #expect(!second.stderr.contains("created") && second.stdout == first.stdout, "the same key file, the same hashes")
        let path = try classify(["key", "show-path"], environment: environment)
        #expect(path.stdout == config + "/classify/key\n")
        let run = try classify(["--redact", "--redact-key", "k", "--format", "jsonl", "Fixtures/leaks-influ-hub.json"])
        #expect(run.status == 0 && !run.stdout.contains("Coin des Scred") && !run.stdout.contains("leaks-influ-hub"))
        #expect(run.stdout.contains(#""redacted":true"#) && run.stdout.contains("report-platform"))
        let again = try classify(["--redact", "--redact-key", "k", "--format", "jsonl", "Fixtures/leaks-influ-hub.json"])
        #expect(again.stdout == run.stdout, "the same key gives the same report")
    }

    @Test func markdownCitesTheInputHashAndCSVHasAHeader() throws {
        let markdown = try classify(["--format", "markdown", "--lang", "en", "Fixtures/minors-teen.json", "Fixtures/benign-class.json"])
        #expect(markdown.status == 0)
        let bytes = try Data(contentsOf: Support.checkout.appendingPathComponent("Fixtures/minors-teen.json"))
        let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        #expect(markdown.stdout.contains(digest), "the SHA-256 is the file's, as sha256sum prints it")
        #expect(markdown.stdout.contains("\n---\n") && markdown.stdout.contains("pointdecontact.net"))
        #expect(markdown.stdout.contains("| `Fixtures/minors-teen.json` | `\(digest)` |"), "closing table of input files")
        let csv = try classify(["--format", "csv", "Fixtures/minors-teen.json", "Fixtures/benign-class.json"])
        let rows = csv.stdout.split(separator: "\r\n")
        #expect(rows.count == 3 && rows[0].hasPrefix("file,record,server_id"))
    }

    @Test func evasionRecallIsPrintedPerTransform() throws {
        let run = try classify(["rules", "test", "--evasion"])
        #expect(run.status == 0)
        for transform in EvasionTransform.allCases {
            #expect(run.stdout.contains("\n" + transform.rawValue + " "), "\(transform.rawValue) missing")
        }
        #expect(run.stdout.contains("math-script    100.0% ("))
        #expect(!run.stdout.contains("EVADED"))
    }

    @Test func fixturesPassAndAFailureIsShown() throws {
        let run = try classify(["test", "Fixtures"])
        #expect(run.status == 0)
        #expect(run.stdout.hasSuffix(" passed, 0 failed\n"))
        let folder = Support.temporaryDirectory()
        Support.write(#"{"name": "x", "channels": ["cumtribs"]}"#, to: folder + "/wrong.json")
        Support.write(#"{"verdict": "clear", "categories": []}"#, to: folder + "/wrong.expected.json")
        let failing = try classify(["test", folder])
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("expected clear []\n  got      report-platform [tributes]"))
        #expect(failing.stdout.hasSuffix("0 passed, 1 failed\n"))
    }

    @Test func fixtureFiguresAndObfuscatedCopies() throws {
        let folder = Support.temporaryDirectory()
        Support.write(#"{"name": "x", "channels": ["teen-nudes"]}"#, to: folder + "/minors.json")
        Support.write(#"{"verdict": "report-authorities", "categories": ["minors"]}"#, to: folder + "/minors.expected.json")
        Support.write(#"{"name": "club", "channels": ["planning"]}"#, to: folder + "/club.json")
        Support.write(#"{"verdict": "report-authorities", "categories": ["minors"]}"#, to: folder + "/club.expected.json")
        let run = try classify(["test", "--quiet", "--obfuscate", "circled", folder])
        #expect(run.status == 1)
        #expect(!run.stdout.contains("FAIL"))
        #expect(run.stdout.contains("verdicts right: 1/2 (50.0%)"))
        #expect(run.stdout.contains("report-authorities: recall 1/2 (50.0%), false alarms 0"))
        #expect(run.stdout.contains("\ncircled               1/2 (50.0%)        1/2 (50.0%)"))
        let unknown = try classify(["test", "--obfuscate", "rot13", folder])
        #expect(unknown.status == 2 && unknown.stderr.contains("unknown transform 'rot13'"))
    }

    @Test func protectFileIsReadOrNamedInTheError() throws {
        let missing = try classify(["--protect", "/nonexistent/names.txt", "Examples/leak-server.json"])
        #expect(missing.status == 2 && missing.stderr.contains("/nonexistent/names.txt: cannot read"))
        let folder = Support.temporaryDirectory()
        Support.write("@nova.stream\n", to: folder + "/names.txt")
        Support.write(#"{"name": "x", "categories": [{"name": "NOVA STREAM", "channels": ["packs", "nova-stream-leaks"]}]}"#,
                      to: folder + "/s.json")
        let run = try classify(["--protect", folder + "/names.txt", "--format", "jsonl", folder + "/s.json"])
        #expect(run.status == 0 && run.stdout.contains("leaks.protected-person"))
        #expect(!run.stdout.lowercased().contains("nova"))
    }
}

/// Reads a pipe to its end on a thread of its own.
final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func result() -> Data {
        done.wait()
        return data
    }
}
