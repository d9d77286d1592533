import Foundation

/// One server as a printable page to attach to a complaint to a platform or the police (`classify report`): the
/// verdict and why, a notice that it is automated, advice on handling evidence, the server's and channels' ids
/// with Discord links when the export carries them, the evidence and structure, the input and its SHA-256, the
/// rule-pack version, the date, and where to report. Self-contained like the watch-list page; prints cleanly.
public struct ComplaintPage: Sendable {
    /// Language of every word on the page.
    public let language: ReportLanguage
    /// Where to report, per verdict and category.
    public let referrals: Referrals
    /// The rule-pack version that classified the server.
    public let packVersion: String
    /// When the page is made.
    public let date: Date

    /// A page maker for one language; `referrals` come from the rule folder's `referrals.yaml`.
    public init(language: ReportLanguage, referrals: Referrals, packVersion: String, date: Date = Date()) {
        self.language = language
        self.referrals = referrals
        self.packVersion = packVersion
        self.date = date
    }

    private func say(_ en: String, _ fr: String) -> String { language == .fr ? fr : en }

    /// The page for one classified server (already redacted when asked: ids are then hashes and get no link).
    public func render(_ result: ClassificationResult) -> String {
        let server = result.server
        let e = HTMLReport.escape
        let title = say("Report on a server", "Signalement d'un serveur") + " — " + e(server.name)
        var out = """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <title>\(title)</title>
        <style>
        body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:900px;color:#111}
        table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;vertical-align:top;padding:.25rem .4rem;border-bottom:1px solid #ccc}
        .verdict{font-weight:700;padding:0 .3rem;border:1px solid #555;border-radius:3px}.notice{border:2px solid #b00020;padding:.5rem .8rem}
        mark{background:#ffe066;color:#000}.tree,.tree ul{list-style:none;padding-left:1.1rem}code{word-break:break-all}
        @media print{a{color:#000}}
        </style>
        </head>
        <body>
        <h1>\(title)</h1>

        """
        out += "<p class=\"notice\"><strong>" + say("Automated verdict — a person must review it before any report.",
                                                      "Verdict automatique — une personne doit le revoir avant tout signalement.")
            + "</strong> " + say("classify reads only the names of the server, its categories and channels and their topics; it has seen no message and no image.",
                                 "classify ne lit que les noms du serveur, de ses catégories et salons et leurs sujets ; il n'a vu aucun message ni aucune image.") + "</p>\n"
        out += "<p><span class=\"verdict\">" + result.verdict.rawValue + "</span>"
            + (language.words.gloss(result.verdict).map { " — " + e($0) } ?? "") + "</p>\n"
        out += "<h2>" + say("Handling evidence", "Traiter les preuves") + "</h2>\n<ul>\n"
        out += "<li>" + say("Do not download, screenshot or forward images of minors, even to report them: report the link or the server's id.",
                            "Ne téléchargez, ne capturez et ne transférez aucune image de mineur, même pour la signaler : signalez le lien ou l'identifiant du serveur.") + "</li>\n"
        out += "<li>" + say("Keep this page, the export it was made from and its SHA-256 together: they let the platform or the police check what was read.",
                            "Gardez ensemble cette page, l'export d'où elle vient et son SHA-256 : ils permettent à la plateforme ou à la police de vérifier ce qui a été lu.") + "</li>\n"
        out += "<li>" + say("Do not join or interact with the server to gather more.", "Ne rejoignez pas le serveur et n'y intervenez pas pour en savoir plus.") + "</li>\n</ul>\n"
        out += identifiers(result)
        out += "<h2>" + say("Why, and the evidence", "Pourquoi, et les indices") + "</h2>\n" + HTMLReport(language: language).detail(result)
        out += "<h2>" + say("Where to report", "Où signaler") + "</h2>\n"
        let applicable = referrals.applicable(to: result)
        if applicable.isEmpty {
            out += "<p>" + e(language.words.noReferral) + "</p>\n"
        } else {
            out += "<ul>\n"
            for referral in applicable {
                let name = referral.name[language] ?? referral.name[.en] ?? referral.id
                let note = referral.note[language] ?? referral.note[.en] ?? ""
                out += "<li><strong>\(e(name))</strong> — \(e(referral.url))<br>\(e(note))</li>\n"
            }
            out += "</ul>\n"
        }
        let formatter = ISO8601DateFormatter()
        out += "<h2>" + say("Source", "Source") + "</h2>\n<table><tbody>\n"
        out += "<tr><th>" + say("input", "entrée") + "</th><td>\(e(server.source.display))"
            + (server.source.format.map { " (\(e($0)))" } ?? "") + "</td></tr>\n"
        if let time = server.source.exportedAt {
            out += "<tr><th>" + say("exported", "exporté le") + "</th><td>\(e(time)) " + say("(as the export says)", "(selon l'export)") + "</td></tr>\n"
        }
        if let digest = server.source.sha256 { out += "<tr><th>SHA-256</th><td><code>\(digest)</code></td></tr>\n" }
        out += "<tr><th>" + say("rule packs", "jeu de règles") + "</th><td>\(e(packVersion)) (classify \(Classifier.version))</td></tr>\n"
        out += "<tr><th>" + say("made", "établi le") + "</th><td>\(formatter.string(from: date))</td></tr>\n</tbody></table>\n"
        return out + "</body>\n</html>\n"
    }

    /// The server's id and the ids of the channels the evidence points at, with `discord.com/channels` links when
    /// they are Discord snowflakes (never under `--redact`, where ids are keyed hashes).
    private func identifiers(_ result: ClassificationResult) -> String {
        let server = result.server
        let e = HTMLReport.escape
        var out = "<h2>" + say("Identifiers", "Identifiants") + "</h2>\n<table><tbody>\n"
        let guild = DiscordLinks.server(server)
        out += "<tr><th>" + say("server", "serveur") + "</th><td>" + e(server.name) + "</td><td><code>" + e(server.id ?? "—") + "</code>"
            + (guild.map { " <a href=\"\($0)\">\($0)</a>" } ?? "") + "</td></tr>\n"
        for (channel, link) in DiscordLinks.evidenceChannels(result) {
            out += "<tr><th>#</th><td>" + e(channel.name) + "</td><td><code>" + e(channel.id ?? "—") + "</code>"
                + (link.map { " <a href=\"\($0)\">\($0)</a>" } ?? "") + "</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }
}
