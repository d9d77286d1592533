/// Turns a parsed JSON document of a known shape into a ``Server``.
package enum ServerDecoder {
    /// Decodes one document, detecting its format. `fallbackName` names a server whose export carries no name
    /// (a bare Discord channel array), usually the file's base name.
    public static func server<Node: JSONNode>(from value: Node, source: SourceRef, fallbackName: String) throws(InputError) -> Server {
        guard let format = InputFormat.detect(value) else {
            throw .unknownShape(source: source, found: value.shapeDescription)
        }
        var source = source
        source.format = format.rawValue
        switch format {
        case .discordChannels:
            let items = value.arrayValue ?? []
            let guildID = items.lazy.compactMap { $0.member("guild_id")?.idValue }.first
            var server = try decodeDiscordChannels(items, path: "", source: source)
            server.id = guildID
            server.name = fallbackName
            return server
        case .guildTemplate:
            let guild = value.member("serialized_source_guild")!
            let items = try array(guild.member("channels"), path: "serialized_source_guild.channels", source: source) ?? []
            var server = try decodeDiscordChannels(items, path: "serialized_source_guild.channels", source: source)
            server.id = value.member("code")?.idValue
            let name = try string(value.member("name"), path: "name", source: source)
            let guildName = try string(guild.member("name"), path: "serialized_source_guild.name", source: source)
            server.name = nonEmpty(name) ?? nonEmpty(guildName) ?? fallbackName
            let description = try string(value.member("description"), path: "description", source: source)
            let guildDescription = try string(guild.member("description"), path: "serialized_source_guild.description", source: source)
            server.description = nonEmpty(description) ?? nonEmpty(guildDescription)
            return server
        case .native:
            return try decodeNative(value, source: source, fallbackName: fallbackName)
        case .chatExporter:
            let channels = value.member("channels")?.arrayValue ?? [value.member("channel")!]
            var server = try decodeChatExporter(guild: value.member("guild")!, channels: channels, source: source,
                                                fallbackName: fallbackName)
            if let time = value.member("exportedAt")?.stringValue, time.utf8.count <= ChatExporterScanner.maxTimestampBytes {
                server.source.exportedAt = time
            }
            return server
        }
    }

    // MARK: - DiscordChatExporter

    /// One server from the `guild` object and the `channel` objects of DiscordChatExporter files. Categories come
    /// from each channel's `categoryId` and `category`.
    static func decodeChatExporter<Node: JSONNode>(guild: Node, channels: [Node], source: SourceRef,
                                   fallbackName: String) throws(InputError) -> Server {
        var source = source
        source.format = InputFormat.chatExporter.rawValue
        guard guild.isObject else {
            throw .invalidField(source: source, path: "guild", reason: "expected an object, found \(guild.kindName)")
        }
        var server = Server(id: guild.member("id")?.idValue,
                            name: nonEmpty(try string(guild.member("name"), path: "guild.name", source: source)) ?? fallbackName,
                            source: source)
        var categoryIndex: [String: Int] = [:]
        for (index, channel) in channels.enumerated() {
            let path = channels.count == 1 ? "channel" : "channel (file \(index + 1))"
            guard channel.isObject else {
                throw .invalidField(source: source, path: path, reason: "expected an object, found \(channel.kindName)")
            }
            var parent: Int?
            if let category = nonEmpty(try string(channel.member("category"), path: path + ".category", source: source)) {
                let key = channel.member("categoryId")?.idValue ?? "name:" + category
                if let known = categoryIndex[key] { parent = known } else {
                    parent = server.categories.count
                    categoryIndex[key] = parent
                    server.categories.append(ChannelCategory(id: channel.member("categoryId")?.idValue, name: category))
                }
            }
            // Matched on bytes: Foundation's String.contains mishandles some strings (NUL, for one).
            let type = Array((channel.member("type")?.stringValue ?? "").lowercased().utf8)
            let kind = LiteralExtractor.contains(type, Array("voice".utf8)) ? "voice"
                : LiteralExtractor.contains(type, Array("thread".utf8)) ? "thread" : "text"
            server.channels.append(Channel(id: channel.member("id")?.idValue,
                                           name: try string(channel.member("name"), path: path + ".name", source: source) ?? "",
                                           topic: try string(channel.member("topic"), path: path + ".topic", source: source),
                                           kind: kind,
                                           categoryIndex: parent))
        }
        return server
    }

    // MARK: - Discord channel objects (API array and guild template)

    private static func decodeDiscordChannels<Node: JSONNode>(_ items: [Node], path: String, source: SourceRef)
        throws(InputError) -> Server {
        var server = Server(name: "", source: source)
        var categoryIndexByID: [String: Int] = [:]
        // Categories first: a channel may come before its parent in the array.
        for (index, item) in items.enumerated() where item.member("type")?.intValue == 4 {
            let name = try string(item.member("name"), path: "\(path)[\(index)].name", source: source) ?? ""
            let id = item.member("id")?.idValue
            if let id { categoryIndexByID[id] = server.categories.count }
            server.categories.append(ChannelCategory(id: id, name: name))
        }
        for (index, item) in items.enumerated() {
            guard item.isObject else {
                throw .invalidField(source: source, path: "\(path)[\(index)]",
                                    reason: "expected a channel object, found \(item.kindName)")
            }
            guard let type = item.member("type")?.intValue else {
                throw .invalidField(source: source, path: "\(path)[\(index)].type",
                                    reason: "expected Discord's numeric channel type")
            }
            if type == 4 { continue }
            let name = try string(item.member("name"), path: "\(path)[\(index)].name", source: source) ?? ""
            let topic = try string(item.member("topic"), path: "\(path)[\(index)].topic", source: source)
            let parent = item.member("parent_id")?.idValue.flatMap { categoryIndexByID[$0] }
            var tags: [String] = []
            for (tagIndex, tag) in (try array(item.member("available_tags"), path: "\(path)[\(index)].available_tags",
                                              source: source) ?? []).enumerated() {
                if let tagName = try string(tag.member("name"), path: "\(path)[\(index)].available_tags[\(tagIndex)].name",
                                            source: source) { tags.append(tagName) }
            }
            server.channels.append(Channel(id: item.member("id")?.idValue, name: name, topic: topic,
                                           kind: discordKind(type), categoryIndex: parent,
                                           nsfw: item.member("nsfw")?.boolValue ?? false, tags: tags))
        }
        return server
    }

    private static func discordKind(_ type: Int) -> String {
        switch type {
        case 0: return "text"
        case 2: return "voice"
        case 5: return "announcement"
        case 10, 11, 12: return "thread"
        case 13: return "stage"
        case 15: return "forum"
        case 16: return "media"
        default: return String(type)
        }
    }

    // MARK: - Native format

    private static func decodeNative<Node: JSONNode>(_ value: Node, source: SourceRef, fallbackName: String)
        throws(InputError) -> Server {
        var server = Server(name: "", source: source)
        server.id = value.member("id")?.idValue
        server.name = try string(value.member("name"), path: "name", source: source) ?? fallbackName
        server.description = try string(value.member("description"), path: "description", source: source)
        for (index, item) in (try array(value.member("categories"), path: "categories", source: source) ?? []).enumerated() {
            let path = "categories[\(index)]"
            let categoryIndex = server.categories.count
            if item.stringValue != nil, let name = try string(item, path: path, source: source) {
                server.categories.append(ChannelCategory(name: name))
                continue
            }
            guard item.isObject else {
                throw .invalidField(source: source, path: path, reason: "expected a category object or name, found \(item.kindName)")
            }
            let name = try string(item.member("name"), path: "\(path).name", source: source) ?? ""
            server.categories.append(ChannelCategory(id: item.member("id")?.idValue, name: name))
            let channels = try array(item.member("channels"), path: "\(path).channels", source: source) ?? []
            for (channelIndex, channel) in channels.enumerated() {
                server.channels.append(try nativeChannel(channel, path: "\(path).channels[\(channelIndex)]",
                                                         categoryIndex: categoryIndex, source: source))
            }
        }
        for (index, channel) in (try array(value.member("channels"), path: "channels", source: source) ?? []).enumerated() {
            server.channels.append(try nativeChannel(channel, path: "channels[\(index)]", categoryIndex: nil, source: source))
        }
        return server
    }

    private static func nativeChannel<Node: JSONNode>(_ value: Node, path: String, categoryIndex: Int?, source: SourceRef)
        throws(InputError) -> Channel {
        if value.stringValue != nil, let name = try string(value, path: path, source: source) {
            return Channel(name: name, categoryIndex: categoryIndex)
        }
        guard value.isObject else {
            throw .invalidField(source: source, path: path, reason: "expected a channel object or name, found \(value.kindName)")
        }
        return Channel(id: value.member("id")?.idValue,
                       name: try string(value.member("name"), path: "\(path).name", source: source) ?? "",
                       topic: try string(value.member("topic"), path: "\(path).topic", source: source),
                       kind: try string(value.member("kind"), path: "\(path).kind", source: source) ?? "text",
                       categoryIndex: categoryIndex,
                       nsfw: value.member("nsfw")?.boolValue ?? false,
                       tags: try tagNames(value.member("tags"), path: "\(path).tags", source: source))
    }

    // MARK: - Field helpers

    /// The strings of a list of tags; other values are left out, as before, but every string is size-checked.
    private static func tagNames<Node: JSONNode>(_ value: Node?, path: String, source: SourceRef) throws(InputError) -> [String] {
        var names: [String] = []
        for (index, tag) in (try array(value, path: path, source: source) ?? []).enumerated() where tag.stringValue != nil {
            if let name = try string(tag, path: "\(path)[\(index)]", source: source) { names.append(name) }
        }
        return names
    }

    /// The most one name, topic, description or tag may take. Chat platforms cap these at a few kilobytes (Discord:
    /// 100 characters for a name, 1 024 for a topic, 4 096 for a forum's guidelines); past this, the text is not a
    /// server's and would only cost memory: every view of it is built and searched.
    public static let maximumTextBytes = 64 << 10

    // `path` is built only for an error: the fast path decodes thousands of fields a second without one.
    private static func string<Node: JSONNode>(_ value: Node?, path: @autoclosure () -> String, source: SourceRef)
        throws(InputError) -> String? {
        guard let value, !value.isNull else { return nil }
        guard let text = value.stringValue else {
            throw .invalidField(source: source, path: path(), reason: "expected a string, found \(value.kindName)")
        }
        let bytes = text.utf8.count
        guard bytes <= maximumTextBytes else {
            throw .invalidField(source: source, path: path(), reason: "is \(bytes) bytes long, over the \(maximumTextBytes / 1024) KiB "
                + "a name, topic or description may take (chat platforms allow a few kilobytes): the record is not read")
        }
        return text
    }

    private static func array<Node: JSONNode>(_ value: Node?, path: @autoclosure () -> String, source: SourceRef)
        throws(InputError) -> [Node]? {
        guard let value, !value.isNull else { return nil }
        guard let items = value.arrayValue else {
            throw .invalidField(source: source, path: path(), reason: "expected an array, found \(value.kindName)")
        }
        return items
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
