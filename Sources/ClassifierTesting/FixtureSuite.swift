import Classifier
import Foundation

/// Regression fixtures: server exports with their expected verdict and categories beside them.
///
/// A fixture is `NAME.json` (any supported input shape) or `NAME.outline` with `NAME.expected.json` next to it:
/// `{"verdict": "report-platform", "categories": ["leaks"]}`. `categories` lists exactly the categories whose own
/// verdict is above `clear`; `verdict` is the server's verdict.
public struct FixtureSuite: Sendable {
    /// A fixture's labels: what `NAME.expected.json` says, or what the classifier gave.
    public struct Expectation: Sendable, Equatable {
        /// The verdict of the whole server.
        public let verdict: Verdict
        /// Ids of the categories whose own verdict is above `clear`, sorted.
        public let categories: [String]
    }

    /// What running one fixture gave.
    public struct Outcome: Sendable {
        /// The fixture's input file.
        public let file: String
        /// The labels from the expectation file; nil when it is missing or invalid.
        public let expected: Expectation?
        /// The labels the classifier gave; nil when the fixture could not be run (see ``problem``).
        public let got: Expectation?
        /// Why the fixture could not be run (unreadable input or expectation), if that is what happened.
        public let problem: String?

        /// True when the fixture ran and both its verdict and its categories are as expected.
        public var passed: Bool { problem == nil && expected != nil && expected == got }
    }

    /// The classifier the fixtures run with.
    public let classifier: Classifier

    /// A suite that runs fixtures with `classifier`.
    public init(classifier: Classifier) {
        self.classifier = classifier
    }

    /// The fixture inputs below `directory`, sorted: the files `classify DIR` would read (`RecordStream`'s walker).
    public static func inputs(in directory: String) -> [String] {
        RecordStream.inputFiles(in: directory)
    }

    /// Runs one fixture. With `obfuscation`, every name, description, topic and tag of the server is rewritten by
    /// that evasion transform first (`Server.obfuscated(by:)`): the same labels must still come out.
    public func run(_ file: String, obfuscation: EvasionTransform? = nil) -> Outcome {
        let expectationFile = ((file as NSString).deletingPathExtension) + ".expected.json"
        let expected: Expectation
        do {
            expected = try Self.readExpectation(expectationFile)
        } catch {
            return Outcome(file: file, expected: nil, got: nil, problem: "\(expectationFile): \(error)")
        }
        let records = ServerReader.read(path: file)
        guard records.count == 1 else {
            return Outcome(file: file, expected: expected, got: nil, problem: "a fixture holds exactly one server")
        }
        switch records[0] {
        case let .failure(error):
            return Outcome(file: file, expected: expected, got: nil, problem: error.description)
        case let .success(server):
            let result = classifier.classify(obfuscation.map { server.obfuscated(by: $0) } ?? server)
            let got = Expectation(verdict: result.verdict,
                                  categories: result.categories.filter { $0.verdict > .clear }.map(\.id).sorted())
            return Outcome(file: file, expected: expected, got: got, problem: nil)
        }
    }

    struct ExpectationError: Error, CustomStringConvertible {
        let description: String
    }

    static func readExpectation(_ path: String) throws -> Expectation {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ExpectationError(description: "missing: every fixture needs its expected verdict beside it")
        }
        let value = try JSONParser.parse([UInt8](data))
        guard let verdictText = value["verdict"]?.stringValue, let verdict = Verdict(rawValue: verdictText) else {
            throw ExpectationError(description: "\"verdict\" must be one of \(Verdict.allCases.map(\.rawValue))")
        }
        guard let list = value["categories"]?.arrayValue else {
            throw ExpectationError(description: "\"categories\" must be an array of category ids")
        }
        return Expectation(verdict: verdict, categories: list.compactMap(\.stringValue).sorted())
    }
}

extension JSONParser.SyntaxError: CustomStringConvertible {
    public var description: String { "line \(line), column \(column): \(reason)" }
}
