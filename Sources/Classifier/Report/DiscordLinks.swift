/// Links a platform can act on - `https://discord.com/channels/GUILD[/CHANNEL]` - for the ids an export carries.
/// Only Discord snowflakes get one, and never a redacted server, whose ids are keyed hashes.
enum DiscordLinks {
    /// Discord ids are decimal snowflakes; anything else (a hash, a template code) gets no link.
    static func isSnowflake(_ id: String?) -> Bool {
        guard let id, (15...21).contains(id.count) else { return false }
        return id.allSatisfy(\.isASCII) && id.allSatisfy(\.isNumber)
    }

    /// The server's link, or nil.
    static func server(_ server: Server) -> String? {
        guard !server.isRedacted, isSnowflake(server.id), let guild = server.id else { return nil }
        return "https://discord.com/channels/\(guild)"
    }

    /// The channels the evidence points at, each once in evidence order, with their link when there is one.
    static func evidenceChannels(_ result: ClassificationResult) -> [(channel: Channel, link: String?)] {
        let server = result.server
        let guild = Self.server(server)
        var seen = Set<Int>()
        var out: [(channel: Channel, link: String?)] = []
        for part in result.evidence.flatMap(\.parts) {
            guard let index = part.location.channelIndex, index < server.channels.count, seen.insert(index).inserted else { continue }
            let channel = server.channels[index]
            out.append((channel, guild.flatMap { isSnowflake(channel.id) ? "\($0)/\(channel.id!)" : nil }))
        }
        return out
    }
}
