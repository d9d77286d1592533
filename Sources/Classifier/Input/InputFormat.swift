/// The export shapes classify reads. The shape is detected from the JSON itself, never declared.
public enum InputFormat: String, Sendable, CaseIterable {
    /// `GET /guilds/{id}/channels`: an array of channel objects; type 4 is a category, `parent_id` links to it.
    case discordChannels = "discord-channels"
    /// A Discord guild template: `serialized_source_guild.channels`, with the template's name and description.
    case guildTemplate = "guild-template"
    /// classify's own small format: `name`, `description`, `categories[].channels[]`, `channels[]`.
    case native
    /// DiscordChatExporter's JSON export: `guild` and `channel` (one file per channel; consecutive files of one guild
    /// make one server). Only this metadata is read, never `messages`.
    case chatExporter = "discord-chat-exporter"

    /// Recognises the shape of a parsed document, or nil when it is none of the known ones.
    package static func detect<Node: JSONNode>(_ value: Node) -> InputFormat? {
        if let items = value.arrayValue {
            if items.isEmpty { return .discordChannels }
            if items.allSatisfy({ $0.member("type") != nil && $0.member("name") != nil }) { return .discordChannels }
            return nil
        }
        guard value.isObject else { return nil }
        if value.member("serialized_source_guild")?.isObject == true { return .guildTemplate }
        if value.member("guild")?.isObject == true,
           value.member("channel")?.isObject == true || value.member("channels")?.arrayValue != nil { return .chatExporter }
        if value.member("name") != nil, value.member("categories") != nil || value.member("channels") != nil { return .native }
        return nil
    }
}
