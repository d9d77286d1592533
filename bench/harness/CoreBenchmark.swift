import ArgumentParser
import Classifier
import Dispatch
import Foundation

/// `classify-bench core`: the matching core alone - text views, signals, rules and scoring on servers already in
/// memory - on one core and on all of them.
struct CoreBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "core",
        abstract: "Names per second through the matching core, without reading or writing JSON.")

    @Option(help: "A watch list from `classify-bench generate`.")
    var input: String

    @Option(help: "Rules folder (default: the bundled Rules/).")
    var rules: String?

    @Option(help: "Repeat the list this many times per measurement.")
    var rounds = 3

    func run() throws {
        guard let directory = rules ?? RuleSet.bundledDirectory() else { throw ValidationError("no Rules/ folder found; pass --rules") }
        let classifier = try Classifier(rulesDirectory: directory)
        let servers = RecordStream(paths: [input]).compactMap { try? ServerReader.decode($0).get() }
        let names = servers.reduce(0) { $0 + 1 + $1.categories.count + $1.channels.count }
        let texts = servers.reduce(0) { total, server in total + FieldText.texts(of: server).count }
        let bytes = servers.reduce(0) { total, server in
            total + FieldText.texts(of: server).reduce(0) { $0 + $1.text.utf8.count }
        }
        print("matching core: \(servers.count) servers, \(names) names (\(texts) texts with topics), "
              + String(format: "%.1f MB of text", Double(bytes) / 1e6) + ", \(rounds) rounds")
        let cores = ProcessInfo.processInfo.activeProcessorCount
        var perCoreOne = 0.0
        for jobs in Set([1, cores]).sorted() {
            let seconds = measure(classifier, servers, jobs: jobs)
            let rate = Double(names * rounds) / seconds
            if jobs == 1 { perCoreOne = rate }
            var line = "  jobs \(jobs): " + String(format: "%10.0f names/s  %8.0f names/s per core  %6.1f MB/s",
                                                   rate, rate / Double(jobs), Double(bytes * rounds) / seconds / 1e6)
            if jobs > 1, perCoreOne > 0 { line += String(format: "  speed-up %.2f×", rate / perCoreOne) }
            print(line)
        }
        print("  peak RSS \(PeakMemory.selfMegabytes) MB")
    }

    private func measure(_ classifier: Classifier, _ servers: [Server], jobs: Int) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        let chunk = max(1, servers.count / (jobs * 16))
        let chunks = (servers.count + chunk - 1) / chunk
        for _ in 0..<rounds {
            let next = Counter()
            DispatchQueue.concurrentPerform(iterations: jobs) { _ in
                let scratch = MatchScratch()
                while true {
                    let index = next.take()
                    if index >= chunks { break }
                    for server in servers[(index * chunk)..<min(servers.count, (index + 1) * chunk)] {
                        _ = classifier.classify(server, scratch: scratch)
                    }
                }
            }
        }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}

/// A shared work counter for the benchmark's workers.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value - 1
    }
}

enum PeakMemory {
    /// Peak resident set of this process, in MB.
    static var selfMegabytes: Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }
}
