/// Groups a server's texts into the units a rule's scope allows its parts to be spread over.
enum ScopeUnit: Hashable {
    case text(Int)
    case channel(Int)
    case category(Int)
    /// The channels outside any category, read together as Discord lists them: one unnamed category.
    case uncategorized
    /// The server's name and description.
    case header
    case server

    init(_ text: FieldText, index: Int, scope: Scope) {
        switch scope {
        case .text:
            self = .text(index)
        case .server:
            self = .server
        case .channel:
            if let channel = text.channelIndex { self = .channel(channel) }
            else if let category = text.categoryIndex { self = .category(category) }
            else { self = .header }
        case .category:
            if let category = text.categoryIndex { self = .category(category) }
            else if text.channelIndex != nil { self = .uncategorized }
            else { self = .header }
        }
    }
}
