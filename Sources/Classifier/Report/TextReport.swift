/// The text output a moderator reads at a glance: verdict first, then scores, then evidence by category.
public struct TextReport: Sendable {
    /// ANSI colours, for a terminal only.
    public let colour: Bool
    /// Language of the report's words; verdict and category ids stay as they are (French adds words beside a verdict).
    public let language: ReportLanguage
    private var words: ReportWords { language.words }

    /// A text renderer; `colour` adds ANSI escapes, for a terminal only.
    public init(colour: Bool, language: ReportLanguage = .en) {
        self.colour = colour
        self.language = language
    }

    /// The lines for one server, with no final line end: verdict, scores, evidence by category, counter-evidence
    /// and rule errors. Untrusted text goes through ``TerminalText/visible(_:)``.
    public func render(_ result: ClassificationResult) -> String {
        var lines: [String] = []
        let server = result.server
        var head = paint(result.verdict.rawValue.uppercased(), verdictColour(result.verdict), bold: true)
        if let gloss = words.gloss(result.verdict) { head += " (\(gloss))" }
        // Every untrusted string is made visible before it reaches the terminal (TerminalText).
        let show = TerminalText.visible
        head += "  " + paint(show(server.name), nil, bold: true)
        head += "  (\(show(server.source.display))"
        if let id = server.id { head += ", id \(show(id))" }
        head += ")"
        lines.append(head)
        for warning in result.warnings { lines.append("  " + paint("warning: " + warning, "33", bold: false)) }
        if result.categories.isEmpty {
            lines.append("  " + words.noEvidence)
        } else {
            lines.append("  " + result.categories.map { score in
                var text = "\(score.id) \(score.score)"
                if score.score != score.rawScore { text += " (\(words.was) \(score.rawScore))" }
                return paint(text, verdictColour(score.verdict), bold: false)
            }.joined(separator: " · "))
        }
        for score in result.categories {
            let items = result.evidence.filter { $0.category == score.id }
            guard !items.isEmpty else { continue }
            lines.append("  \(paint(score.id, nil, bold: true)) — \(words.typologySection) \(score.section), "
                         + "\(score.verdict.rawValue)")
            for item in items { lines += evidenceLines(item) }
            if !score.loweredBy.isEmpty { lines.append("    \(words.loweredBy): \(score.loweredBy.joined(separator: ", "))") }
        }
        let context = result.evidence.filter { !result.categories.map(\.id).contains($0.category) }
        if !context.isEmpty {
            lines.append("  \(paint(words.counterEvidence, nil, bold: true))")
            for item in context { lines += evidenceLines(item) }
        }
        for error in result.errors {
            lines.append("  " + paint("\(words.error): \(TerminalText.visible(error.description))", "31", bold: false))
        }
        return lines.joined(separator: "\n")
    }

    /// One `ERROR` line for a record that could not be read, with no line end.
    public func render(_ error: InputError) -> String {
        paint("ERROR", "31", bold: true) + "  " + TerminalText.visible(error.description)
    }

    private func evidenceLines(_ item: Evidence) -> [String] {
        var tags: [String] = []
        if item.status == .experimental { tags.append(words.experimental) }
        if item.indicator { tags.append(words.indicator) }
        if item.isCounter { tags.append("\(words.lowers) \(item.lowers.joined(separator: ", "))") }
        let suffix = tags.isEmpty ? "" : "  [\(tags.joined(separator: ", "))]"
        var lines = ["    \(item.rule) (\(item.section), \(words.weight) \(item.weight))\(suffix)"]
        for part in item.parts {
            let reading = part.viewMatch.map { " (\(part.view.rawValue): \(TerminalText.visible($0)))" } ?? ""
            lines.append("      \(TerminalText.visible(words.path(part.location))): "
                         + "«\(paint(TerminalText.visible(part.match), "33", bold: false))»\(reading)")
        }
        return lines
    }

    private func verdictColour(_ verdict: Verdict) -> String? {
        switch verdict {
        case .clear: return "32"
        case .watch: return "33"
        case .reportPlatform: return "35"
        case .reportAuthorities: return "31"
        }
    }

    private func paint(_ text: String, _ code: String?, bold: Bool) -> String {
        guard colour, code != nil || bold else { return text }
        var codes: [String] = []
        if bold { codes.append("1") }
        if let code { codes.append(code) }
        return "\u{1B}[\(codes.joined(separator: ";"))m\(text)\u{1B}[0m"
    }
}
