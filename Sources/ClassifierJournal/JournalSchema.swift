/// The journal's schema, one migration per version. A file records its version in `PRAGMA user_version`; opening
/// runs the migrations it lacks in one transaction and refuses a file from a newer classify.
enum JournalSchema {
    /// Each entry takes a file from version `index` to `index + 1`. Never edit a shipped step: add one.
    static let migrations: [String] = [
        // 1: one row per server per scan; the run's facts about the journal in `meta`.
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE scans (
            id INTEGER PRIMARY KEY,
            server TEXT NOT NULL,
            scanned_at TEXT NOT NULL,
            input_sha256 TEXT,
            pack_version TEXT NOT NULL,
            classify_version TEXT NOT NULL,
            verdict TEXT NOT NULL,
            scores TEXT NOT NULL,
            rules TEXT NOT NULL,
            name TEXT NOT NULL,
            report TEXT NOT NULL
        );
        CREATE INDEX scans_by_server ON scans(server, scanned_at);
        """,
        // 2: the structural fingerprint (keyed ids and masked names of categories and channels), so renames,
        // additions and removals show between scans. Scans recorded before it have an empty structure.
        """
        ALTER TABLE scans ADD COLUMN structure TEXT NOT NULL DEFAULT '[]';
        """,
    ]

    static var version: Int { migrations.count }
}
