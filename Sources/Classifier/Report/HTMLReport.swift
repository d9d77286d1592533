import Foundation

/// One flagged server as an HTML fragment of the watch-list page (`--format html`): a table row that opens on its
/// detail - verdict and why, scores, evidence, and the structure as a tree with the matched words marked. Clear
/// servers render nothing: the page counts them. Every text from the export is escaped, and control and bidi
/// characters are shown, never acted on.
public struct HTMLReport: Sendable {
    /// Language of the words around the data.
    public let language: ReportLanguage

    /// Makes a renderer that writes the words around the data in `language`.
    /// List clear servers too (`--all`).
    public let listClear: Bool

    /// A renderer for one language; with `listClear`, clear servers get a row too.
    public init(language: ReportLanguage, listClear: Bool = false) {
        self.language = language
        self.listClear = listClear
    }

    private var words: ReportWords { language.words }

    /// The row, or "" for a clear server unless ``listClear``.
    public func render(_ result: ClassificationResult) -> String {
        guard result.verdict > .clear || listClear else { return "" }
        let server = result.server
        let flagged = result.categories.filter { $0.verdict > .clear }
        let rules = Array(Set(result.evidence.filter { !$0.isCounter }.map(\.rule))).sorted()
        var out = "<tbody class=\"server\" data-verdict=\"\(result.verdict.rawValue)\" data-categories=\""
            + Self.escape(flagged.map(\.id).joined(separator: " ")) + "\" data-rules=\"" + Self.escape(rules.joined(separator: " "))
            + "\" data-score=\"\(result.categories.map(\.score).max() ?? 0)\">\n<tr><td><span class=\"verdict v-\(result.verdict.rawValue)\">"
            + result.verdict.rawValue + "</span>" + (words.gloss(result.verdict).map { " <small>\(Self.escape($0))</small>" } ?? "")
            + "</td><td>" + Self.escape(server.name) + "<br><small>" + Self.escape(server.source.display) + "</small></td><td>"
            + flagged.map { "\($0.id) <b>\($0.score)</b>" }.joined(separator: "<br>") + "</td><td>"
            + rules.map { "<code>\(Self.escape($0))</code>" }.joined(separator: " ") + "</td></tr>\n"
        out += "<tr class=\"detail\"><td colspan=\"4\"><details><summary>" + Self.escape(words.evidence) + " · "
            + Self.escape(words.why) + "</summary>\n" + detail(result) + "</details></td></tr>\n</tbody>"
        return out
    }

    /// Why, every evidence part, and the structure as a tree with the matched words marked: the body of a server's
    /// detail, on the watch-list page and on a complaint page alike.
    public func detail(_ result: ClassificationResult) -> String {
        var out = "<p>" + words.reasons(result) { "<code>\(Self.escape($0))</code>" }.joined(separator: "; ") + "</p>\n"
        if result.server.isRedacted { out += "<p><em>\(Self.escape(words.redactedNote))</em></p>\n" }
        out += "<table class=\"evidence\"><thead><tr><th>\(words.rule)</th><th>\(words.section)</th><th>\(words.location)</th><th>\(words.match)</th></tr></thead><tbody>\n"
        for evidence in result.evidence {
            for (index, part) in evidence.parts.enumerated() {
                out += "<tr><td>" + (index == 0 ? "<code>\(Self.escape(evidence.rule))</code>"
                                         + (evidence.isCounter ? " (\(words.counterEvidence))" : "") : "")
                    + "</td><td>" + (index == 0 ? Self.escape(evidence.section) : "") + "</td><td>"
                    + Self.escape(words.path(part.location)) + "</td><td><mark>" + Self.escape(part.match) + "</mark></td></tr>\n"
            }
        }
        return out + "</tbody></table>\n" + tree(result)
    }

    /// Categories › channels, with the words that matched marked in each name.
    private func tree(_ result: ClassificationResult) -> String {
        var spans: [String: [Range<Int>]] = [:]
        for part in result.evidence.flatMap(\.parts) {
            let key: String
            switch part.location.field {
            case .category: key = "c\(part.location.categoryIndex ?? -1)"
            case .channel: key = "h\(part.location.channelIndex ?? -1)"
            case .serverName: key = "s"
            default: continue
            }
            spans[key, default: []].append(part.start..<part.end)
        }
        let server = result.server
        var out = "<ul class=\"tree\"><li>" + Self.marked(server.name, spans["s"] ?? []) + "<ul>\n"
        func channels(in category: Int?) -> String {
            server.channels.enumerated().filter { $0.element.categoryIndex == category }.map { index, channel in
                "<li>#" + Self.marked(channel.name, spans["h\(index)"] ?? []) + (channel.nsfw ? " <small>nsfw</small>" : "") + "</li>"
            }.joined(separator: "\n")
        }
        let loose = channels(in: nil)
        if !loose.isEmpty { out += loose + "\n" }
        for (index, category) in server.categories.enumerated() {
            out += "<li>" + Self.marked(category.name, spans["c\(index)"] ?? []) + "<ul>\n" + channels(in: index) + "</ul></li>\n"
        }
        return out + "</ul></li></ul>\n"
    }

    /// `text` escaped, the scalar ranges in `ranges` wrapped in `<mark>`.
    static func marked(_ text: String, _ ranges: [Range<Int>]) -> String {
        guard !ranges.isEmpty else { return escape(text) }
        var out = "", run = String.UnicodeScalarView(), inside = false
        func flush() {
            out += escape(String(run))
            run.removeAll()
        }
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            let covered = ranges.contains { $0.contains(offset) }
            if covered != inside {
                flush()
                out += covered ? "<mark>" : "</mark>"
                inside = covered
            }
            run.append(scalar)
        }
        flush()
        return out + (inside ? "</mark>" : "")
    }

    /// Text safe in HTML content and attribute values: markup characters as entities, control and bidi characters
    /// shown as visible escapes (an export's name must not reorder or hide the page around it).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in TerminalText.visible(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
