/// The bytes of one input record, not yet parsed: a whole JSON file, or one line of a JSON Lines file.
///
/// Parsing is left to whoever takes the record (``ServerReader/decode(_:hashInput:)``), so that workers parse in parallel
/// while one thread only splits the input.
public struct RawRecord: Sendable {
    /// Bytes the record holds in memory, to bound batches in bytes.
    public var byteCount: Int {
        switch content {
        case let .bytes(bytes): return bytes.count
        case .error: return 0
        case let .chatExporter(guild, channels, _): return guild.count + channels.reduce(0) { $0 + $1.count }
        }
    }

    /// What a record holds: bytes to parse, an error met while reading, or DiscordChatExporter metadata.
    public enum Content: Sendable {
        /// The record's bytes (without the line end).
        case bytes([UInt8])
        /// The input could not be read or split; the error is the record.
        case error(InputError)
        /// DiscordChatExporter exports of one guild: the bytes of its `guild` object and of each file's `channel`
        /// object - the messages are never read - and the latest `exportedAt` among the files, when they give it.
        case chatExporter(guild: [UInt8], channels: [[UInt8]], exportedAt: String?)
    }

    /// The record's payload, parsed later by ``ServerReader/decode(_:hashInput:)``.
    public let content: Content
    /// File and, for JSON Lines, 1-based line number.
    public let source: SourceRef
    /// Name for a server whose export carries none (a Discord channel array): the file's base name, plus the line.
    public let fallbackName: String

    /// A record from anywhere; `fallbackName` names the server if its export carries no name.
    public init(content: Content, source: SourceRef, fallbackName: String) {
        self.content = content
        self.source = source
        self.fallbackName = fallbackName
    }
}
