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
    package static func detect(_ value: JSONValue) -> InputFormat? {
        switch value {
        case let .array(items):
            if items.isEmpty { return .discordChannels }
            if items.allSatisfy({ $0["type"] != nil && $0["name"] != nil }) { return .discordChannels }
            return nil
        case let .object(members):
            if members["serialized_source_guild"]?.objectValue != nil { return .guildTemplate }
            if members["guild"]?.objectValue != nil,
               members["channel"]?.objectValue != nil || members["channels"]?.arrayValue != nil { return .chatExporter }
            if members["name"] != nil, members["categories"] != nil || members["channels"] != nil { return .native }
            return nil
        default:
            return nil
        }
    }
}
