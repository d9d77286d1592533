/// Why an input could not be turned into a server. Every case names the file (and record, where there is one) so a
/// moderator can find and fix the offending export.
public enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case empty(file: String)
    case malformedJSON(source: SourceRef, line: Int, column: Int, reason: String)
    case unknownShape(source: SourceRef, found: String)
    case invalidField(source: SourceRef, path: String, reason: String)

    public var source: SourceRef {
        switch self {
        case let .unreadable(file, _), let .empty(file): return SourceRef(file: file)
        case let .malformedJSON(source, _, _, _), let .unknownShape(source, _), let .invalidField(source, _, _):
            return source
        }
    }

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read: \(reason)"
        case let .empty(file):
            return "\(file): the file is empty: expected a server export in JSON"
        case let .malformedJSON(source, line, column, reason):
            if source.record != nil {
                return "\(source.file): record \(source.record!), column \(column): malformed JSON: \(reason)"
            }
            return "\(source.file):\(line):\(column): malformed JSON: \(reason)"
        case let .unknownShape(source, found):
            return "\(source.display): not a server export classify knows (\(found)); expected a Discord channel "
                + "array, a Discord guild template, a DiscordChatExporter file or classify's native format (see README)"
        case let .invalidField(source, path, reason):
            return "\(source.display): \(path): \(reason)"
        }
    }
}
