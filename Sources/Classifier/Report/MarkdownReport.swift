import Foundation

/// One report per server, fit to attach to a report to a platform or the police: verdict and why, scores, evidence
/// with rule ids and typology sections, the input's SHA-256, the rule-pack version, the date, and where to report.
public struct MarkdownReport: Sendable {
    /// Language of headings and sentences; ids, verdicts and the words matched stay as they are.
    public let language: ReportLanguage
    /// The rule set's policy: category titles, and the rule-pack version each report quotes.
    public let policy: Policy
    /// Where to report, listed at the end of each report for the verdict and categories it applies to.
    public let referrals: Referrals
    /// When the report is made, `YYYY-MM-DD HH:MM UTC`.
    public let date: String

    /// A markdown renderer.
    /// - Parameters:
    ///   - language: of headings and sentences.
    ///   - policy: the rule set's policy, for category titles and the rule-pack version.
    ///   - referrals: where to report; an empty list prints that none is needed.
    ///   - date: the moment written in each report, in UTC to the minute (default: now).
    public init(language: ReportLanguage, policy: Policy, referrals: Referrals, date: Date = Date()) {
        self.language = language
        self.policy = policy
        self.referrals = referrals
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        self.date = formatter.string(from: date)
    }

    private var words: ReportWords { language.words }

    /// The report for one server, ending in a line end. Names are escaped so they cannot break a table or start
    /// markup; redaction is the caller's job (``Redactor``).
    public func render(_ result: ClassificationResult) -> String {
        let server = result.server
        var lines = ["## \(words.reportTitle): \(Self.inline(server.name)) — `\(result.verdict.rawValue)`", ""]
        if server.isRedacted { lines += ["_\(words.redactedNote)_", ""] }
        lines.append("- **\(words.verdict)**: `\(result.verdict.rawValue)`" + (words.gloss(result.verdict).map { " (\($0))" } ?? ""))
        lines.append("- **\(words.why)**: " + why(result).joined(separator: "; "))
        var input = "- **\(words.input)**: \(words.file) `\(Self.code(server.source.file))`"
        if let record = server.source.record { input += ", \(words.record) \(record)" }
        if let format = server.source.format { input += ", \(format)" }
        if let id = server.id { input += ", id `\(Self.code(id))`" }
        lines.append(input)
        if let time = server.source.exportedAt { lines.append("- **\(words.exportedAt)**: \(Self.inline(time))") }
        if let sha = server.source.sha256 { lines.append("- **\(words.inputHash)** (\(words.inputHashNote)): `\(sha)`") }
        lines.append("- **\(words.rulePack)**: \(policy.version) (classify \(Classifier.version))")
        lines.append("- **\(words.date)**: \(date)")
        // Links a platform can act on: Discord snowflakes only (never under --redact, where ids are keyed hashes).
        if let guild = DiscordLinks.server(server) {
            let links = [guild] + DiscordLinks.evidenceChannels(result).compactMap(\.link)
            lines.append("- **\(words.links)**: " + links.map { "<\($0)>" }.joined(separator: " "))
        }
        if result.verdict > .clear { lines.append("- _\(words.automatedNotice)_") }

        lines += ["", "### \(words.categories)", ""]
        if result.categories.isEmpty {
            lines.append(words.noEvidence)
        } else {
            lines.append("| \(words.category) | \(words.section) | \(words.score) | \(words.verdict.lowercased()) |")
            lines.append("|---|---|---|---|")
            for score in result.categories {
                let title = policy.category(score.id).map { " — " + $0.title(language) } ?? ""
                var value = "\(score.score)"
                if score.score != score.rawScore { value += " (\(words.was) \(score.rawScore))" }
                lines.append("| `\(score.id)`\(title) | \(score.section) | \(value) | `\(score.verdict.rawValue)` |")
            }
        }

        if !result.evidence.isEmpty {
            lines += ["", "### \(words.evidence)", ""]
            lines.append("| \(words.rule) | \(words.section) | \(words.location) | \(words.match) | \(words.view) |")
            lines.append("|---|---|---|---|---|")
            for item in result.evidence {
                var rule = "`\(item.rule)`"
                if item.indicator { rule += " (\(words.indicator))" }
                if item.isCounter { rule += " (\(words.lowers) \(item.lowers.joined(separator: ", ")))" }
                if item.status == .experimental { rule += " (\(words.experimental))" }
                for (index, part) in item.parts.enumerated() {
                    let reading = part.viewMatch.map { " → `\(Self.code($0))`" } ?? ""
                    lines.append("| \(index == 0 ? rule : "") | \(index == 0 ? item.section : "") | "
                                 + "\(Self.inline(words.path(part.location))) | `\(Self.code(part.match))`\(reading) | "
                                 + "\(part.view.rawValue) |")
                }
            }
        }
        if !result.errors.isEmpty {
            lines += ["", "### \(words.errorsHeading)", ""]
            lines += result.errors.map { "- \(Self.inline($0.description))" }
        }

        lines += ["", "### \(words.whereToReport)", ""]
        let applicable = referrals.applicable(to: result)
        if applicable.isEmpty {
            lines.append(words.noReferral)
        } else {
            for referral in applicable {
                lines.append("- **\(referral.name[language] ?? referral.id)** — <\(referral.url)>  ")
                lines.append("  \(referral.note[language] ?? "")")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The closing table of a markdown run: every input file and its SHA-256 (paths hashed under `--redact`).
    public func inputFiles(_ hashes: [(file: String, sha256: String)], redactor: Redactor?) -> String {
        var lines = ["## \(words.inputFiles)", "", "| \(words.file) | SHA-256 |", "|---|---|"]
        for (file, digest) in hashes {
            let shown = file == "-" ? "-" : redactor?.hash(file, kind: "file") ?? file
            lines.append("| `\(Self.code(shown))` | `\(digest)` |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The reasons behind the verdict, one per category that asks for more than clear.
    func why(_ result: ClassificationResult) -> [String] {
        words.reasons(result) { "`\($0)`" }
    }

    /// Text that cannot break a table or start markup.
    public static func inline(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        // Control and bidi characters shown, not acted on (a report is read in terminals and viewers too). Scalars,
        // not Characters: grapheme breaking made long names cost seconds per report.
        for scalar in TerminalText.visible(text).unicodeScalars {
            switch scalar {
            case "|", "\\", "`", "*", "_", "[", "]", "<", ">", "#":
                out.append("\\")
                out.append(scalar)
            case "\n", "\r": out.append(" ")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Text inside a code span: backticks and bars cannot close it or break the table.
    static func code(_ text: String) -> String {
        // Character by character: Foundation's replacingOccurrences mishandles some strings (NUL, for one).
        String(TerminalText.visible(text).map { character -> Character in
            switch character {
            case "`": return "ˋ"
            case "|": return "¦"
            case "\n", "\r", "\r\n": return " "
            default: return character
            }
        })
    }
}
