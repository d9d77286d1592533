/// Why an input could not be turned into a server. Every case names the file (and record, where there is one) so a
/// moderator can find and fix the offending export.
public enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case empty(file: String)
    case malformedJSON(source: SourceRef, line: Int, column: Int, reason: String)
    /// A plain-text outline (`.outline` file) with a line that cannot be placed.
    case malformedOutline(source: SourceRef, line: Int, reason: String)
    case unknownShape(source: SourceRef, found: String)
    case invalidField(source: SourceRef, path: String, reason: String)

    /// Where the record came from; for an unreadable or empty file, only the file is known (no record or format).
    public var source: SourceRef {
        switch self {
        case let .unreadable(file, _), let .empty(file): return SourceRef(file: file)
        case let .malformedJSON(source, _, _, _), let .unknownShape(source, _), let .invalidField(source, _, _),
             let .malformedOutline(source, _, _):
            return source
        }
    }

    /// The message, with untrusted parts (file names, keys, field paths from the export) made visible: a key named
    /// "\nclassify: all clear" cannot forge a line.
    public var description: String { message(in: .en) }

    /// The message in a report language. In French the frame and the reader's reason are translated
    /// (``InputReasonFrench``); field paths stay as they are, being the export's own keys.
    public func message(in language: ReportLanguage) -> String {
        guard language == .fr else { return englishMessage }
        let file = TerminalText.visible(source.file)
        let display = TerminalText.visible(source.display)
        switch self {
        case let .unreadable(_, reason):
            return "\(file) : lecture impossible : \(TerminalText.visible(InputReasonFrench.translate(reason)))"
        case .empty:
            return "\(file) : le fichier est vide : un export de serveur en JSON était attendu"
        case let .malformedJSON(source, line, column, reason):
            if let record = source.record {
                return "\(file) : enregistrement \(record), colonne \(column) : JSON invalide : \(TerminalText.visible(InputReasonFrench.translate(reason)))"
            }
            return "\(file):\(line):\(column) : JSON invalide : \(TerminalText.visible(InputReasonFrench.translate(reason)))"
        case let .malformedOutline(_, line, reason):
            return "\(file):\(line) : plan : \(TerminalText.visible(InputReasonFrench.translate(reason)))"
        case let .unknownShape(_, found):
            return "\(display) : pas un export de serveur connu de classify (\(TerminalText.visible(InputReasonFrench.translate(found)))) ; attendu : "
                + "un tableau de salons Discord, un modèle de serveur Discord, un fichier DiscordChatExporter ou le format "
                + "natif de classify (voir le README)"
        case let .invalidField(_, path, reason):
            return "\(display) : \(TerminalText.visible(path)) : \(TerminalText.visible(InputReasonFrench.translate(reason)))"
        }
    }

    private var englishMessage: String {
        let file = TerminalText.visible(source.file)
        let display = TerminalText.visible(source.display)
        switch self {
        case let .unreadable(_, reason):
            return "\(file): cannot read: \(TerminalText.visible(reason))"
        case .empty:
            return "\(file): the file is empty: expected a server export in JSON"
        case let .malformedJSON(source, line, column, reason):
            if let record = source.record {
                return "\(file): record \(record), column \(column): malformed JSON: \(TerminalText.visible(reason))"
            }
            return "\(file):\(line):\(column): malformed JSON: \(TerminalText.visible(reason))"
        case let .malformedOutline(_, line, reason):
            return "\(file):\(line): outline: \(TerminalText.visible(reason))"
        case let .unknownShape(_, found):
            return "\(display): not a server export classify knows (\(TerminalText.visible(found))); expected a Discord "
                + "channel array, a Discord guild template, a DiscordChatExporter file or classify's native format (see README)"
        case let .invalidField(_, path, reason):
            return "\(display): \(TerminalText.visible(path)): \(TerminalText.visible(reason))"
        }
    }
}
