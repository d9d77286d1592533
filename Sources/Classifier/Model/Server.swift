/// The structure of one chat server, as classify sees it: names and topics only, never messages.
public struct Server: Sendable, Equatable {
    public var id: String?
    public var name: String
    public var description: String?
    public var categories: [ChannelCategory]
    /// Every channel, in input order; a channel's `categoryIndex` points into `categories`.
    public var channels: [Channel]
    public var source: SourceRef
    /// True once ``Redactor`` has masked names and hashed identifiers.
    public var isRedacted = false

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
    public var id: String?
    public var name: String

    public init(id: String? = nil, name: String) {
        self.id = id
        self.name = name
    }
}

/// A channel: text, voice, forum, announcement… Only its name and topic are read.
public struct Channel: Sendable, Equatable {
    public var id: String?
    public var name: String
    public var topic: String?
    /// The kind as the export names it (`text`, `voice`, `forum`, or Discord's numeric type as text).
    public var kind: String
    /// Index into ``Server/categories`` of the parent category, if any.
    public var categoryIndex: Int?
    /// Discord's age-restricted flag (`nsfw: true`): the platform itself marks the channel adult.
    public var nsfw: Bool
    /// A forum channel's tags (Discord `available_tags` names).
    public var tags: [String]

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
    public var file: String
    /// 1-based record (line) number in a JSON Lines input; nil for a whole-file document.
    public var record: Int?
    /// The input format that was detected.
    public var format: String?
    /// SHA-256 (hex) of the record's bytes - the whole file for a one-server export, the line for JSON Lines; set
    /// when a report asks for it (``ServerReader/decode(_:hashInput:)``).
    public var sha256: String?

    public init(file: String = "-", record: Int? = nil, format: String? = nil) {
        self.file = file
        self.record = record
        self.format = format
    }

    public var display: String {
        record.map { "\(file):\($0)" } ?? file
    }
}
