import Crypto
import Foundation

/// One record read from an input: a server, or the error that kept it from being one.
public typealias InputRecord = Result<Server, InputError>

/// Reads servers from files or standard input: a single JSON document, or JSON Lines (one server per line, each in
/// any supported shape). A bad line in JSON Lines is an error record; the other lines are still read.
public enum ServerReader {
    /// Reads every record of one file or directory; `path` `-` is standard input. Holds them all: for large
    /// inputs iterate a ``RecordStream`` and ``decode(_:hashInput:)`` each record instead.
    public static func read(path: String) -> [InputRecord] {
        RecordStream(paths: [path]).map { decode($0) }
    }

    /// Parses one raw record into a server, or the error that keeps it from being one.
    /// - Parameters:
    ///   - record: one record as the stream split it.
    ///   - hashInput: also record the SHA-256 of the record's bytes in the server's ``SourceRef``.
    public static func decode(_ record: RawRecord, hashInput: Bool = false) -> InputRecord {
        decode(record, hashInput: hashInput, useFastReader: true)
    }

    /// ``decode(_:hashInput:)``, with the fast reader (``JSONTape``) turned off when `useFastReader` is false: the
    /// fuzz target and the tests compare both paths.
    package static func decode(_ record: RawRecord, hashInput: Bool, useFastReader: Bool) -> InputRecord {
        switch record.content {
        case let .error(error):
            return .failure(error)
        case let .chatExporter(guild, channels, exportedAt):
            do throws(InputError) {
                func parse(_ bytes: [UInt8], _ what: String) throws(InputError) -> JSONValue {
                    do throws(JSONParser.SyntaxError) {
                        return try bytes.withUnsafeBufferPointer { buffer throws(JSONParser.SyntaxError) in
                            try JSONParser.parse(buffer)
                        }
                    } catch {
                        throw .malformedJSON(source: record.source, line: error.line, column: error.column,
                                             reason: "in the \(what) object: \(error.reason)")
                    }
                }
                let values = try channels.map { bytes throws(InputError) in try parse(bytes, "channel") }
                let digest = SHA256.hash(data: guild + channels.flatMap { $0 })
                var source = record.source
                source.key = SourceRef.key(of: digest)
                var server = try ServerDecoder.decodeChatExporter(guild: try parse(guild, "guild"), channels: values,
                                                                  source: source, fallbackName: record.fallbackName)
                server.source.exportedAt = exportedAt
                if hashInput { server.source.sha256 = digest.hexDigits }
                return .success(server)
            } catch {
                return .failure(error)
            }
        case let .bytes(bytes):
            // Every record is keyed by a hash of its bytes (source.key), so the results of shards, whose record
            // numbers restart, join back; errors carry it too.
            let digest = SHA256.hash(data: bytes)
            var source = record.source
            source.key = SourceRef.key(of: digest)
            if hashInput { source.sha256 = digest.hexDigits }
            return bytes.withUnsafeBufferPointer { buffer -> InputRecord in
                if isBlank(buffer) { return .failure(.empty(file: record.source.file)) }
                // What a moderator types from screenshots: "# Server name", categories, indented channels.
                if source.record == nil, OutlineReader.looksLikeOutline(buffer) {
                    return Result { () throws(InputError) -> Server in
                        try OutlineReader.decode(buffer, source: source, fallbackName: record.fallbackName)
                    }
                }
                if useFastReader,
                   let server = JSONTape.server(buffer, source: source, fallbackName: record.fallbackName) {
                    return .success(server)
                }
                // Anything the fast reader does not take: the full parser, which also explains every error.
                let value: JSONValue
                do throws(JSONParser.SyntaxError) {
                    value = try JSONParser.parse(buffer)
                } catch {
                    return .failure(.malformedJSON(source: source, line: source.record ?? error.line,
                                                   column: error.column, reason: error.reason))
                }
                return Result { () throws(InputError) -> Server in
                    try ServerDecoder.server(from: value, source: source, fallbackName: record.fallbackName)
                }
            }
        }
    }

    /// Reads every record of an input already in memory, as the CLI reads a file of that name (`FileReader`: JSON
    /// Lines by name or by its first lines, DiscordChatExporter metadata, outlines). `file` names it in errors and
    /// in ``SourceRef``.
    public static func read(bytes: [UInt8], file: String) -> [InputRecord] {
        let reader = FileReader(bytes: bytes, name: file, maxRecordBytes: RecordStream.defaultMaxRecordBytes)
        var records: [InputRecord] = []
        while let record = reader.next() { records.append(decode(record)) }
        return records
    }

    private static func isBlank(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = ByteOrderMark.length(at: buffer)
        while index < buffer.count {
            switch buffer[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return false
            }
        }
        return true
    }

    /// The file's base name without its extension: the name of a server whose export has none.
    static func fallbackName(for file: String) -> String {
        if file == "-" { return "stdin" }
        let base = (file as NSString).lastPathComponent
        let stem = (base as NSString).deletingPathExtension
        return stem.isEmpty ? base : stem
    }
}
