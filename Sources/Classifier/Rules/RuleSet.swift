import Foundation

/// Every rule pack of a folder, loaded, compiled and validated once; immutable and safe to share between threads.
public final class RuleSet: Sendable {
    /// The rules folder the set was loaded from, as its path was given.
    public let directory: String
    /// The verdict policy and shared settings, from `policy.yaml`.
    public let policy: Policy
    /// Every signal by id, the implicit signals of rules with their own `patterns` included.
    public let signals: [String: Signal]
    /// Rules in load order (files sorted by name, rules in file order).
    public let rules: [Rule]
    /// The pack files read, sorted.
    public let files: [String]
    /// The pack file each signal was declared in.
    public let signalFiles: [String: String]
    /// Whether any signal reads the leet view, which is only built when one does.
    public let readsLeet: Bool
    /// Splits glued names for the segmented view, with the words of every pattern and the policy's
    /// `segmentation-words`.
    package let segmenter: Segmenter

    init(directory: String, policy: Policy, signals: [String: Signal], rules: [Rule], files: [String],
         signalFiles: [String: String], protectedNames: ProtectedNames = ProtectedNames(names: [])) {
        self.protectedNames = protectedNames
        self.signalFiles = signalFiles
        self.directory = directory
        self.policy = policy
        self.signals = signals
        self.rules = rules
        self.files = files
        self.readsLeet = signals.values.contains { $0.views.contains(.leet) }
        // Each signal's patterns parsed once: all their words split glued names, and those of signals the policy
        // does not exclude may anchor a fill with everyday words.
        let noAnchor = Set(policy.segmentationNoAnchor)
        var patternWords = Set<String>(), anchorWords = Set<String>()
        for signal in signals.values {
            let words = Vocabulary.words(of: signal.patterns.map(\.source))
            patternWords.formUnion(words)
            if !noAnchor.contains(signal.id) { anchorWords.formUnion(words) }
        }
        // A protected name's words split glued names too: leamartinnudes → lea martin nudes.
        let nameWords = protectedNames.names.flatMap { ProtectedNames.words(of: $0) }
        self.segmenter = Segmenter(words: patternWords, listed: policy.segmentationWords + nameWords, anchors: anchorWords,
                                   known: policy.segmentationDictionary,
                                   threeLetterRank: policy.segmentationThreeLetterRank,
                                   shortFillers: policy.segmentationShortFillers,
                                   compoundHeads: policy.segmentationCompoundHeads)
    }

    /// The names the `protect-list` signals match (empty without `--protect`).
    public let protectedNames: ProtectedNames

    /// Loads `policy.yaml` and every other `*.yaml` pack in `directory`.
    /// - Parameters:
    ///   - directory: the folder of rule packs (`policy.yaml` and the category packs).
    ///   - protectedNames: names and handles to protect (``ProtectedNames``); they become the patterns of
    ///     the packs' `protect-list` signal.
    /// - Throws: ``RuleSetError`` naming the file, line, rule and reason of the first problem.
    public static func load(directory: String, protectedNames: ProtectedNames = ProtectedNames(names: []))
        throws(RuleSetError) -> RuleSet {
        try RuleSetLoader(directory: directory, protectedNames: protectedNames).load()
    }

    /// The ids of the signals whose patterns are the protected names.
    public var protectListSignals: Set<String> { Set(signals.values.filter(\.fromProtectList).map(\.id)) }

    /// The bundled `Rules/` folder: `$CLASSIFY_RULES`; then `share/classify/Rules` beside the installed binary's
    /// `bin/`; then `Rules/` beside the binary; then the source checkout the binary was built from.
    public static func bundledDirectory(executablePath: String = CommandLine.arguments.first ?? "") -> String? {
        let fileManager = FileManager.default
        if let fromEnvironment = ProcessInfo.processInfo.environment["CLASSIFY_RULES"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        var candidates: [String] = []
        let executable = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
        let binDirectory = executable.deletingLastPathComponent()
        candidates.append(binDirectory.deletingLastPathComponent().appendingPathComponent("share/classify/Rules").path)
        candidates.append(binDirectory.appendingPathComponent("Rules").path)
        // Built from a checkout: Sources/Classifier/Rules/RuleSet.swift → the checkout's Rules/.
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(checkout.appendingPathComponent("Rules").path)
        return candidates.first { fileManager.fileExists(atPath: $0 + "/policy.yaml") }
    }

    /// The rules of one category, in load order.
    public func rules(in category: String) -> [Rule] {
        rules.filter { $0.category == category }
    }
}
