import Foundation

/// Deterministic synthetic watch lists: guild-template JSON Lines with realistic community vocabulary and about 1%
/// abusive servers built from the typology's indicator words. The same seed always gives the same bytes.
struct WatchListGenerator {
    private var random: SplitMix64
    /// Fraction of servers that get an abusive category.
    let abusiveRate: Double

    /// The mix measured on real layouts (`--realistic`), or nil for the original lists (whose bytes stay as they were).
    let mix: RealisticMix?

    init(seed: UInt64, abusiveRate: Double = 0.01, mix: RealisticMix? = nil) {
        random = SplitMix64(seed: seed)
        self.abusiveRate = abusiveRate
        self.mix = mix
    }

    private static let serverWords = ["Gaming", "Chill", "Café", "Community", "Squad", "Lounge", "Hub", "Crew",
                                      "Guild", "Family", "Club", "Zone", "Town", "Nation", "Studio", "Lab", "FR", "EU"]
    private static let serverNames = ["Pixel", "Nova", "Luna", "Echo", "Orbit", "Atlas", "Bloom", "Maple", "Drift",
                                      "Ember", "Frost", "Koi", "Neon", "Onyx", "Sol", "Tide", "Vega", "Zen"]
    private static let categories = ["INFOS", "GÉNÉRAL", "GENERAL", "COMMUNITY", "GAMING", "MUSIC", "VOICE", "STAFF",
                                     "ÉVÉNEMENTS", "EVENTS", "MEDIA", "SUPPORT", "FUN", "ROLEPLAY", "ART", "DEV",
                                     "TEXT CHANNELS", "VOICE CHANNELS", "WELCOME", "ARCHIVES"]
    private static let channels = ["general", "rules", "announcements", "welcome", "memes", "off-topic", "clips",
                                   "screenshots", "valorant", "minecraft", "lfg", "music", "bot-commands",
                                   "suggestions", "règles", "annonces", "général", "présentations", "fan-art",
                                   "médias", "giveaways", "events", "polls", "art", "pets", "food", "anime", "manga",
                                   "movies", "series", "books", "coding", "help", "support", "tickets", "logs",
                                   "mod-chat", "staff-only", "voice-chat", "lounge", "gaming-news", "patch-notes",
                                   "tournoi", "classement", "devoirs", "photos-vacances", "selfies",
                                   "counting", "starboard", "self-promo", "partenariats", "boosts", "vocal-1"]
    /// Innocent channels that share words with the typology, found now and then in real communities.
    private static let traps = ["leaks-gta6", "nsfw-memes", "teen-chat", "school-help", "photos-famille",
                                "deepfake-memes", "tribute-band", "cp-ce1", "18+"]
    private static let decorations = ["💬・", "┃", "📢-", "🎮│", "✨", "➤", "『", "⭐・"]
    private static let topics = ["Be nice and follow the rules", "Pas de spam ni de pub", "Share your best clips",
                                 "Discussions générales", "Post your memes here", "Read before posting",
                                 "Annonces officielles du serveur", "No NSFW, no drama", "Ask for help here"]
    /// Abusive categories: indicator words as a moderator would see them (see Fixtures/).
    private static let abusive: [(String, [String])] = [
        ("LEAKS", ["demande-leak", "nudes-leaks", "packs-influenceuses", "mega-links"]),
        ("TRIBUTES", ["cumtribs", "rate-her-body", "preuves-tributes"]),
        ("SCRED IRL", ["scred-irl", "envoyez-vos-potes", "vestiaires-lycée"]),
        ("DEEPFAKES", ["nudify-bot", "fake-influ", "deepfake-custom"]),
        ("CONTENU", ["teen-nudes", "pas-de-limite-d-age"]),
        ("NSFW", ["nsfw", "nudes-de-tes-ex", "sans-sources"]),
        ("💦・ʟᴇᴀᴋꜱ・💦", ["𝓷𝓾𝓭𝓮𝓼", "demande-l.e.a.k"]),
    ]

    struct Stats {
        var servers = 0
        var names = 0
        var topics = 0
        var bytes = 0
    }

    /// Plain and accented channel names, drawn apart so the realistic mix gets its measured share of each.
    private static let plainChannels = channels.filter { $0.utf8.count == $0.unicodeScalars.count }
    private static let accentedChannels = channels.filter { $0.utf8.count != $0.unicodeScalars.count }
        + ["vidéos", "créations", "sondages", "entraide", "événements", "règlement", "débats", "écoute"]
    private static let plainCategories = categories.filter { $0.utf8.count == $0.unicodeScalars.count }
    private static let accentedCategories = ["GÉNÉRAL", "ÉVÉNEMENTS", "CRÉATIONS", "DÉTENTE", "RÔLES"]
    /// Decorations as real servers wear them: before, around, or spelled in styled letters.
    private static let realisticDecorations = ["💬・", "┃", "📢-", "🎮│", "✨", "➤", "『", "⭐・", "🔊┃", "📌 ", "╭・", "🌸꒱",
                                               "・゜", "🎵︱", "│📁", "┊🍃"]

    /// One server as one JSON line (guild-template shape), and the names it holds.
    mutating func nextLine(index: Int) -> (line: String, names: Int, topics: Int) {
        if let mix { return realisticLine(index: index, mix: mix) }
        let name = pick(Self.serverNames) + " " + pick(Self.serverWords)
        let categoryCount = 2 + Int(random.next() % 6)
        var categoryList: [(String, [String])] = []
        for _ in 0..<categoryCount {
            let count = 2 + Int(random.next() % 8)
            var list: [String] = []
            for _ in 0..<count {
                var channel = pick(Self.channels)
                if random.next() % 5 == 0 { channel = pick(Self.decorations) + channel }
                list.append(channel)
            }
            categoryList.append((pick(Self.categories), list))
        }
        let (channels, names, topics) = finishChannels(categoryList) { $0 % 4 == 0 }
        return (templateLine(index: index, name: name, channels: channels), names, topics)
    }

    /// Adds the occasional trap channel and abusive category, then writes every category and channel as the
    /// template's channel objects; `hasTopic` reads one draw per channel. The counts include the server's name.
    private mutating func finishChannels(_ categories: [(String, [String])], hasTopic: (UInt64) -> Bool)
        -> (channels: [String], names: Int, topics: Int) {
        var categoryList = categories
        var channels: [String] = []
        var id = 1
        var names = 1
        var topics = 0
        if random.next() % 20 == 0 {
            let index = Int(random.next() % UInt64(categoryList.count))
            categoryList[index].1.append(pick(Self.traps))
        }
        if Double(random.next() % 10_000) / 10_000 < abusiveRate {
            let (category, list) = pick(Self.abusive)
            categoryList.insert((category, list), at: Int(random.next() % UInt64(categoryList.count + 1)))
        }
        for (category, list) in categoryList {
            let parent = id
            channels.append(#"{"id":\#(id),"type":4,"name":\#(Self.quote(category)),"topic":null,"parent_id":null,"position":\#(id),"permission_overwrites":[]}"#)
            id += 1
            names += 1
            for channel in list {
                var topic = "null"
                if hasTopic(random.next()) {
                    topic = Self.quote(pick(Self.topics))
                    topics += 1
                }
                channels.append(#"{"id":\#(id),"type":0,"name":\#(Self.quote(channel)),"topic":\#(topic),"parent_id":\#(parent),"position":\#(id),"nsfw":false,"rate_limit_per_user":0,"permission_overwrites":[]}"#)
                id += 1
                names += 1
            }
        }
        return (channels, names, topics)
    }

    /// The guild-template line around the channel objects (its usage count is one more draw).
    private mutating func templateLine(index: Int, name: String, channels: [String]) -> String {
        #"{"code":"t\#(index)","name":\#(Self.quote(name)),"description":null,"usage_count":\#(random.next() % 500),"serialized_source_guild":{"name":\#(Self.quote(name)),"description":null,"region":null,"verification_level":1,"default_message_notifications":1,"roles":[{"id":0,"name":"@everyone","permissions":"1071698660929","color":0,"hoist":false,"mentionable":false}],"channels":[\#(channels.joined(separator: ","))]}}"#
    }

    /// A server drawn with the measured mix: categories per server and channels per category around the real
    /// means, decorated and accented names and topics at their real shares.
    private mutating func realisticLine(index: Int, mix: RealisticMix) -> (line: String, names: Int, topics: Int) {
        // Uniform draws whose means are the measured ones.
        let categoryCount = 1 + Int(random.next() % UInt64(max(1, Int((mix.categoriesPerServer * 2 - 1).rounded()))))
        let perCategory = max(1, Int((mix.channelsPerCategory * 2 - 1).rounded()))
        var categoryList: [(String, [String])] = []
        for _ in 0..<categoryCount {
            var list: [String] = []
            for _ in 0..<(1 + Int(random.next() % UInt64(perCategory))) {
                list.append(realisticName(Self.plainChannels, Self.accentedChannels, mix: mix))
            }
            categoryList.append((realisticName(Self.plainCategories, Self.accentedCategories, mix: mix), list))
        }
        let (channels, names, topics) = finishChannels(categoryList) { Double($0 % 10_000) / 10_000 < mix.topicsPerChannel }
        var name = pick(Self.serverNames) + " " + pick(Self.serverWords)
        if Double(random.next() % 10_000) / 10_000 < mix.decoratedShare { name = pick(Self.realisticDecorations) + name }
        return (templateLine(index: index, name: name, channels: channels), names, topics)
    }

    /// A name: decorated at the measured share, else accented at its share, else plain.
    private mutating func realisticName(_ plain: [String], _ accented: [String], mix: RealisticMix) -> String {
        let draw = Double(random.next() % 10_000) / 10_000
        if draw < mix.decoratedShare {
            let base = pick(random.next() % 4 == 0 ? accented : plain)
            return random.next() % 3 == 0 ? pick(Self.realisticDecorations) + base + " " + pick(Self.realisticDecorations)
                : pick(Self.realisticDecorations) + base
        }
        return pick(draw < mix.decoratedShare + mix.accentedShare ? accented : plain)
    }

    private mutating func pick<T>(_ list: [T]) -> T {
        list[Int(random.next() % UInt64(list.count))]
    }

    private static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// A small, fast, well-mixed PRNG with a fixed algorithm, so generated lists are the same everywhere.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The shares measured on real layouts by `bench/realistic-mix.py` (committed as `bench/realistic-mix.json`).
struct RealisticMix: Decodable {
    let decoratedShare: Double
    let accentedShare: Double
    let topicsPerChannel: Double
    let categoriesPerServer: Double
    let channelsPerCategory: Double

    enum CodingKeys: String, CodingKey {
        case decoratedShare = "decorated_share", accentedShare = "accented_share", topicsPerChannel = "topics_per_channel"
        case categoriesPerServer = "categories_per_server", channelsPerCategory = "channels_per_category"
    }

    /// `bench/realistic-mix.json` beside this source file.
    static func load(_ path: String? = nil) throws -> RealisticMix {
        let file = path ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("realistic-mix.json").path
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: file])
        }
        return try JSONDecoder().decode(RealisticMix.self, from: data)
    }
}
