import ArgumentParser
import Foundation

/// `classify-bench generate`: writes a synthetic watch list.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a deterministic synthetic watch list (guild templates, JSON Lines, ~1% abusive).")

    @Option(help: "Number of servers.")
    var servers = 10_000

    @Option(help: "Stop once the file reaches this many megabytes instead (for memory tests), if set.")
    var megabytes: Int?

    @Option(help: "Seed; the same seed gives the same file.")
    var seed: UInt64 = 1

    @Option(name: .shortAndLong, help: "Output file.")
    var output: String

    @Flag(help: "Draw the mix measured on real layouts (bench/realistic-mix.json): decorated and accented names, topics per channel, channels per server.")
    var realistic = false

    @Option(help: "The measured mix to use with --realistic (default: bench/realistic-mix.json).")
    var mix: String?

    func run() throws {
        guard FileManager.default.createFile(atPath: output, contents: nil),
              let handle = FileHandle(forWritingAtPath: output) else {
            throw ValidationError("cannot write \(output)")
        }
        var generator = WatchListGenerator(seed: seed, mix: realistic ? try RealisticMix.load(mix) : nil)
        var stats = WatchListGenerator.Stats()
        var pending = Data()
        let limit = megabytes.map { $0 << 20 }
        var index = 0
        while limit.map({ stats.bytes < $0 }) ?? (index < servers) {
            let (line, names, topics) = generator.nextLine(index: index)
            pending.append(contentsOf: line.utf8)
            pending.append(0x0A)
            stats.servers += 1
            stats.names += names
            stats.topics += topics
            stats.bytes += line.utf8.count + 1
            index += 1
            if pending.count > 1 << 22 {
                handle.write(pending)
                pending.removeAll(keepingCapacity: true)
            }
        }
        handle.write(pending)
        try handle.close()
        print("\(output): \(stats.servers) servers, \(stats.names) names, \(stats.topics) topics, "
              + String(format: "%.1f MB", Double(stats.bytes) / 1e6))
    }
}
