import Classifier
/// Builds a small server from the lines of a rule example (see `Examples`).
public enum ExampleServer {
    /// - Parameters:
    ///   - lines: the example's lines: `server: …`, `description: …`, `category: …`, `channel: …`, `topic: …`,
    ///     `tags: a, b` (the last channel's forum tags), `flag: nsfw` (the last channel is age-restricted), or a bare
    ///     channel name.
    ///   - transform: applied to the text of every line (not its prefix), to derive evasion variants.
    public static func build(_ lines: [String], transform: (String) -> String = { $0 }) -> Server {
        var server = Server(name: "", source: SourceRef(file: "example"))
        var currentCategory: Int?
        for line in lines {
            let (prefix, untransformed) = split(line)
            let text = transform(untransformed)
            switch prefix {
            case "server":
                server.name = text
            case "description":
                server.description = text
            case "category":
                currentCategory = server.categories.count
                server.categories.append(ChannelCategory(name: text))
            case "topic":
                if server.channels.isEmpty { server.channels.append(Channel(name: "", categoryIndex: currentCategory)) }
                server.channels[server.channels.count - 1].topic = text
            case "tags":
                if server.channels.isEmpty { server.channels.append(Channel(name: "", categoryIndex: currentCategory)) }
                server.channels[server.channels.count - 1].tags = text.split(separator: ",").map {
                    String($0).trimmingLeadingSpaces()
                }
            case "flag":
                // Discord's age-restricted flag is a switch, not text a server can disguise: no transform applies.
                if server.channels.isEmpty { server.channels.append(Channel(name: "", categoryIndex: currentCategory)) }
                server.channels[server.channels.count - 1].nsfw = untransformed == "nsfw"
            default:
                server.channels.append(Channel(name: text, categoryIndex: currentCategory))
            }
        }
        return server
    }

    /// One example line with `transform` applied to its text, prefix kept.
    public static func line(_ line: String, transform: (String) -> String) -> String {
        let (prefix, text) = split(line)
        if prefix == "flag" { return line }
        return prefix.map { "\($0): " + transform(text) } ?? transform(text)
    }

    private static let prefixes = ["server", "description", "category", "channel", "topic", "tags", "flag"]

    private static func split(_ line: String) -> (String?, String) {
        guard let colon = line.firstIndex(of: ":") else { return (nil, line) }
        let prefix = String(line[..<colon])
        guard prefixes.contains(prefix) else { return (nil, line) }
        return (prefix, String(line[line.index(after: colon)...]).trimmingLeadingSpaces())
    }
}

extension String {
    func trimmingLeadingSpaces() -> String {
        String(drop(while: { $0 == " " }))
    }
}
