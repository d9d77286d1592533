import Foundation

/// Deterministic synthetic watch lists: guild-template JSON Lines with realistic community vocabulary and about 1%
/// abusive servers built from the typology's indicator words. The same seed always gives the same bytes.
struct WatchListGenerator {
    private var random: SplitMix64
    /// Fraction of servers that get an abusive category.
    let abusiveRate: Double

    init(seed: UInt64, abusiveRate: Double = 0.01) {
        random = SplitMix64(seed: seed)
        self.abusiveRate = abusiveRate
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

    /// One server as one JSON line (guild-template shape), and the names it holds.
    mutating func nextLine(index: Int) -> (line: String, names: Int, topics: Int) {
        let name = pick(Self.serverNames) + " " + pick(Self.serverWords)
        var channels: [String] = []
        var id = 1
        var names = 1
        var topics = 0
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
                if random.next() % 4 == 0 {
                    topic = Self.quote(pick(Self.topics))
                    topics += 1
                }
                channels.append(#"{"id":\#(id),"type":0,"name":\#(Self.quote(channel)),"topic":\#(topic),"parent_id":\#(parent),"position":\#(id),"nsfw":false,"rate_limit_per_user":0,"permission_overwrites":[]}"#)
                id += 1
                names += 1
            }
        }
        let line = #"{"code":"t\#(index)","name":\#(Self.quote(name)),"description":null,"usage_count":\#(random.next() % 500),"serialized_source_guild":{"name":\#(Self.quote(name)),"description":null,"region":null,"verification_level":1,"default_message_notifications":1,"roles":[{"id":0,"name":"@everyone","permissions":"1071698660929","color":0,"hoist":false,"mentionable":false}],"channels":[\#(channels.joined(separator: ","))]}}"#
        return (line, names, topics)
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
