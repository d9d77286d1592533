import ArgumentParser
import Classifier
import ClassifierTesting
import Foundation

/// `classify-bench views`: what building the text views costs per name, by kind of name.
struct ViewsBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "views",
        abstract: "Measure the cost of building the text views (raw, folded, skeleton, leet, segmented) per name.")

    @Option(help: "Names per kind of name.")
    var names = 200_000

    func run() throws {
        // The segmented view needs the bundled packs' vocabulary.
        guard let directory = RuleSet.bundledDirectory() else { throw ValidationError("cannot find the bundled Rules/") }
        let segmenter = try RuleSet.load(directory: directory).segmenter
        let vocabulary = ["general", "annonces", "regles", "memes", "clips", "planning", "musique", "fan-art",
                          "leaks", "packs", "demande-aide", "photos", "valorant", "minecraft", "off-topic", "devoirs"]
        let accented = ["général", "règles", "vie-scolaire", "soirée-jeux", "créations", "débats", "écoute"]
        let kinds: [(String, [String])] = [
            ("plain ASCII", vocabulary),
            ("accented", accented),
            ("decorated", vocabulary.map { "🎮┃" + $0 + "・✨" }),
            ("glued and CamelCase", vocabulary.map { $0.replacingOccurrences(of: "-", with: "") + "pics" }
                + vocabulary.map { $0.prefix(1).uppercased() + $0.dropFirst() + "Leaks" }),
            ("evasion (mixed transforms)", EvasionTransform.allCases.flatMap { transform in
                vocabulary.map(transform.apply)
            }),
        ]
        print("text views: ns per name, \(names) names per kind, ICU \(TextViews.icuVersion)")
        for (label, pool) in kinds {
            let inputs = (0..<names).map { pool[$0 % pool.count] + "-" + String($0 % 97) }
            let bytes = inputs.reduce(0) { $0 + $1.utf8.count }
            var views = 0
            let start = DispatchTime.now().uptimeNanoseconds
            for input in inputs { views += TextViews(input, leet: true, segmenter: segmenter).views.count }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start)
            let perName = elapsed / Double(names)
            print("  " + label.padding(toLength: 28, withPad: " ", startingAt: 0)
                  + String(format: "%8.0f ns/name  %6.1f MB/s  %.2f views/name", perName,
                           Double(bytes) / elapsed * 1e3, Double(views) / Double(names)))
        }
    }
}
