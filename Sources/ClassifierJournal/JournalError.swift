/// Why a journal could not be opened, written or read. Each says what to do about it.
public enum JournalError: Error, CustomStringConvertible, Equatable {
    /// The file could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// Another process held the journal for longer than the busy timeout.
    case busy(path: String)
    /// The file's schema is newer than this classify understands.
    case newerSchema(path: String, found: Int, known: Int)
    /// The journal was written with another redaction key: its hashes would not match this key's.
    case wrongKey(path: String)
    /// The journal holds names in clear and this run does not keep them, or the reverse.
    case namesMismatch(path: String, keepsNames: Bool)
    /// No server in the journal matches what was asked for.
    case unknownServer(String)
    /// The file is not a classify journal, or SQLite reported an error.
    case database(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "\(path): cannot open the journal: \(reason); check the folder exists and is writable"
        case let .busy(path):
            return "\(path): journal busy: another classify is writing it; try again when it is done, or give this run its own journal"
        case let .newerSchema(path, found, known):
            return "\(path): the journal's schema version \(found) is newer than this classify understands (\(known)); upgrade classify to read it"
        case let .wrongKey(path):
            return "\(path): this journal was written with another redaction key; its hashes would not match - use the key it was made with (--redact-key or CLASSIFY_REDACT_KEY) or start a new journal"
        case let .namesMismatch(path, keepsNames):
            return keepsNames
                ? "\(path): this journal keeps names in clear; pass --journal-keep-names to add to it, or use another journal"
                : "\(path): this journal holds no names in clear; drop --journal-keep-names, or use another journal"
        case let .unknownServer(server):
            return "no server \(server) in the journal; `classify journal list` shows the servers it holds"
        case let .database(path, reason):
            return "\(path): \(reason)"
        }
    }
}
