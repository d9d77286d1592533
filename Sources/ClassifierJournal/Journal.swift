import Classifier
import Foundation

/// An anonymised history of every server watched: one row per server per scan, with its verdict, scores, rules,
/// masked evidence and a structural fingerprint, so that a later scan shows what changed (a renamed channel, a
/// verdict that dropped after a report). One SQLite file in WAL mode; names in clear only when asked for.
///
/// ```swift
/// let journal = try Journal(path: "watch.sqlite", key: teamKey)
/// try journal.record([result], packVersion: classifier.rules.policy.version)
/// for server in try journal.servers() { print(server.server, server.verdict, server.trend) }
/// ```
///
/// A `Journal` is used from one thread at a time; two processes may share a file (writes wait for each other up
/// to the busy timeout, then fail with ``JournalError/busy(path:)``).
public final class Journal {
    /// The schema version this classify writes.
    public static var schemaVersion: Int { JournalSchema.version }

    /// The file's path.
    public let path: String
    /// Whether this journal stores names in clear (`--journal-keep-names`), fixed when it is created.
    public let keepsNames: Bool
    private let connection: SQLiteConnection
    private let redactor: Redactor

    /// `$XDG_DATA_HOME/classify/journal.sqlite`, else `~/.local/share/classify/journal.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return base + "/classify/journal.sqlite"
    }

    /// Opens the journal at `path`, creating it (and its folder) when missing, migrating an older schema.
    /// - Parameters:
    ///   - path: the SQLite file.
    ///   - key: the redaction key: server, category and channel ids are hashed with it, and the journal refuses
    ///     another key than the one it was created with.
    ///   - keepNames: store names in clear; must match what the journal was created with. Nil (for reading):
    ///     whatever the journal holds; a new journal then keeps none.
    ///   - busyTimeout: how long to wait for another process writing the same file.
    /// - Throws: ``JournalError`` - a newer schema, another key, a names mismatch, a busy or unreadable file.
    public init(path: String, key: String, keepNames: Bool? = nil, busyTimeout: Duration = .seconds(5)) throws(JournalError) {
        self.path = path
        redactor = Redactor(key: key)
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        do {
            connection = try SQLiteConnection(path: path, create: true, busyTimeout: busyTimeout)
        } catch {
            throw .cannotOpen(path: path, reason: error.message)
        }
        let fingerprint = redactor.hash("classify journal key", kind: "key")
        var keeps = false
        do {
            try connection.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;")
            // An up-to-date journal is only read here, so opening never waits on another process's write.
            if try Self.version(connection) < JournalSchema.version || Self.meta(connection)["key_fingerprint"] == nil {
                try connection.execute("BEGIN IMMEDIATE")
                do {
                    let found = try Self.version(connection)
                    if found > JournalSchema.version {
                        throw JournalError.newerSchema(path: path, found: found, known: JournalSchema.version)
                    }
                    for step in found..<JournalSchema.version {
                        try connection.execute(JournalSchema.migrations[step])
                    }
                    if found < JournalSchema.version { try connection.execute("PRAGMA user_version = \(JournalSchema.version)") }
                    if try Self.meta(connection)["key_fingerprint"] == nil {
                        let insert = try connection.prepare("INSERT INTO meta(key, value) VALUES (?, ?)")
                        for (name, value) in [("key_fingerprint", fingerprint), ("keeps_names", (keepNames ?? false) ? "1" : "0"),
                                              ("created", Self.timestamp(Date()))] {
                            try insert.bind([.text(name), .text(value)])
                            try insert.step()
                        }
                    }
                    try connection.execute("COMMIT")
                } catch {
                    try? connection.execute("ROLLBACK")
                    throw error
                }
            }
            let found = try Self.version(connection)
            if found > JournalSchema.version {
                throw JournalError.newerSchema(path: path, found: found, known: JournalSchema.version)
            }
            let meta = try Self.meta(connection)
            guard meta["key_fingerprint"] == fingerprint else { throw JournalError.wrongKey(path: path) }
            keeps = meta["keeps_names"] == "1"
            if let keepNames, keeps != keepNames { throw JournalError.namesMismatch(path: path, keepsNames: keeps) }
        } catch let error as JournalError {
            throw error
        } catch let error as SQLiteError {
            throw error.isBusy ? .busy(path: path) : .database(path: path, reason: "not a classify journal, or damaged: \(error)")
        } catch {
            throw .database(path: path, reason: "\(error)")
        }
        keepsNames = keeps
    }

    private static func version(_ connection: SQLiteConnection) throws -> Int {
        Int((try connection.rows("PRAGMA user_version").first?[0]) ?? "0") ?? 0
    }

    /// The `meta` table, empty before the first migration.
    private static func meta(_ connection: SQLiteConnection) throws -> [String: String] {
        let exists = try connection.rows("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'")
        guard !exists.isEmpty else { return [:] }
        return Dictionary(try connection.rows("SELECT key, value FROM meta").map { ($0[0] ?? "", $0[1] ?? "") },
                          uniquingKeysWith: { a, _ in a })
    }

    /// Records one scan per result in one transaction: all of them, or none if it fails.
    /// - Parameters:
    ///   - results: classification results, as the classifier made them (not redacted: the journal masks them).
    ///   - packVersion: the rule-pack version that made them.
    ///   - date: when they were scanned.
    public func record(_ results: [ClassificationResult], packVersion: String, date: Date = Date()) throws(JournalError) {
        try record(entries: results.map(entryMaker.entry(for:)), packVersion: packVersion, date: date)
    }

    /// Turns results into rows on any thread: a batch runner's workers mask, hash and serialise in parallel, and
    /// the writing thread only inserts (``record(entries:packVersion:date:)``).
    public var entryMaker: JournalEntryMaker { JournalEntryMaker(redactor: redactor, keepsNames: keepsNames) }

    /// Records prepared scans in one transaction: all of them, or none if it fails.
    public func record(entries: [JournalEntry], packVersion: String, date: Date = Date()) throws(JournalError) {
        guard !entries.isEmpty else { return }
        let when = Self.timestamp(date)
        try write {
            let insert = try connection.prepare("""
                INSERT INTO scans(server, scanned_at, input_sha256, pack_version, classify_version, verdict, scores,
                                  rules, name, report, structure) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for entry in entries {
                try insert.bind([.text(entry.server), .text(when), SQLiteValue(entry.inputSHA256), .text(packVersion),
                                 .text(Classifier.version), .text(entry.verdict.rawValue), .text(entry.scores),
                                 .text(entry.rules), .text(entry.name), .text(entry.report), .blob(entry.structure)])
                try insert.step()
            }
        }
    }

    /// Every server of the journal, latest scan first.
    public func servers() throws(JournalError) -> [JournalServer] {
        let rows = try read("""
            SELECT s.server, s.name, f.first, s.scanned_at, f.count, s.verdict,
                   (SELECT p.verdict FROM scans p WHERE p.server = s.server AND p.id < s.id ORDER BY p.id DESC LIMIT 1)
            FROM scans s JOIN (SELECT server, MIN(scanned_at) AS first, COUNT(*) AS count, MAX(id) AS last
                               FROM scans GROUP BY server) f ON s.id = f.last
            ORDER BY s.scanned_at DESC, s.id DESC
            """)
        return rows.map { row in
            JournalServer(server: row[0] ?? "", name: row[1] ?? "", firstSeen: row[2] ?? "", lastSeen: row[3] ?? "",
                          scans: Int(row[4] ?? "0") ?? 0, verdict: Verdict(rawValue: row[5] ?? "") ?? .clear,
                          previousVerdict: row[6].flatMap(Verdict.init(rawValue:)))
        }
    }

    /// Every scan of one server, newest first.
    /// - Parameter server: its keyed hash as `list` prints it (a unique prefix will do), or its id or name in clear
    ///   (hashed with the journal's key to find it).
    public func scans(of server: String) throws(JournalError) -> [JournalScan] {
        let key = try resolve(server)
        return try read("""
            SELECT id, server, scanned_at, input_sha256, pack_version, classify_version, verdict, scores, rules, name,
                   report, structure FROM scans WHERE server = ? ORDER BY id DESC
            """, [key]).map(Self.scan)
    }

    /// What changed between the latest scan of a server and the one before it - or the last scan before `since`.
    /// Nil when the journal holds a single scan of it.
    public func diff(of server: String, since: Date? = nil) throws(JournalError) -> JournalDiff? {
        let history = try scans(of: server)
        guard let latest = history.first else { return nil }
        let earlier: JournalScan?
        if let since {
            let cut = Self.timestamp(since)
            earlier = history.dropFirst().first { $0.scannedAt < cut } ?? history.dropFirst().last
        } else {
            earlier = history.dropFirst().first
        }
        guard let earlier else { return nil }
        return Self.diff(from: earlier, to: latest)
    }

    /// Every scan of every server, oldest first, for export.
    public func allScans() throws(JournalError) -> [JournalScan] {
        try read("""
            SELECT id, server, scanned_at, input_sha256, pack_version, classify_version, verdict, scores, rules, name,
                   report, structure FROM scans ORDER BY server, id
            """).map(Self.scan)
    }

    /// `PRAGMA integrity_check`: "ok" for a sound file.
    public func integrityCheck() throws(JournalError) -> String {
        try read("PRAGMA integrity_check").compactMap { $0[0] }.joined(separator: "\n")
    }

    // MARK: - Internals

    private func resolve(_ server: String) throws(JournalError) -> String {
        let known = Set(try read("SELECT DISTINCT server FROM scans").compactMap { $0[0] })
        if known.contains(server) { return server }
        for candidate in [entryMaker.serverKey(id: server), entryMaker.serverKey(name: server)]
        where known.contains(candidate) {
            return candidate
        }
        let prefixed = known.filter { $0.hasPrefix(server) || $0.hasPrefix("server-" + server) }
        if prefixed.count == 1, let only = prefixed.first { return only }
        throw .unknownServer(server)
    }

    private func write(_ body: () throws -> Void) throws(JournalError) {
        do {
            try connection.execute("BEGIN IMMEDIATE")
            do {
                try body()
                try connection.execute("COMMIT")
            } catch {
                try? connection.execute("ROLLBACK")
                throw error
            }
        } catch let error as SQLiteError {
            throw error.isBusy ? .busy(path: path) : .database(path: path, reason: "cannot write: \(error)")
        } catch {
            throw .database(path: path, reason: "cannot write: \(error)")
        }
    }

    private func read(_ sql: String, _ values: [String?] = []) throws(JournalError) -> [SQLiteRow] {
        do {
            return try connection.rows(sql, values.map(SQLiteValue.init))
        } catch {
            throw error.isBusy ? .busy(path: path) : .database(path: path, reason: "cannot read: \(error)")
        }
    }

    private static func scan(_ row: SQLiteRow) -> JournalScan {
        JournalScan(number: Int(row[0] ?? "0") ?? 0, server: row[1] ?? "", scannedAt: row[2] ?? "", inputSHA256: row[3],
                    packVersion: row[4] ?? "", classifyVersion: row[5] ?? "",
                    verdict: Verdict(rawValue: row[6] ?? "") ?? .clear,
                    scores: decode([String: Int].self, row[7]) ?? [:], rules: decode([String].self, row[8]) ?? [],
                    name: row[9] ?? "", structure: row.blob(11).map(StructureCodec.decode(blob:)) ?? StructureCodec.decode(row[11]), report: row[10] ?? "")
    }

    static func diff(from: JournalScan, to: JournalScan) -> JournalDiff {
        let categories = Set(from.scores.keys).union(to.scores.keys).sorted()
        let changes = categories.compactMap { id -> (String, Int, Int)? in
            let before = from.scores[id] ?? 0, after = to.scores[id] ?? 0
            return before == after ? nil : (id, before, after)
        }
        let comparable = StructureCodec.isComparable(from.structure, to.structure)
        let before = Dictionary(from.structure.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(to.structure.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        guard comparable else {
            return JournalDiff(from: from, to: to, scoreChanges: changes,
                               rulesStarted: Set(to.rules).subtracting(from.rules).sorted(),
                               rulesStopped: Set(from.rules).subtracting(to.rules).sorted(),
                               added: [], removed: [], renamed: [], structureCompared: false)
        }
        return JournalDiff(
            from: from, to: to, scoreChanges: changes,
            rulesStarted: Set(to.rules).subtracting(from.rules).sorted(),
            rulesStopped: Set(from.rules).subtracting(to.rules).sorted(),
            added: to.structure.filter { before[$0.id] == nil },
            removed: from.structure.filter { after[$0.id] == nil },
            renamed: to.structure.compactMap { entry in
                guard let old = before[entry.id] else { return nil }
                let renamed = old.nameKey != nil && entry.nameKey != nil ? old.nameKey != entry.nameKey : old.name != entry.name
                guard renamed else { return nil }
                return (old, entry)
            }, structureCompared: true)
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ text: String?) -> T? {
        guard let text else { return nil }
        return try? JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

extension Error {
    fileprivate var message: String { (self as? SQLiteError)?.message ?? "\(self)" }
    fileprivate var isBusy: Bool { (self as? SQLiteError)?.isBusy ?? false }
}
