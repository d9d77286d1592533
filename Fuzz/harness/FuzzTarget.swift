import Classifier
import Foundation

/// The libFuzzer entry point (`scripts/fuzz.sh`): every input goes through the readers, the text views and the
/// engine, and the checks below turn any broken invariant into a crash libFuzzer reports.
///
/// - The readers never crash, whatever the bytes: a server or an error naming the input, the same records in
///   chunks of one megabyte or of a few bytes, and the same server or error with the fast reader as with the full
///   parser alone.
/// - The rule-pack loader never crashes: a rule set or a coded error naming the pack.
/// - Every view of every text maps each of its bytes back inside the original text.
/// - The literal prefilter never changes a result (the engine with and without it agree).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    FuzzChecks.run(bytes)
    return 0
}

enum FuzzChecks {
    static let filtered: Classifier = load(prefilter: true)
    static let unfiltered: Classifier = load(prefilter: false)
    /// Every output format, plain and redacted, in both languages.
    static let renderers: [ReportRenderer] = {
        let rules = filtered.rules
        let referrals = (try? Referrals.load(for: rules))
            ?? Referrals(entries: [])
        var renderers: [ReportRenderer] = []
        for format in ReportFormat.allCases {
            for language in ReportLanguage.allCases {
                for redactor in [nil, Redactor(key: "fuzz")] {
                    renderers.append(ReportRenderer(
                        format: format, policy: rules.policy,
                        options: ReportOptions(language: language, colour: true, redactor: redactor, referrals: referrals)))
                }
            }
        }
        return renderers
    }()
    /// libFuzzer calls in one thread.
    nonisolated(unsafe) static let scratch = MatchScratch()
    /// Where each input is written as files for the readers and the pack loader, made once per process.
    static let workDirectory: String = {
        let path = NSTemporaryDirectory() + "classify-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path + "/rules", withIntermediateDirectories: true)
        return path
    }()
    static let rulesDirectory: String = {
        let path = workDirectory + "/rules"
        // The policy and the data files it names (the segmented view's word list), but no pack: the fuzzed pack
        // is the only one.
        let bundled = filtered.rules.directory
        let files = (try? FileManager.default.contentsOfDirectory(atPath: bundled)) ?? []
        for name in files where name == "policy.yaml" || name.hasSuffix(".txt") {
            try? FileManager.default.removeItem(atPath: path + "/" + name)
            try? FileManager.default.copyItem(atPath: bundled + "/" + name, toPath: path + "/" + name)
        }
        return path
    }()

    static func load(prefilter: Bool) -> Classifier {
        guard let directory = RuleSet.bundledDirectory(), let rules = try? RuleSet.load(directory: directory) else {
            fatalError("classify-fuzz: cannot load the bundled Rules/; set CLASSIFY_RULES")
        }
        return Classifier(rules: rules, prefilter: prefilter)
    }

    static func run(_ bytes: [UInt8]) {
        // 1. Readers, as the CLI runs them: RecordStream over a file named .json (detected) and .jsonl (lines),
        //    in 1 MiB chunks and in chunks of a few bytes, with a small record limit so that over-long lines and
        //    endless input are reached. The records must not depend on the chunk size, and every error names its
        //    file.
        var servers: [Server] = []
        let tiny = 1 + Int(bytes.first ?? 0) % 13
        for name in ["fuzz.json", "fuzz.jsonl"] {
            let path = workDirectory + "/" + name
            precondition(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "cannot write \(path)")
            var outcomes: [[String]] = []
            for chunkSize in [1 << 20, tiny] {
                let stream = RecordStream(paths: [path], maxRecordBytes: 4096)
                stream.chunkSize = chunkSize
                var seen: [String] = []
                while let record = stream.next() {
                    // The fast reader (JSONTape) and the full parser: the same server, or the same error.
                    let decoded = ServerReader.decode(record)
                    let full = ServerReader.decode(record, hashInput: false, useFastReader: false)
                    switch (decoded, full) {
                    case let (.success(a), .success(b)): precondition(a == b, "the fast reader read \(a)\nthe full parser \(b)")
                    case let (.failure(a), .failure(b)): precondition(a == b, "errors differ: \(a)\n\(b)")
                    default: preconditionFailure("the fast reader and the full parser disagree: \(decoded)\n\(full)")
                    }
                    switch decoded {
                    case let .success(server):
                        seen.append("server \(server.name)|\(server.description ?? "")|\(server.categories.map(\.name))|"
                                    + "\(server.channels.map { "\($0.name)/\($0.topic ?? "")/\($0.categoryIndex ?? -1)" })")
                        if chunkSize == tiny { servers.append(server) }
                    case let .failure(error):
                        precondition(error.description.contains(name), "error without its input: \(error)")
                        seen.append("error \(error.description)")
                    }
                    precondition(seen.count <= bytes.count + 2, "more records than bytes")
                }
                outcomes.append(seen)
            }
            precondition(outcomes[0] == outcomes[1], "chunks of \(tiny) bytes read \(name) differently:\n\(outcomes[0])\n\(outcomes[1])")
        }
        let half = bytes.count / 2
        let chat = RawRecord(content: .chatExporter(guild: Array(bytes[..<half]), channels: [Array(bytes[half...])], exportedAt: nil),
                             source: SourceRef(file: "fuzz-dce.json"), fallbackName: "fuzz")
        if case let .success(server) = ServerReader.decode(chat) { servers.append(server) }

        // 1b. The rule-pack loader: the input as a pack beside the bundled policy never crashes, and refuses with a
        //     coded, located error.
        let pack = rulesDirectory + "/fuzz.yaml"
        precondition(FileManager.default.createFile(atPath: pack, contents: Data(bytes)), "cannot write \(pack)")
        do {
            _ = try RuleSet.load(directory: rulesDirectory)
        } catch {
            precondition(error.description.hasPrefix(pack) && error.description.contains("error[E"),
                         "pack error without its file or code: \(error)")
        }

        // 2. Text views of the raw bytes as a name (the segmented view too, with the bundled vocabulary).
        let text = String(decoding: bytes, as: UTF8.self)
        let original = Array(text.utf8)
        for view in TextViews(text, leet: true, segmenter: filtered.rules.segmenter).views {
            for index in 0..<view.bytes.count {
                let range = view.originalRange(index..<(index + 1))
                precondition(range.lowerBound >= 0 && range.upperBound <= original.count && !range.isEmpty,
                             "\(view.kind) byte \(index) maps outside the original")
            }
            precondition(String(validating: view.bytes, as: UTF8.self) != nil, "\(view.kind) view is not UTF-8")
        }
        servers.append(Server(name: text, channels: [Channel(name: text, topic: text)]))

        // 3. Literal extraction is sound: when the first line, as a pattern, matches the rest, the prefilter must
        //    have picked it.
        if let newline = bytes.firstIndex(of: 0x0A) {
            let source = String(decoding: bytes[..<newline], as: UTF8.self)
            let subject = Array(bytes[(newline + 1)...])
            if let pattern = try? CompiledPattern(source), let literals = LiteralExtractor.requiredLiterals(of: source) {
                let matched = subject.withUnsafeBufferPointer { (try? pattern.firstMatch(in: $0, using: scratch)) ?? nil }
                if matched != nil {
                    var candidates = CandidateSet()
                    subject.withUnsafeBufferPointer { LiteralScanner(literals: [literals]).scan($0, into: &candidates) }
                    precondition(candidates.contains(0), "/\(source)/ matches but none of \(literals) was found")
                }
            }
        }

        // 4. The prefilter is invisible, and every report renders whatever the names hold.
        for server in servers.prefix(4) {
            let result = filtered.classify(server)
            let a = JSONReport.object(for: result).serialized()
            let b = JSONReport.object(for: unfiltered.classify(server)).serialized()
            precondition(a == b, "the prefilter changed a result:\n\(a)\n\(b)")
            for renderer in renderers {
                let output = StringOutput()
                let writer = renderer.makeWriter(output: output)
                writer.write(renderer.render(.classified(result)))
                writer.finish(inputFiles: [(server.source.file, String(repeating: "0", count: 64))])
                precondition(!output.text.isEmpty, "\(renderer.format) wrote nothing for a classified server")
            }
        }
    }
}

#if FUZZING
// SwiftPM links an executable with `main` aliased to `classify_fuzz_main`; hand control to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

@_cdecl("classify_fuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
#endif
