import Foundation
@testable import Classifier
import ClassifierTesting

/// Paths and helpers shared by the tests.
enum Support {
    static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let rulesDirectory = checkout.appendingPathComponent("Rules").path
    static let fixturesDirectory = checkout.appendingPathComponent("Fixtures").path

    static let bundled: Classifier = {
        do { return try Classifier(rulesDirectory: rulesDirectory) } catch { fatalError("bundled rules: \(error)") }
    }()

    /// A pack of one valid rule: the starting point of tests that break it one key at a time (line and column
    /// numbers in PackErrorGoldenTests depend on its layout).
    static let leakRulePack = """
        rules:
          - id: test.leak
            category: leaks
            section: "1.1"
            weight: 50
            description: d
            patterns: ['\\bleaks?\\b']
            examples: {match: ["leaks"], no-match: ["league"]}
        """

    /// One folder per test process, removed when the process exits, so runs leave nothing behind in /tmp.
    private static let runDirectory: String = {
        let path = NSTemporaryDirectory() + "classify-tests-\(getpid())"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "classify-tests-\(getpid())") }
        return path
    }()

    /// A fresh temporary folder, inside the run's folder.
    static func temporaryDirectory() -> String {
        let path = runDirectory + "/" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ text: String, to path: String) {
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// A rules folder with the bundled policy and the given pack files.
    static func rulesFolder(_ packs: [String: String], policy: String? = nil) -> String {
        let directory = temporaryDirectory()
        let bundledPolicy = try! String(contentsOfFile: rulesDirectory + "/policy.yaml", encoding: .utf8)
        write(policy ?? bundledPolicy, to: directory + "/policy.yaml")
        // The word list the bundled policy names for the segmented view.
        try! FileManager.default.copyItem(atPath: rulesDirectory + "/common-words.txt", toPath: directory + "/common-words.txt")
        for (name, text) in packs { write(text, to: directory + "/" + name) }
        return directory
    }

    static func server(_ lines: [String]) -> Server { ExampleServer.build(lines) }
}
