/// The parts of a server structure a rule can read.
public enum Field: String, Sendable, CaseIterable, Codable, Comparable {
    case serverName = "server-name"
    case serverDescription = "server-description"
    case category
    case channel
    case topic
    /// A forum channel's tags (Discord `available_tags`), read as one text: `tag, tag, tag`.
    case tag
    /// A flag the platform set on a channel, read as a fixed word: `nsfw` for Discord's age-restricted channels.
    case flag

    /// Orders fields as declared: server name, description, category, channel, topic, tag, flag.
    public static func < (lhs: Field, rhs: Field) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
