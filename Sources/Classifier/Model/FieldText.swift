/// One piece of text of a server, with the field it belongs to and where it sits in the structure.
public struct FieldText: Sendable {
    /// Which part of the server the text is; a rule or signal reads only the fields it names.
    public let field: Field
    /// The text as exported; for ``Field/tag`` the channel's non-empty tags joined by `, `, for ``Field/flag``
    /// ``nsfwFlag``.
    public let text: String
    /// Index of the category this text belongs to (a category name, or a channel inside it).
    public let categoryIndex: Int?
    /// Index of the channel this text belongs to (its name or topic).
    public let channelIndex: Int?

    /// The text that stands for Discord's age-restricted flag, so signals for adult spaces read it as a word.
    public static let nsfwFlag = "nsfw"

    /// Splits a server into the texts rules read, in a stable order: server name, description, then each category
    /// name and each channel's name, topic, forum tags and flags.
    public static func texts(of server: Server) -> [FieldText] {
        var texts: [FieldText] = [FieldText(field: .serverName, text: server.name, categoryIndex: nil, channelIndex: nil)]
        if let description = server.description, !description.isEmpty {
            texts.append(FieldText(field: .serverDescription, text: description, categoryIndex: nil, channelIndex: nil))
        }
        for (index, category) in server.categories.enumerated() {
            texts.append(FieldText(field: .category, text: category.name, categoryIndex: index, channelIndex: nil))
        }
        for (index, channel) in server.channels.enumerated() {
            texts.append(FieldText(field: .channel, text: channel.name, categoryIndex: channel.categoryIndex,
                                   channelIndex: index))
            if let topic = channel.topic, !topic.isEmpty {
                texts.append(FieldText(field: .topic, text: topic, categoryIndex: channel.categoryIndex,
                                       channelIndex: index))
            }
            let tags = channel.tags.filter { !$0.isEmpty }
            if !tags.isEmpty {
                texts.append(FieldText(field: .tag, text: tags.joined(separator: ", "),
                                       categoryIndex: channel.categoryIndex, channelIndex: index))
            }
            if channel.nsfw {
                texts.append(FieldText(field: .flag, text: Self.nsfwFlag, categoryIndex: channel.categoryIndex,
                                       channelIndex: index))
            }
        }
        return texts
    }
}
