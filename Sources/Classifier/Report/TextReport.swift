/// The text output a moderator reads at a glance: verdict first, then scores, then evidence by category.
public struct TextReport: Sendable {
    /// ANSI colours, for a terminal only.
    public let colour: Bool

    public init(colour: Bool) {
        self.colour = colour
    }

    public func render(_ result: ClassificationResult) -> String {
        var lines: [String] = []
        let server = result.server
        var head = paint(result.verdict.rawValue.uppercased(), verdictColour(result.verdict), bold: true)
        head += "  " + paint(server.name, nil, bold: true)
        head += "  (\(server.source.display)"
        if let id = server.id { head += ", id \(id)" }
        head += ")"
        lines.append(head)
        if result.categories.isEmpty {
            lines.append("  no category shows evidence")
        } else {
            lines.append("  " + result.categories.map { score in
                var text = "\(score.id) \(score.score)"
                if score.score != score.rawScore { text += " (was \(score.rawScore))" }
                return paint(text, verdictColour(score.verdict), bold: false)
            }.joined(separator: " · "))
        }
        for score in result.categories {
            let items = result.evidence.filter { $0.category == score.id }
            guard !items.isEmpty else { continue }
            lines.append("  \(paint(score.id, nil, bold: true)) — typology section \(score.section), "
                         + "\(score.verdict.rawValue)")
            for item in items { lines += evidenceLines(item) }
            if !score.loweredBy.isEmpty { lines.append("    lowered by: \(score.loweredBy.joined(separator: ", "))") }
        }
        let context = result.evidence.filter { !result.categories.map(\.id).contains($0.category) }
        if !context.isEmpty {
            lines.append("  \(paint("counter-evidence", nil, bold: true))")
            for item in context { lines += evidenceLines(item) }
        }
        for error in result.errors {
            lines.append("  " + paint("error: \(error)", "31", bold: false))
        }
        return lines.joined(separator: "\n")
    }

    public func render(_ error: InputError) -> String {
        paint("ERROR", "31", bold: true) + "  " + error.description
    }

    private func evidenceLines(_ item: Evidence) -> [String] {
        var tags: [String] = []
        if item.status == .experimental { tags.append("experimental") }
        if item.indicator { tags.append("indicator") }
        if item.isCounter { tags.append("lowers \(item.lowers.joined(separator: ", "))") }
        let suffix = tags.isEmpty ? "" : "  [\(tags.joined(separator: ", "))]"
        var lines = ["    \(item.rule) (\(item.section), weight \(item.weight))\(suffix)"]
        for part in item.parts {
            let reading = part.viewMatch.map { " (\(part.view.rawValue): \($0))" } ?? ""
            lines.append("      \(part.location.path): «\(paint(part.match, "33", bold: false))»\(reading)")
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
