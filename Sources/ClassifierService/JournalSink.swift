import ClassifierJournal
import Foundation

/// The watch journal shared by every request (`classify serve --journal PATH`). One SQLite connection, used by one
/// request at a time: each request's servers are recorded in one transaction, as the CLI records a batch.
public final class JournalSink: @unchecked Sendable {
    // @unchecked: `journal` is only touched under `lock`.
    private let journal: Journal
    private let lock = NSLock()
    /// Masks, hashes and serialises a result into a row; safe on any thread, so workers build rows in parallel.
    public let entryMaker: JournalEntryMaker

    /// Wraps an open journal.
    public init(journal: Journal) {
        self.journal = journal
        entryMaker = journal.entryMaker
    }

    /// Records one request's servers in one transaction.
    func record(_ entries: [JournalEntry], packVersion: String) throws(JournalError) {
        lock.lock()
        defer { lock.unlock() }
        try journal.record(entries: entries, packVersion: packVersion)
    }
}
