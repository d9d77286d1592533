import Foundation

/// The language of the reports people read (text and markdown); JSON, JSON Lines and CSV keep the stable English
/// identifiers whatever the language.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case en, fr

    /// French when the locale says so (LC_ALL, then LC_MESSAGES, then LANG start with `fr`), English otherwise.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> ReportLanguage {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty { return value.lowercased().hasPrefix("fr") ? .fr : .en }
        }
        return .en
    }

    /// Every phrase of the text and markdown reports, in this language.
    public var words: ReportWords { self == .fr ? .french : .english }
}

/// Every phrase of the text and markdown reports, in one language.
public struct ReportWords: Sendable {
    let noEvidence, was, typologySection, loweredBy, counterEvidence, error, experimental, indicator, lowers, weight: String
    let serverName, serverDescription, topic, nsfwFlag: String
    let reportTitle, verdict, why, categories, category, section, score, evidence, rule, location, match, view: String
    let input, file, record, exportedAt, inputHash, inputHashNote, rulePack, date, whereToReport, noReferral, redactedNote: String
    let whyClear, whyWatch, whyIndicatorOnly, whyPlatform, whyAuthorities, errorsHeading, inputFiles: String
    let links, automatedNotice: String
    /// Words beside each verdict's identifier; none in English, where the identifier says it.
    var verdictWords: [Verdict: String] = [:]

    /// What a verdict asks for, in words, beside its stable identifier (which never changes with the language):
    /// nothing in English, where the identifier says it.
    public func gloss(_ verdict: Verdict) -> String? { verdictWords[verdict] }

    /// The reasons behind a verdict, one per category that asks for more than clear, read from the scorer's
    /// ``VerdictReason``; `quote` dresses a category id for the format (a code span, an HTML element).
    public func reasons(_ result: ClassificationResult, quote: (String) -> String) -> [String] {
        var reasons: [String] = []
        for score in result.categories where score.verdict > .clear {
            let id = quote(score.id)
            switch score.reason {
            case .escalation: reasons.append(String(format: whyAuthorities, id))
            case let .reportPlatformThreshold(threshold): reasons.append(String(format: whyPlatform, id, score.score, threshold))
            case .indicatorCap: reasons.append(String(format: whyIndicatorOnly, id))
            case let .watchThreshold(threshold): reasons.append(String(format: whyWatch, id, score.score, threshold))
            case .belowWatch: break
            }
        }
        return reasons.isEmpty ? [whyClear] : reasons
    }

    /// `server name`, `CATEGORY › #channel (topic)`… in this language: the one place a location becomes text (the
    /// engine keeps positions and fields; JSON, CSV and messages use the English words).
    public func path(_ location: Location) -> String {
        switch location.field {
        case .serverName: return serverName
        case .serverDescription: return serverDescription
        case .category: return location.category ?? ""
        case .channel, .topic, .tag, .flag:
            var text = location.category.map { "\($0) › " } ?? ""
            text += "#" + (location.channel ?? "")
            if location.field == .topic { text += " (\(topic))" }
            if location.field == .tag { text += " (tags)" }
            if location.field == .flag { text += " (\(nsfwFlag))" }
            return text
        }
    }

    static let english = ReportWords(
        noEvidence: "no category shows evidence", was: "was", typologySection: "typology section",
        loweredBy: "lowered by", counterEvidence: "counter-evidence", error: "error", experimental: "experimental",
        indicator: "indicator", lowers: "lowers", weight: "weight",
        serverName: "server name", serverDescription: "server description", topic: "topic", nsfwFlag: "nsfw flag",
        reportTitle: "classify report", verdict: "Verdict", why: "Why", categories: "Categories",
        category: "category", section: "section", score: "score", evidence: "Evidence", rule: "rule",
        location: "where", match: "words matched", view: "view",
        input: "Input", file: "file", record: "record", exportedAt: "Exported (as the export says)", inputHash: "SHA-256 of the input",
        inputHashNote: "of the file; of this record's line for JSON Lines; of the guild and channel metadata read for DiscordChatExporter",
        rulePack: "Rule pack", date: "Date", whereToReport: "Where to report", noReferral:
            "No report is needed for this verdict; keep the server on the watch list if it is already there.",
        redactedNote: "Names are masked outside the matched words and identifiers are keyed hashes (--redact).",
        whyClear: "no category reached the watch threshold",
        whyWatch: "%@ scored %d, at or above the watch threshold (%d)",
        whyIndicatorOnly: "%@ is raised by context clues only (indicator rules), which ask for watch at most",
        whyPlatform: "%@ scored %d, at or above the report-platform threshold (%d)",
        whyAuthorities: "a stable %@ rule matched: any evidence that minors are sexualised goes to the authorities, "
            + "whatever the scores",
        errorsHeading: "Errors", inputFiles: "Input files (SHA-256 of each whole file, as sha256sum prints it)",
        links: "Links",
        automatedNotice: "Automated verdict from names only: a person must review it before any report. Never download or forward images of minors; report the link.")

    static let french = ReportWords(
        noEvidence: "aucune catégorie ne présente d'indice", was: "avant", typologySection: "section de la typologie",
        loweredBy: "abaissé par", counterEvidence: "contre-indices", error: "erreur", experimental: "expérimentale",
        indicator: "indice de contexte", lowers: "abaisse", weight: "poids",
        serverName: "nom du serveur", serverDescription: "description du serveur", topic: "sujet", nsfwFlag: "nsfw",
        reportTitle: "rapport classify", verdict: "Verdict", why: "Pourquoi", categories: "Catégories",
        category: "catégorie", section: "section", score: "score", evidence: "Indices", rule: "règle",
        location: "où", match: "mots relevés", view: "vue",
        input: "Entrée", file: "fichier", record: "enregistrement", exportedAt: "Exporté le (selon l'export)", inputHash: "SHA-256 de l'entrée",
        inputHashNote: "du fichier ; de la ligne pour JSON Lines ; des métadonnées guild et channel lues pour DiscordChatExporter",
        rulePack: "Jeu de règles", date: "Date", whereToReport: "Où signaler", noReferral:
            "Aucun signalement n'est nécessaire pour ce verdict ; gardez le serveur en veille s'il y est déjà.",
        redactedNote: "Les noms sont masqués hors des mots relevés et les identifiants sont des empreintes à clé (--redact).",
        whyClear: "aucune catégorie n'atteint le seuil de veille",
        whyWatch: "%@ obtient %d, au moins le seuil de veille (%d)",
        whyIndicatorOnly: "%@ ne repose que sur des indices de contexte (règles indicatrices), qui demandent au plus une veille",
        whyPlatform: "%@ obtient %d, au moins le seuil de signalement à la plateforme (%d)",
        whyAuthorities: "une règle stable de %@ a été déclenchée : tout indice de sexualisation de mineur·es va aux "
            + "autorités, quels que soient les scores",
        errorsHeading: "Erreurs", inputFiles: "Fichiers d'entrée (SHA-256 de chaque fichier entier, comme sha256sum)",
        links: "Liens",
        automatedNotice: "Verdict automatique, tiré des seuls noms : une personne doit le revoir avant tout signalement. Ne téléchargez ni ne transférez jamais d'image de mineur ; signalez le lien.",
        verdictWords: [.clear: "rien à signaler", .watch: "à surveiller", .reportPlatform: "à signaler à la plateforme",
                       .reportAuthorities: "à signaler aux autorités"])
}
