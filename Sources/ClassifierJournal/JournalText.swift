import Classifier
import Foundation

/// The journal's outputs for people and tools: `list`, `show` and `diff` as text in French or English, and
/// `export` as JSON Lines, CSV or markdown. Names come from the journal (masked unless it keeps names) and are
/// escaped for the terminal, the spreadsheet or the markdown they land in.
public struct JournalText: Sendable {
    /// Language of the words around the data.
    public let language: ReportLanguage

    /// Makes a formatter that writes the words around the data in `language`.
    public init(language: ReportLanguage) {
        self.language = language
    }

    private func say(_ en: String, _ fr: String) -> String { language == .fr ? fr : en }

    /// One line per server: hash, first and last seen, scans, latest verdict, trend, name.
    public func list(_ servers: [JournalServer]) -> String {
        guard !servers.isEmpty else { return say("the journal holds no scan yet", "le journal ne contient encore aucun scan") + "\n" }
        var lines = [[say("server", "serveur"), say("first seen", "vu la 1re fois"), say("last seen", "vu la dernière fois"),
                      "scans", "verdict", say("trend", "tendance"), say("name", "nom")].joined(separator: "\t")]
        for server in servers {
            lines.append([server.server, server.firstSeen, server.lastSeen, String(server.scans), server.verdict.rawValue,
                          server.trend, TerminalText.visible(server.name)].joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every scan of one server, newest first.
    public func show(_ scans: [JournalScan]) -> String {
        guard let first = scans.first else { return "" }
        var lines = ["\(say("server", "serveur")) \(first.server) — \(TerminalText.visible(first.name)) — \(scans.count) scans"]
        for scan in scans {
            let scores = scan.scores.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            lines.append("  \(scan.scannedAt)  \(scan.verdict.rawValue)  [\(scores.isEmpty ? "-" : scores)]  "
                         + "\(say("packs", "règles")) \(scan.packVersion)"
                         + (scan.inputSHA256.map { "  sha256 \($0.prefix(12))…" } ?? ""))
            if !scan.rules.isEmpty { lines.append("      " + scan.rules.joined(separator: " ")) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What changed between two scans, the evasion a moderator must see first: a verdict that dropped beside a rename.
    public func diff(_ diff: JournalDiff?) -> String {
        guard let diff else { return say("a single scan: nothing to compare yet", "un seul scan : rien à comparer encore") + "\n" }
        var lines = ["\(say("server", "serveur")) \(diff.to.server): \(diff.from.scannedAt) → \(diff.to.scannedAt)"]
        if diff.from.verdict != diff.to.verdict {
            let direction = diff.to.verdict > diff.from.verdict ? say("escalated", "monté") : say("dropped", "baissé")
            lines.append("  verdict \(direction): \(diff.from.verdict.rawValue) → \(diff.to.verdict.rawValue)")
        } else {
            lines.append("  verdict \(say("unchanged", "inchangé")): \(diff.to.verdict.rawValue)")
        }
        for change in diff.scoreChanges {
            lines.append("  \(say("score", "score")) \(change.category): \(change.before) → \(change.after)")
        }
        for rule in diff.rulesStarted { lines.append("  + \(say("rule started firing", "règle déclenchée")): \(rule)") }
        for rule in diff.rulesStopped { lines.append("  - \(say("rule stopped firing", "règle plus déclenchée")): \(rule)") }
        for entry in diff.added { lines.append("  + \(word(entry.kind)) \(say("added", "ajouté")): \(TerminalText.visible(entry.name))") }
        for entry in diff.removed { lines.append("  - \(word(entry.kind)) \(say("removed", "supprimé")): \(TerminalText.visible(entry.name))") }
        for (before, after) in diff.renamed {
            lines.append("  ~ \(word(after.kind)) \(say("renamed", "renommé")): \(TerminalText.visible(before.name)) → \(TerminalText.visible(after.name))")
        }
        if !diff.structureCompared {
            lines.append("  ? " + say("channels not compared: the earlier scan was recorded by a classify before 0.4 (2026.11.19), which keyed them otherwise",
                                      "salons non comparés : le scan précédent a été enregistré par un classify antérieur à 0.4 (2026.11.19), qui les identifiait autrement"))
        }
        if !diff.renamed.isEmpty || !diff.removed.isEmpty, diff.to.verdict < diff.from.verdict {
            lines.append("  ! " + say("channels renamed or removed and the verdict dropped: a possible evasion after a report",
                                      "salons renommés ou supprimés et verdict en baisse : possible contournement après un signalement"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func word(_ kind: String) -> String {
        kind == "category" ? say("category", "catégorie") : say("channel", "salon")
    }

    /// One JSON object per scan: its facts and the result as `--format jsonl` printed it.
    public func jsonLines(_ scans: [JournalScan]) -> String {
        scans.map { scan in
            var object = JSONOutput.object([
                ("server", .string(scan.server)), ("scanned_at", .string(scan.scannedAt)),
                ("input_sha256", Self.optional(scan.inputSHA256)),
                ("pack_version", .string(scan.packVersion)), ("classify_version", .string(scan.classifyVersion)),
                ("verdict", .string(scan.verdict.rawValue)),
                ("scores", .object(scan.scores.sorted { $0.key < $1.key }.map { ($0.key, JSONOutput.int($0.value)) })),
                ("rules", .array(scan.rules.map { JSONOutput.string($0) })),
                ("structure", .array(scan.structure.map { entry -> JSONOutput in
                    JSONOutput.object([("kind", .string(entry.kind)), ("id", .string(entry.id)),
                             ("parent", Self.optional(entry.parent)), ("name", .string(entry.name))])
                })),
            ]).serialized()
            // The stored report is already a JSON object: spliced in as it is.
            object.removeLast()
            return object + ",\"report\":" + scan.report + "}"
        }.joined(separator: "\n") + (scans.isEmpty ? "" : "\n")
    }

    private static func optional(_ text: String?) -> JSONOutput {
        text.map(JSONOutput.string) ?? .null
    }

    /// One row per scan, for a spreadsheet (fields guarded against formula injection).
    public func csv(_ scans: [JournalScan]) -> String {
        var rows = [["server", "scanned_at", "verdict", "scores", "rules", "name", "input_sha256", "pack_version", "classify_version"]]
        for scan in scans {
            rows.append([scan.server, scan.scannedAt, scan.verdict.rawValue,
                         scan.scores.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "),
                         scan.rules.joined(separator: " "), scan.name, scan.inputSHA256 ?? "", scan.packVersion,
                         scan.classifyVersion])
        }
        return rows.map { $0.map { CSVReport.field($0) }.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A timeline per server fit to attach to a complaint: dates, verdicts, scores, input hashes and pack versions.
    public func markdown(_ scans: [JournalScan], keepsNames: Bool) -> String {
        var out = "# " + say("Watch journal", "Journal de veille") + "\n\n"
        out += "_" + say("Verdicts are automated and need a person's review. ",
                         "Les verdicts sont automatiques et doivent être revus par une personne. ")
        out += (keepsNames ? say("This journal keeps names in clear.", "Ce journal conserve les noms en clair.")
                           : say("Names are masked and ids are keyed hashes.", "Les noms sont masqués et les identifiants sont des empreintes à clé.")) + "_\n"
        var byServer: [(String, [JournalScan])] = []
        for scan in scans {
            if byServer.last?.0 == scan.server { byServer[byServer.count - 1].1.append(scan) } else { byServer.append((scan.server, [scan])) }
        }
        for (server, history) in byServer {
            out += "\n## \(say("Server", "Serveur")) `\(server)` — \(MarkdownReport.inline(history.last?.name ?? ""))\n\n"
            out += "| \(say("date", "date")) | verdict | scores | \(say("rules", "règles")) | \(say("rule packs", "règles (version)")) | SHA-256 |\n"
            out += "|---|---|---|---|---|---|\n"
            for scan in history {
                let scores = scan.scores.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                out += "| \(scan.scannedAt) | `\(scan.verdict.rawValue)` | \(scores.isEmpty ? "—" : scores) | "
                    + "\(scan.rules.map { "`\($0)`" }.joined(separator: " ")) | \(scan.packVersion) | "
                    + "\(scan.inputSHA256.map { "`\($0)`" } ?? "—") |\n"
            }
        }
        return out
    }
}
