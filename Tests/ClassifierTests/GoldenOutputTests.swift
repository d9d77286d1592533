import Foundation
import Testing
@testable import Classifier
import ClassifierTesting

/// Pins the JSON Lines output of every fixture, byte for byte: `server`, `verdict`, `categories` and `evidence` are a
/// stable interface, and a change to any key or value shows as a diff to review in `Tests/Golden/`.
///
/// After an intended change (a rule, a new field), regenerate with `CLASSIFY_REGENERATE_GOLDEN=1 swift test
/// --filter GoldenOutputTests`, then read `git diff Tests/Golden` before committing.
@Suite struct GoldenOutputTests {
    static let goldenDirectory = Support.checkout.appendingPathComponent("Tests/Golden/fixtures").path
    static let regenerate = ProcessInfo.processInfo.environment["CLASSIFY_REGENERATE_GOLDEN"] == "1"

    /// The JSON Lines classify prints for one fixture, with the checkout's path taken out of `source.file`.
    private func output(for fixture: String) -> String {
        let stream = RecordStream(paths: [fixture])
        var lines: [String] = []
        while let record = stream.next() {
            let object: JSONOutput
            switch ServerReader.decode(record) {
            case let .success(server): object = JSONReport.object(for: Support.bundled.classify(server))
            case let .failure(error): object = JSONReport.object(for: error)
            }
            lines.append(object.serialized())
        }
        return lines.joined(separator: "\n").replacingOccurrences(of: Support.checkout.path + "/", with: "") + "\n"
    }

    @Test func everyFixturePrintsItsGoldenJSONLines() throws {
        let fixtures = FixtureSuite.inputs(in: Support.fixturesDirectory)
        #expect(fixtures.count >= 100, "the fixtures were found")
        if Self.regenerate {
            try FileManager.default.createDirectory(atPath: Self.goldenDirectory, withIntermediateDirectories: true)
        }
        var compared = 0
        for fixture in fixtures {
            let name = URL(fileURLWithPath: fixture).deletingPathExtension().lastPathComponent
            let goldenPath = Self.goldenDirectory + "/" + name + ".jsonl"
            let actual = output(for: fixture)
            if Self.regenerate {
                try actual.write(toFile: goldenPath, atomically: true, encoding: .utf8)
                continue
            }
            let golden = try #require(try? String(contentsOfFile: goldenPath, encoding: .utf8),
                                      "no golden output for \(name): run with CLASSIFY_REGENERATE_GOLDEN=1")
            #expect(actual == golden, "\(name): the output changed; if intended, regenerate and review the diff")
            compared += 1
        }
        #expect(Self.regenerate || compared == fixtures.count)
    }
}
