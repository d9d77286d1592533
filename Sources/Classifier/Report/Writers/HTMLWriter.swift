import Foundation

/// The watch-list page (`--format html`): one self-contained file - styles and a small filter script inline, no
/// network - readable with JavaScript off. Flagged servers stream into the table as they come (memory stays flat on
/// any list); the summary, known only at the end, is written last and shown first by the stylesheet: servers per
/// verdict and per category as inline SVG bars, top rules, errors, versions, the date and every input's SHA-256.
public final class HTMLWriter: ReportWriter {
    private let output: ReportOutput
    private let language: ReportLanguage
    private let policy: Policy
    private let redactor: Redactor?
    private let date: Date
    private var verdicts: [Verdict: Int] = [:]
    private var categories: [String: Int] = [:]
    private var rules: [String: Int] = [:]
    private var errors = 0, listed = 0

    /// Writes the page's head and the table's header at once.
    public init(output: ReportOutput, language: ReportLanguage, policy: Policy, redactor: Redactor?, date: Date = Date()) {
        self.output = output
        self.language = language
        self.policy = policy
        self.redactor = redactor
        self.date = date
        output.write(head())
    }

    private func say(_ en: String, _ fr: String) -> String { language == .fr ? fr : en }

    /// Counts the record for the summary and streams its table row; a clear server is counted, not listed.
    public func write(_ record: ReportRenderer.Rendered) {
        if let verdict = record.verdict {
            verdicts[verdict, default: 0] += 1
            for id in record.flagged { categories[id, default: 0] += 1 }
            for rule in record.rules { rules[rule, default: 0] += 1 }
        } else {
            errors += 1
        }
        guard !record.output.isEmpty else { return }
        output.write(record.output + "\n")
        listed += 1
    }

    /// Closes the table and writes the summary (charts, top rules, versions, input files); call once, last.
    public func finish(inputFiles: [(file: String, sha256: String)]) {
        var out = "</table>\n"
        if listed == 0 { out += "<p>" + say("No server reached watch.", "Aucun serveur n'atteint la veille.") + "</p>\n" }
        out += "</section>\n<section class=\"summary\" aria-labelledby=\"summary\">\n<h2 id=\"summary\">"
            + say("Summary", "Synthèse") + "</h2>\n"
        let total = verdicts.values.reduce(0, +)
        out += "<p>" + say("\(total) servers classified, \(listed) listed" + (listed < total ? " (clear ones are counted, not listed; --all lists them)" : ""),
                           "\(total) serveurs classés, \(listed) listés" + (listed < total ? " (les serveurs sans indice sont comptés, pas listés ; --all les liste)" : ""))
            + (errors > 0 ? say(", \(errors) records could not be read", ", \(errors) enregistrements illisibles") : "") + ".</p>\n"
        out += chart(title: say("Servers per verdict", "Serveurs par verdict"),
                     rows: Verdict.allCases.reversed().map { ($0.rawValue, verdicts[$0] ?? 0, "v-" + $0.rawValue) })
        out += chart(title: say("Servers per category (watch or more)", "Serveurs par catégorie (veille ou plus)"),
                     rows: policy.categories.map { ($0.id, categories[$0.id] ?? 0, "cat") })
        let top = rules.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(10)
        if !top.isEmpty {
            out += "<h3>" + say("Top rules", "Règles les plus fréquentes") + "</h3>\n<table><thead><tr><th>"
                + say("rule", "règle") + "</th><th>" + say("servers", "serveurs") + "</th></tr></thead><tbody>\n"
            for (rule, count) in top { out += "<tr><td><code>\(HTMLReport.escape(rule))</code></td><td>\(count)</td></tr>\n" }
            out += "</tbody></table>\n"
        }
        let formatter = ISO8601DateFormatter()
        out += "<p>" + say("Rule packs", "Jeu de règles") + " \(HTMLReport.escape(policy.version)) · classify \(Classifier.version) · "
            + formatter.string(from: date) + "</p>\n"
        if !inputFiles.isEmpty {
            out += "<details><summary>" + say("Input files", "Fichiers d'entrée") + " (\(inputFiles.count), SHA-256)</summary>\n<table><thead><tr><th>"
                + say("file", "fichier") + "</th><th>SHA-256</th></tr></thead><tbody>\n"
            for (file, digest) in inputFiles {
                let shown = file == "-" ? "-" : redactor?.hash(file, kind: "file") ?? file
                out += "<tr><td>\(HTMLReport.escape(shown))</td><td><code>\(digest)</code></td></tr>\n"
            }
            out += "</tbody></table></details>\n"
        }
        out += "<p class=\"notice\">" + say("Verdicts are automated and need a person's review before any report.",
                                             "Les verdicts sont automatiques et doivent être revus par une personne avant tout signalement.")
            + "</p>\n</section>\n</main>\n" + script + "</body>\n</html>\n"
        output.write(out)
    }

    /// Horizontal bars drawn as inline SVG, each with its number written beside it (colour is never the only carrier).
    private func chart(title: String, rows: [(label: String, value: Int, style: String)]) -> String {
        let maximum = max(rows.map(\.value).max() ?? 0, 1)
        let height = rows.count * 24 + 8
        var out = "<figure><figcaption>\(HTMLReport.escape(title))</figcaption>\n"
            + "<svg role=\"img\" aria-label=\"\(HTMLReport.escape(title))\" width=\"560\" height=\"\(height)\" viewBox=\"0 0 560 \(height)\">\n"
        for (index, row) in rows.enumerated() {
            let y = index * 24 + 4
            let width = row.value * 300 / maximum
            out += "<text x=\"0\" y=\"\(y + 15)\">\(HTMLReport.escape(row.label))</text>"
                + "<rect class=\"\(row.style)\" x=\"180\" y=\"\(y)\" width=\"\(max(width, row.value > 0 ? 2 : 0))\" height=\"18\"></rect>"
                + "<text x=\"\(186 + width)\" y=\"\(y + 15)\">\(row.value)</text>\n"
        }
        return out + "</svg></figure>\n"
    }

    private func head() -> String {
        let title = say("classify — watch list report", "classify — rapport de liste de veille")
        return """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
        <title>\(title)</title>
        <style>
        body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fff}
        main{display:flex;flex-direction:column;max-width:1100px;margin:0 auto;padding:1rem}
        .summary{order:1}.servers{order:2}
        h1{font-size:1.4rem}table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid #ddd}
        .verdict{font-weight:600;padding:0 .3rem;border-radius:3px;border:1px solid #888}
        .v-report-authorities{background:#b00020;color:#fff}.v-report-platform{background:#e0700a;color:#000}.v-watch{background:#f3d34a;color:#000}.v-clear{background:#cfe8cf;color:#000}
        svg text{font:13px system-ui,sans-serif;fill:#1d1d1f}rect.cat{fill:#3b6ea5}
        rect.v-report-authorities{fill:#b00020}rect.v-report-platform{fill:#e0700a}rect.v-watch{fill:#d4b020}rect.v-clear{fill:#5a9e5a}
        mark{background:#ffe066;color:#000}.detail>td{border-bottom:2px solid #999}
        .tree,.tree ul{list-style:none;padding-left:1.1rem}.notice{font-style:italic}
        .filters{display:flex;gap:1rem;flex-wrap:wrap;margin:.5rem 0}
        @media print{.filters{display:none}details{display:block}details>*{display:block}}
        </style>
        </head>
        <body>
        <main>
        <h1>\(title)</h1>
        <section class="servers" aria-labelledby="servers">
        <h2 id="servers">\(say("Flagged servers", "Serveurs signalés"))</h2>
        <div class="filters" hidden>
        <label>\(say("Verdict", "Verdict")) <select id="f-verdict"><option value="">\(say("all", "tous"))</option>\(Verdict.allCases.reversed().map { "<option>\($0.rawValue)</option>" }.joined())</select></label>
        <label>\(say("Category", "Catégorie")) <select id="f-category"><option value="">\(say("all", "toutes"))</option>\(policy.categories.map { "<option>\($0.id)</option>" }.joined())</select></label>
        <label>\(say("Rule", "Règle")) <input id="f-rule" type="search" placeholder="minors."></label>
        <button id="f-sort" type="button">\(say("Most urgent first", "Les plus urgents d'abord"))</button>
        </div>
        <table id="servers-table">
        <thead><tr><th scope="col">\(say("verdict", "verdict"))</th><th scope="col">\(say("server", "serveur"))</th><th scope="col">\(say("scores", "scores"))</th><th scope="col">\(say("rules", "règles"))</th></tr></thead>

        """
    }

    /// Filters by verdict, category and rule and sorts by urgency; the page reads the same without it.
    private let script = """
    <script>
    (function(){
      var table=document.getElementById('servers-table');var bar=document.querySelector('.filters');bar.hidden=false;
      var v=document.getElementById('f-verdict'),c=document.getElementById('f-category'),r=document.getElementById('f-rule');
      function apply(){var rows=table.querySelectorAll('tbody.server');for(var i=0;i<rows.length;i++){var b=rows[i];
        var ok=(!v.value||b.dataset.verdict===v.value)&&(!c.value||(' '+b.dataset.categories+' ').indexOf(' '+c.value+' ')>=0)
          &&(!r.value||b.dataset.rules.indexOf(r.value)>=0);b.hidden=!ok;}}
      v.onchange=apply;c.onchange=apply;r.oninput=apply;
      // A link can carry a filter: #verdict=report-authorities&category=minors&rule=minors.&open=1
      var q={};location.hash.slice(1).split('&').forEach(function(p){var kv=p.split('=');if(kv[0])q[kv[0]]=decodeURIComponent(kv[1]||'');});
      if(q.verdict)v.value=q.verdict;if(q.category)c.value=q.category;if(q.rule)r.value=q.rule;apply();
      if(q.open){var d=table.querySelectorAll('tbody.server:not([hidden]) details');for(var j=0;j<d.length;j++)d[j].open=true;}
      var order=['clear','watch','report-platform','report-authorities'];
      document.getElementById('f-sort').onclick=function(){var rows=Array.prototype.slice.call(table.querySelectorAll('tbody.server'));
        rows.sort(function(a,b){return order.indexOf(b.dataset.verdict)-order.indexOf(a.dataset.verdict)||b.dataset.score-a.dataset.score;});
        rows.forEach(function(b){table.appendChild(b);});};
    })();
    </script>

    """
}
