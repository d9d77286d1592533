import Classifier
import Foundation

/// One category or channel of a scanned server, as the journal keeps it: a keyed hash for its id and its name
/// masked as `--redact` masks it (in clear only in a journal that keeps names).
public struct StructureEntry: Codable, Sendable, Equatable {
    /// `category` or `channel`.
    public var kind: String
    /// Keyed tag of the export's id, or of the category and channel names when the export has no ids (`gk-…`,
    /// `ck-…`; `category-…`, `channel-…` in scans recorded before 2026.11.19).
    public var id: String
    /// The keyed id of the channel's category; nil for categories and for channels outside any.
    public var parent: String?
    /// The name, masked outside matched words unless the journal keeps names.
    public var name: String
    /// Keyed tag of the name in clear (`nk-…`): tells a rename from a change in what the mask keeps.
    public var nameKey: String?
}

/// One scan of one server.
public struct JournalScan: Sendable {
    /// The row's number in the journal: increases with every scan recorded.
    public let number: Int
    /// Keyed hash of the server's id (or of its name when the export has no id).
    public let server: String
    /// When the scan was recorded, UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    public let scannedAt: String
    /// SHA-256 of the record's bytes in the input (nil if unknown).
    public let inputSHA256: String?
    /// The rule-pack version that classified it.
    public let packVersion: String
    /// The classify version that classified it.
    public let classifyVersion: String
    /// The verdict.
    public let verdict: Verdict
    /// Score of every category that showed evidence, by category id.
    public let scores: [String: Int]
    /// Ids of the rules that fired, sorted.
    public let rules: [String]
    /// The server's name, masked unless the journal keeps names.
    public let name: String
    /// Categories and channels, for `diff`.
    public let structure: [StructureEntry]
    /// The result as `--format jsonl` prints it (redacted unless the journal keeps names).
    public let report: String
}

/// One server of the journal with its latest verdict and where it is heading.
public struct JournalServer: Sendable {
    /// Keyed hash of the server's id.
    public let server: String
    /// Its name in the latest scan (masked unless the journal keeps names).
    public let name: String
    /// First and latest scan times.
    public let firstSeen: String, lastSeen: String
    /// How many scans the journal holds.
    public let scans: Int
    /// The latest verdict, and the one before it (nil after a single scan).
    public let verdict: Verdict, previousVerdict: Verdict?

    /// `↑` escalated since the scan before, `↓` dropped, `=` unchanged (or a single scan).
    public var trend: String {
        guard let previousVerdict else { return "=" }
        return verdict > previousVerdict ? "↑" : verdict < previousVerdict ? "↓" : "="
    }
}

/// What changed between two scans of one server.
public struct JournalDiff: Sendable {
    /// The earlier and the later scan.
    public let from: JournalScan, to: JournalScan
    /// Categories whose score changed: id, before, after (0 when it showed no evidence).
    public let scoreChanges: [(category: String, before: Int, after: Int)]
    /// Rules that fired in the later scan but not the earlier one, and the reverse.
    public let rulesStarted: [String], rulesStopped: [String]
    /// Categories and channels that appeared or went away.
    public let added: [StructureEntry], removed: [StructureEntry]
    /// Same keyed id, another name.
    public let renamed: [(before: StructureEntry, after: StructureEntry)]
    /// False when the two scans' structures were keyed differently (one recorded before classify 0.4's name and id
    /// tags): `added`, `removed` and `renamed` are then empty, as nothing can be matched.
    public let structureCompared: Bool

    /// Nothing changed that the journal can see.
    public var isEmpty: Bool {
        from.verdict == to.verdict && scoreChanges.isEmpty && rulesStarted.isEmpty && rulesStopped.isEmpty
            && added.isEmpty && removed.isEmpty && renamed.isEmpty && structureCompared
    }
}
