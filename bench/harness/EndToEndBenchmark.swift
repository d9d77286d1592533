import ArgumentParser
import Classifier
import Foundation

/// `classify-bench e2e`: the classify binary on a JSON Lines watch list, output to /dev/null, timed from outside with
/// its peak memory.
struct EndToEndBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "e2e",
        abstract: "Names per second, MB/s and peak RSS of `classify --format jsonl` on a watch list.")

    @Option(help: "A watch list from `classify-bench generate`.")
    var input: String

    @Option(help: "The classify binary (default: the one built next to this benchmark).")
    var classify: String?

    @Option(parsing: .upToNextOption, help: "Job counts to measure (default: 1 and every core).")
    var jobs: [Int] = []

    @Option(help: "Extra arguments for classify, e.g. --no-prefilter.")
    var extra: [String] = []

    func run() throws {
        let binary = classify ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("classify").path
        var names = 0
        var servers = 0
        for record in RecordStream(paths: [input]) {
            guard let server = try? ServerReader.decode(record).get() else { continue }
            servers += 1
            names += 1 + server.categories.count + server.channels.count
        }
        let bytes = (try FileManager.default.attributesOfItem(atPath: input)[.size] as? Int) ?? 0
        print("end to end: \(input): \(servers) servers, \(names) names, " + String(format: "%.1f MB", Double(bytes) / 1e6))
        let cores = ProcessInfo.processInfo.activeProcessorCount
        var oneRate = 0.0
        for count in jobs.isEmpty ? Set([1, cores]).sorted() : jobs {
            let (seconds, peak, status) = try Self.spawn(binary, ["--format", "jsonl", "--jobs", "\(count)", "--no-progress",
                                                                  "--no-summary"] + extra + [input])
            guard status == 0 else { throw ValidationError("classify exited with status \(status)") }
            let rate = Double(names) / seconds
            if count == 1 { oneRate = rate }
            var line = "  jobs \(count): " + String(format: "%8.2f s  %10.0f names/s  %8.0f names/s per core  %6.1f MB/s  peak RSS %d MB",
                                                    seconds, rate, rate / Double(count), Double(bytes) / seconds / 1e6, peak)
            if count > 1, oneRate > 0 { line += String(format: "  speed-up %.2f×", rate / oneRate) }
            print(line)
        }
    }

    /// Runs a command with standard output to /dev/null; returns wall seconds, its peak RSS in MB and exit status.
    static func spawn(_ binary: String, _ arguments: [String]) throws -> (Double, Int, Int32) {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, binary, &actions, nil, argv, environ) == 0 else {
            throw ValidationError("cannot run \(binary)")
        }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return (seconds, usage.ru_maxrss / 1024, (status >> 8) & 0xFF)
    }
}
