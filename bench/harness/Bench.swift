import ArgumentParser

/// Benchmarks of classify, run with `swift run -c release classify-bench <benchmark>`; see README, "Benchmarks".
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify-bench",
        abstract: "Benchmarks of classify's building blocks and of whole runs.",
        subcommands: [GenerateCommand.self, CoreBenchmark.self, EndToEndBenchmark.self, ViewsBenchmark.self,
                      StagesBenchmark.self]
    )
}
