#if !FUZZING
import Foundation

/// Without libFuzzer (a normal `swift build`), classify-fuzz replays files through the same checks - how a crash
/// found by `scripts/fuzz.sh` is reproduced and kept as a regression input in Fuzz/corpus/.
@main
struct Replay {
    static func main() throws {
        let paths = CommandLine.arguments.dropFirst()
        guard !paths.isEmpty else {
            print("usage: classify-fuzz FILE... (replays inputs through the fuzz checks; scripts/fuzz.sh fuzzes)")
            return
        }
        for path in paths {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: path))
                .map { $0.sorted().map { path + "/" + $0 } } ?? [path]
            for file in files {
                FuzzChecks.run(Array(try Data(contentsOf: URL(fileURLWithPath: file))))
            }
            print("\(path): \(files.count) input\(files.count == 1 ? "" : "s") passed the fuzz checks")
        }
    }
}
#endif
