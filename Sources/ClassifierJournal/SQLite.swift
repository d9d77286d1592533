import CSQLite
import Foundation

/// SQLITE_TRANSIENT: SQLite copies bound text before the call returns (the Swift string may move).
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A failure of the SQLite C API, with SQLite's own message.
struct SQLiteError: Error, CustomStringConvertible {
    let code: Int32
    let message: String
    var description: String { "\(message) (SQLite code \(code))" }
    var isBusy: Bool { code & 0xFF == SQLITE_BUSY || code & 0xFF == SQLITE_LOCKED }
}

/// One connection to one database file, used from one thread at a time: the handful of calls the journal needs,
/// over the C API (see README, "Watch journal", for why not GRDB).
final class SQLiteConnection {
    private var handle: OpaquePointer?

    /// Opens (creating when asked) the database at `path`.
    /// - Parameter busyTimeout: how long a write waits for another process's write before failing with `SQLITE_BUSY`.
    init(path: String, create: Bool, busyTimeout: Duration) throws {
        let flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(handle)
            handle = nil
            throw SQLiteError(code: status, message: message)
        }
        sqlite3_extended_result_codes(handle, 1)
        let milliseconds = busyTimeout.components.seconds * 1000 + busyTimeout.components.attoseconds / 1_000_000_000_000_000
        sqlite3_busy_timeout(handle, Int32(clamping: milliseconds))
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs statements that return no rows.
    func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &error)
        guard status == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? lastMessage
            sqlite3_free(error)
            throw SQLiteError(code: status, message: message)
        }
    }

    /// Compiles one statement.
    func prepare(_ sql: String) throws -> SQLiteStatement {
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard status == SQLITE_OK, let statement else { throw SQLiteError(code: status, message: lastMessage) }
        return SQLiteStatement(statement, connection: self)
    }

    /// Every row of a query: each column as text (nil for NULL), and a BLOB column's bytes as well.
    func rows(_ sql: String, _ values: [SQLiteValue] = []) throws -> [SQLiteRow] {
        let statement = try prepare(sql)
        try statement.bind(values)
        var rows: [SQLiteRow] = []
        while try statement.step() {
            var row = SQLiteRow(texts: [], blobs: [:])
            for column in 0..<statement.columnCount {
                if let blob = statement.blob(column) {
                    row.texts.append(nil)
                    row.blobs[column] = blob
                } else {
                    row.texts.append(statement.text(column))
                }
            }
            rows.append(row)
        }
        return rows
    }

    var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }
}

/// A compiled statement; reset and rebound for each use.
final class SQLiteStatement {
    private let statement: OpaquePointer
    private let connection: SQLiteConnection

    fileprivate init(_ statement: OpaquePointer, connection: SQLiteConnection) {
        self.statement = statement
        self.connection = connection
    }

    deinit {
        sqlite3_finalize(statement)
    }

    func bind(_ values: [SQLiteValue]) throws {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        for (index, value) in values.enumerated() {
            let position = Int32(index + 1)
            let status: Int32
            switch value {
            case let .text(text): status = sqlite3_bind_text(statement, position, text, -1, transient)
            case let .blob(bytes):
                status = bytes.withUnsafeBytes {
                    sqlite3_bind_blob(statement, position, $0.baseAddress, Int32($0.count), transient)
                }
            case .null: status = sqlite3_bind_null(statement, position)
            }
            guard status == SQLITE_OK else { throw SQLiteError(code: status, message: connection.lastMessage) }
        }
    }

    /// Runs the statement to its next row: true while there is one.
    @discardableResult
    func step() throws -> Bool {
        let status = sqlite3_step(statement)
        switch status {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw SQLiteError(code: status, message: connection.lastMessage)
        }
    }

    var columnCount: Int { Int(sqlite3_column_count(statement)) }

    /// The bytes of a BLOB column; nil for any other type.
    func blob(_ column: Int) -> [UInt8]? {
        guard sqlite3_column_type(statement, Int32(column)) == SQLITE_BLOB else { return nil }
        let count = Int(sqlite3_column_bytes(statement, Int32(column)))
        guard count > 0, let pointer = sqlite3_column_blob(statement, Int32(column)) else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    func text(_ column: Int) -> String? {
        guard let pointer = sqlite3_column_text(statement, Int32(column)) else { return nil }
        return String(cString: pointer)
    }
}

/// A value bound to a statement's parameter.
enum SQLiteValue: ExpressibleByStringLiteral {
    case text(String)
    case blob([UInt8])
    case null

    init(stringLiteral value: String) { self = .text(value) }
    init(_ text: String?) { self = text.map(SQLiteValue.text) ?? .null }
}

/// One row of a query: its columns as text, and the bytes of those that hold a BLOB.
struct SQLiteRow {
    var texts: [String?]
    var blobs: [Int: [UInt8]]

    subscript(column: Int) -> String? { texts.indices.contains(column) ? texts[column] : nil }
    func blob(_ column: Int) -> [UInt8]? { blobs[column] }
}
