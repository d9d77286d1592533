import ArgumentParser
import Classifier
import Dispatch
import Foundation

/// `classify-bench stages`: what each stage of `classify --format jsonl` costs per name, on one core - splitting
/// the input into records, decoding them (the fast reader, and the full parser alone for comparison), building the
/// text views, matching (the engine and scoring, views included, minus the views), rendering JSON Lines (the byte
/// buffer, and the JSON tree for comparison).
struct StagesBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stages",
        abstract: "Nanoseconds per name of reading, views, matching and rendering, on one core.")

    @Option(help: "A watch list from `classify-bench generate`.")
    var input: String

    @Option(help: "Rules folder (default: the bundled Rules/).")
    var rules: String?

    func run() throws {
        guard let directory = rules ?? RuleSet.bundledDirectory() else { throw ValidationError("no Rules/ folder found; pass --rules") }
        let classifier = try Classifier(rulesDirectory: directory)
        func time<T>(_ body: () -> T) -> (T, Double) {
            let start = DispatchTime.now().uptimeNanoseconds
            let value = body()
            return (value, Double(DispatchTime.now().uptimeNanoseconds - start))
        }
        let (records, split) = time { Array(RecordStream(paths: [input])) }
        let (servers, fast) = time { records.compactMap { try? ServerReader.decode($0).get() } }
        let (_, full) = time { records.compactMap { try? ServerReader.decode($0, hashInput: false, useFastReader: false).get() } }
        let names = Double(servers.reduce(0) { $0 + 1 + $1.categories.count + $1.channels.count })
        let rules = classifier.rules
        let (_, views) = time {
            var count = 0
            for server in servers {
                for text in FieldText.texts(of: server) {
                    count += TextViews(text.text, leet: rules.readsLeet, segmenter: rules.segmenter).views.count
                }
            }
            return count
        }
        let scratch = MatchScratch()
        let (results, engine) = time { servers.map { classifier.classify($0, scratch: scratch) } }
        let (_, bytes) = time { results.reduce(0) { $0 + JSONReport.line(for: $1).utf8.count } }
        let (_, tree) = time { results.reduce(0) { $0 + JSONReport.object(for: $1).serialized().utf8.count } }
        print("stages: \(input): \(servers.count) servers, \(Int(names)) names; ns per name, one core")
        func row(_ label: String, _ nanoseconds: Double, _ note: String = "") {
            print("  " + label.padding(toLength: 34, withPad: " ", startingAt: 0)
                  + String(format: "%8.0f ns/name", nanoseconds / names) + (note.isEmpty ? "" : "  " + note))
        }
        row("split into records", split)
        row("decode: fast reader", fast)
        row("decode: full parser (before)", full, String(format: "%.1f× the fast reader", full / fast))
        row("text views", views)
        row("matching and scoring (minus views)", max(0, engine - views), String(format: "engine with views %.0f ns/name", engine / names))
        row("render JSON Lines: byte buffer", bytes)
        row("render JSON Lines: tree (before)", tree, String(format: "%.1f× the byte buffer", tree / bytes))
        let total = split + fast + engine + bytes
        print(String(format: "  total (split + fast + engine + bytes) %.0f ns/name = %.0f names/s on one core", total / names,
                     names / total * 1e9))
    }
}
