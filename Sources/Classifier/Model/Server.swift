/// The structure of one chat server, as classify sees it: names and topics only, never messages.
public struct Server: Sendable, Equatable {
    /// The export's server id, if it has one (guild id, a template's code, the native format's `id`), digits
    /// kept exactly as written. A keyed hash once redacted.
    public var id: String?
    /// The server's name as exported; an export without one (a Discord channel array) gets the file's base name
    /// (`stdin` for standard input, `NAME:LINE` in JSON Lines). A keyed hash once redacted.
    public var name: String
    /// The server's description as exported (an outline's `> ` lines joined), if any; rules read it as
    /// ``Field/serverDescription`` when it is not empty.
    public var description: String?
    /// Channel categories in input order; ``Channel/categoryIndex`` and ``Location/categoryIndex`` point here.
    public var categories: [ChannelCategory]
    /// Every channel, in input order; a channel's `categoryIndex` points into `categories`.
    public var channels: [Channel]
    /// Where the server was read from: file, record, detected format and, when asked for, the input's SHA-256.
    public var source: SourceRef
    /// True once ``Redactor`` has masked names and hashed identifiers.
    public var isRedacted = false

    /// Builds a server in code, for tests or a program with its own exports; channels find their category by
    /// ``Channel/categoryIndex``.
    public init(id: String? = nil, name: String, description: String? = nil, categories: [ChannelCategory] = [],
                channels: [Channel] = [], source: SourceRef = SourceRef()) {
        self.id = id
        self.name = name
        self.description = description
        self.categories = categories
        self.channels = channels
        self.source = source
    }
}

/// A channel category (Discord channel type 4).
public struct ChannelCategory: Sendable, Equatable {
    /// The category's id in the export, if any, digits kept exactly; a keyed hash once redacted.
    public var id: String?
    /// The category name as exported: the text rules read as ``Field/category``.
    public var name: String

    /// A category; channels join it through ``Channel/categoryIndex``.
    public init(id: String? = nil, name: String) {
        self.id = id
        self.name = name
    }
}

/// A channel: text, voice, forum, announcement… Only its name and topic are read.
public struct Channel: Sendable, Equatable {
    /// The channel's id in the export, if any, digits kept exactly; a keyed hash once redacted.
    public var id: String?
    /// The channel name as exported, empty when the export gives none: the text rules read as ``Field/channel``.
    public var name: String
    /// The channel's topic, if any; rules read it as ``Field/topic`` when it is not empty.
    public var topic: String?
    /// The kind as the export names it (`text`, `voice`, `forum`, or Discord's numeric type as text).
    public var kind: String
    /// Index into ``Server/categories`` of the parent category, if any.
    public var categoryIndex: Int?
    /// Discord's age-restricted flag (`nsfw: true`): the platform itself marks the channel adult.
    public var nsfw: Bool
    /// A forum channel's tags (Discord `available_tags` names).
    public var tags: [String]

    /// A channel. `categoryIndex` must be nil or an index into ``Server/categories`` of the server it joins:
    /// the engine does not check it.
    public init(id: String? = nil, name: String, topic: String? = nil, kind: String = "text", categoryIndex: Int? = nil,
                nsfw: Bool = false, tags: [String] = []) {
        self.id = id
        self.name = name
        self.topic = topic
        self.kind = kind
        self.categoryIndex = categoryIndex
        self.nsfw = nsfw
        self.tags = tags
    }
}

/// Where a server came from: the file (or `-` for standard input) and, in a multi-record input, the record number.
public struct SourceRef: Sendable, Equatable, Codable {
    /// The input's path as it was opened, `-` for standard input (or the name given to
    /// ``ServerReader/read(bytes:file:)``); a keyed hash once redacted.
    public var file: String
    /// 1-based record (line) number in a JSON Lines input; nil for a whole-file document.
    public var record: Int?
    /// The input format that was detected.
    public var format: String?
    /// SHA-256 (hex) of the record's bytes - the whole file for a one-server export, the line for JSON Lines; set
    /// when a report asks for it (``ServerReader/decode(_:hashInput:)``).
    public var sha256: String?
    /// When the export says it was made (DiscordChatExporter's `exportedAt`, as written), if it says so.
    public var exportedAt: String?
    /// A stable key of the record: the first 32 hex digits (128 bits) of the SHA-256 of its bytes, set by
    /// ``ServerReader/decode(_:hashInput:)``. Shards of a split watch list number their records from 1 again; the
    /// key joins their results back.
    public var key: String?

    /// A source; ``sha256`` is filled later, by ``ServerReader/decode(_:hashInput:)`` when asked.
    public init(file: String = "-", record: Int? = nil, format: String? = nil) {
        self.file = file
        self.record = record
        self.format = format
    }

    /// The ``key`` of a record whose bytes have this SHA-256.
    static func key<Digest: Sequence>(of digest: Digest) -> String where Digest.Element == UInt8 {
        Array(digest).prefix(16).hexDigits
    }

    /// `file:record` for a record of a JSON Lines input, else the file: how messages name a source.
    public var display: String {
        record.map { "\(file):\($0)" } ?? file
    }
}
