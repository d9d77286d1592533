import ArgumentParser
import Classifier
import ClassifierJournal
import Foundation

extension ReportFormat: ExpressibleByArgument {}

extension ReportLanguage: ExpressibleByArgument {}

/// The order results are printed in.
enum ResultOrder: String, ExpressibleByArgument, CaseIterable {
    case input, score
}

/// When text output is coloured.
enum ColourMode: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// `classify [FILE...]`: classify server exports.
struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.say("Classify server exports (the default command).", "Classer des exports de serveurs (la commande par défaut)."),
        discussion: HelpText.say("""
            Reads each FILE or directory (standard input when there is none, or for '-') and prints one result per \
            server, in input order. JSON Lines watch lists and directories are streamed record by record.

            Examples:
              classify server.json                          one server, a report for people
              classify --min-verdict watch watchlist.jsonl  only what needs a look
              classify --format jsonl exports/ > out.jsonl  every server, for tools
              classify --format markdown --lang fr x.json   a report to attach to a complaint
              classify -q --fail-on report-platform x.json  nothing printed; the exit code says
              classify --format html list.jsonl > r.html    one page: charts, flagged servers
              classify --journal watch.sqlite exports/      and keep an anonymised history

            Exit codes: 0 done; 1 a server reached --fail-on; 2 an input, usage or rule-pack error; 3 both a server \
            reached --fail-on and some input could not be read.
            """, """
            Lit chaque FICHIER ou dossier (l'entrée standard s'il n'y en a pas, ou pour '-') et affiche un résultat \
            par serveur, dans l'ordre de l'entrée. Les listes de veille JSON Lines et les dossiers sont lus \
            enregistrement par enregistrement.

            Exemples :
              classify serveur.json                         un serveur, un rapport lisible
              classify --min-verdict watch veille.jsonl     seulement ce qui demande un regard
              classify --format jsonl exports/ > out.jsonl  chaque serveur, pour des outils
              classify --format markdown --lang fr x.json   un rapport à joindre à un signalement
              classify -q --fail-on report-platform x.json  rien d'affiché ; le code de sortie le dit
              classify --format html liste.jsonl > r.html   une page : graphiques, serveurs signalés
              classify --journal veille.sqlite exports/     et garder un historique anonymisé

            Codes de sortie : 0 terminé ; 1 un serveur a atteint --fail-on ; 2 erreur d'entrée, d'usage ou de jeu \
            de règles ; 3 à la fois un serveur a atteint --fail-on et une entrée n'a pas pu être lue.
            """)
    )

    @Argument(help: ArgumentHelp(HelpText.say("Server exports: Discord channel arrays, guild templates, DiscordChatExporter JSON, native JSON, JSON Lines of these, or directories of such files.", "Exports de serveurs : listes de salons Discord, modèles de serveur, JSON de DiscordChatExporter, JSON natif, JSON Lines de ceux-ci, ou dossiers de tels fichiers.")))
    var files: [String] = []

    @OptionGroup var rulesOption: RulesOption

    @Option(help: ArgumentHelp(HelpText.say("Output format: text, json, jsonl, markdown (one report per server, with where to report), csv, or html (one self-contained page for a watch list: summary charts, flagged servers with their evidence).", "Format de sortie : text, json, jsonl, markdown (un rapport par serveur, avec où signaler), csv, ou html (une page autonome pour une liste de veille : graphiques de synthèse, serveurs signalés avec leurs preuves).")))
    var format: ReportFormat = .text

    @Option(help: ArgumentHelp(HelpText.say("Language of text and markdown reports: fr or en (default: from the locale).", "Langue des rapports texte et markdown, et de cette aide : fr ou en (par défaut : celle du système).")))
    var lang: ReportLanguage?

    @Flag(help: ArgumentHelp(HelpText.say("Mask names outside the matched words and replace ids, the server name and file paths by keyed hashes.", "Masquer les noms hors des mots repérés et remplacer les identifiants, le nom du serveur et les chemins par des empreintes à clé.")))
    var redact = false

    @OptionGroup var keyOption: KeyOption

    @Option(help: ArgumentHelp(HelpText.say("Record every server classified in this watch journal (SQLite; `classify journal --help`). Names are masked and ids hashed with the redaction key.", "Enregistrer chaque serveur classé dans ce journal de veille (SQLite ; `classify journal --help`). Les noms sont masqués et les identifiants hachés avec la clé de masquage."), valueName: "PATH"))
    var journal: String?

    @Flag(name: .customLong("journal-keep-names"), help: ArgumentHelp(HelpText.say("Store names in clear in the journal (it says so; a journal keeps names or not for good).", "Garder les noms en clair dans le journal (il le dit ; un journal les garde ou non pour toujours).")))
    var journalKeepNames = false

    @Option(name: .customLong("fail-on"), help: ArgumentHelp(HelpText.say("Exit 1 when any server reaches this verdict (watch, report-platform, report-authorities).", "Sortir avec le code 1 si un serveur atteint ce verdict (watch, report-platform, report-authorities).")))
    var failOn: Verdict?

    @Option(name: [.short, .long], help: ArgumentHelp(HelpText.say("Worker threads (default: every core). The output is the same for any number.", "Fils de travail (par défaut : un par cœur). La sortie est la même quel que soit leur nombre.")))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .customLong("no-prefilter"), help: ArgumentHelp(HelpText.say("Run every pattern on every text instead of only those whose literals occur in it (same results, slower).", "Lancer chaque motif sur chaque texte au lieu des seuls motifs dont les littéraux y figurent (mêmes résultats, plus lent).")))
    var noPrefilter = false

    @Flag(help: ArgumentHelp(HelpText.say("Read every input as JSON Lines (one server a line), whatever its name or first lines.", "Lire chaque entrée comme du JSON Lines (un serveur par ligne), quels que soient son nom ou ses premières lignes.")))
    var jsonl = false

    @Option(name: .customLong("color"), help: ArgumentHelp(HelpText.say("Colours in text output: auto (a terminal, unless NO_COLOR is set or TERM=dumb), always or never.", "Couleurs de la sortie texte : auto (un terminal, sauf si NO_COLOR est défini ou TERM=dumb), always ou never.")))
    var color: ColourMode = .auto

    @Flag(name: .customLong("colour"), help: ArgumentHelp("Same as --color always.", visibility: .hidden))
    var colourAlways = false

    @Option(name: .customLong("min-verdict"), help: ArgumentHelp(HelpText.say("Print only servers at or above this verdict (watch, report-platform, report-authorities); the summary counts the rest.", "N'afficher que les serveurs à ce verdict ou au-dessus (watch, report-platform, report-authorities) ; le résumé compte les autres.")))
    var minVerdict: Verdict?

    @Flag(name: [.short, .long], help: ArgumentHelp(HelpText.say("Print nothing, not even errors: only the exit code says what happened.", "Ne rien afficher, pas même les erreurs : seul le code de sortie dit ce qui s'est passé.")))
    var quiet = false

    @Option(help: ArgumentHelp(HelpText.say("Only the server with this id, this record number (line of a JSON Lines list) or this name.", "Seulement le serveur de cet identifiant, de ce numéro d'enregistrement (ligne d'une liste JSON Lines) ou de ce nom."), valueName: "ID|RECORD|NAME"))
    var select: String?

    @Option(help: ArgumentHelp(HelpText.say("Order of the results: input (as read, streamed) or score (most urgent first: verdict, then highest category score; holds every result until the end, so for finite inputs).", "Ordre des résultats : input (dans l'ordre lu, au fil de l'eau) ou score (le plus urgent d'abord : verdict, puis meilleur score de catégorie ; garde tous les résultats jusqu'à la fin, donc pour des entrées finies)."), valueName: "input|score"))
    var sort: ResultOrder = .input

    @Flag(help: ArgumentHelp(HelpText.say("With --format html: list clear servers too (by default the page counts them without listing them).", "Avec --format html : lister aussi les serveurs clear (par défaut la page les compte sans les lister).")))
    var all = false

    @Flag(name: .customLong("csv-excel"), help: ArgumentHelp(HelpText.say("CSV as French spreadsheets open it: ';' between fields and a UTF-8 byte-order mark.", "CSV comme les tableurs français l'ouvrent : ';' entre les champs et une marque d'ordre d'octets UTF-8.")))
    var csvExcel = false

    @Flag(inversion: .prefixedNo, help: ArgumentHelp(HelpText.say("Progress on standard error while running (default: when standard error is a terminal).", "Progression sur la sortie d'erreur pendant le traitement (par défaut : quand c'est un terminal).")))
    var progress: Bool?

    @Flag(inversion: .prefixedNo, help: ArgumentHelp(HelpText.say("A summary per verdict and category on standard error at the end (default: when standard error is a terminal).", "Un résumé par verdict et catégorie sur la sortie d'erreur à la fin (par défaut : quand c'est un terminal).")))
    var summary: Bool?

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if journalKeepNames, journal == nil { throw ValidationError("--journal-keep-names needs --journal PATH") }
    }

    func run() throws {
        if files.isEmpty, isatty(STDIN_FILENO) == 1 {
            // Waiting in silence for a server typed at the terminal helps nobody.
            Output.error("classify: no input: pass server exports (files or folders), or pipe one in; "
                         + "`classify --help` shows the options and examples")
            throw ExitCode(2)
        }
        if quiet { Output.silence() }
        let classifier = try rulesOption.load(prefilter: !noPrefilter)
        let stream = RecordStream(paths: files.isEmpty ? ["-"] : files, hashFiles: format == .markdown || format == .html)
        stream.forceLines = jsonl
        let language = lang ?? ReportLanguage.fromEnvironment()
        let referrals = format == .markdown ? try rulesOption.referrals(for: classifier) : nil
        let key = redact || journal != nil ? try keyOption.resolve() : nil
        var recorder: JournalRecorder?
        if let journal, let key {
            do {
                recorder = JournalRecorder(journal: try Journal(path: journal, key: key, keepNames: journalKeepNames),
                                           packVersion: classifier.rules.policy.version)
            } catch {
                Output.error("classify: \(error)")
                throw ExitCode(2)
            }
        }
        var options = ReportOptions(language: language, colour: useColour, csvExcel: csvExcel,
                                    redactor: redact ? key.map(Redactor.init(key:)) : nil, referrals: referrals)
        options.listClear = all
        let renderer = ReportRenderer(format: format, policy: classifier.rules.policy, options: options)
        let interactive = isatty(STDERR_FILENO) == 1
        let meter = (progress ?? interactive) && !quiet ? ProgressMeter(language: language) : nil
        // The progress line is cleared before anything else is written, and when a closed pipe ends the run.
        Output.beforeWriting = { meter?.clear() }
        var totals = RunSummary()
        var sawInputError = false
        var reachedFailOn = false
        let formatWriter = renderer.makeWriter(output: Output.standard)
        let writer: ReportWriter = sort == .score ? ScoreOrderWriter(formatWriter) : formatWriter

        let select = self.select
        // Journal rows are masked, hashed and serialised on the workers; the writing thread only inserts them.
        let entryMaker = recorder?.journal.entryMaker
        BatchRunner(classifier: classifier, jobs: jobs, hashInputs: format == .markdown || entryMaker != nil).run(stream, render: { item in
            if let select, !Self.matches(item, select) { return (ReportRenderer.Rendered.skip, nil) }
            guard let entryMaker, case let .classified(result) = item else { return (renderer.render(item), nil) }
            return (renderer.render(item), entryMaker.entry(for: result))
        }, emit: { (rendered: ReportRenderer.Rendered, entry: JournalEntry?) in
            if rendered.skipped { return }
            if let entry { recorder?.add(entry) }
            for message in rendered.messages {
                meter?.clear()
                Output.error(message)
            }
            if let verdict = rendered.verdict {
                totals.add(verdict: verdict, flaggedCategories: rendered.flagged, ruleErrors: rendered.ruleErrors)
                if rendered.warnings > 0 { totals.addWarning() }
                if let failOn, verdict >= failOn { reachedFailOn = true }
                if let minVerdict, verdict < minVerdict {
                    totals.addHidden()
                    // Counted, not printed: a page's summary still counts every server classified.
                    var hidden = rendered
                    hidden.output = ""
                    writer.write(hidden)
                    return
                }
            } else {
                totals.addInputError()
                sawInputError = true
            }
            writer.write(rendered)
        }, progress: { state in
            meter?.update(state)
        })
        writer.finish(inputFiles: stream.fileHashes)
        recorder?.finish()
        Output.flush()
        meter?.clear()
        if summary ?? interactive {
            Output.error(totals.render(categoryOrder: classifier.rules.policy.categories.map(\.id), language: language))
        }
        // Both at once get their own code: a CI gate must not mistake a flagged server for a bad file, or the reverse.
        if sawInputError && reachedFailOn { throw ExitCode(3) }
        if sawInputError { throw ExitCode(2) }
        if reachedFailOn { throw ExitCode(1) }
    }

    /// `--select`: the server's id, its record number in a JSON Lines list, or its name.
    static func matches(_ item: BatchItem, _ wanted: String) -> Bool {
        switch item {
        case let .classified(result):
            let server = result.server
            return server.id == wanted || server.name == wanted || server.source.record.map(String.init) == wanted
        case let .failed(error):
            return error.source.record.map(String.init) == wanted
        }
    }

    /// Colour for `--color auto`: a terminal that has not asked for none (https://no-color.org, TERM=dumb).
    private var useColour: Bool {
        if colourAlways { return true }
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            let environment = ProcessInfo.processInfo.environment
            if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return Output.isTerminal
        }
    }
}

/// Records results in the journal a batch at a time: one transaction per batch, so a run killed midway leaves every
/// batch committed before it, and a failure to write ends the run with an error rather than a silent gap.
final class JournalRecorder {
    let journal: Journal
    let packVersion: String
    private var pending: [JournalEntry] = []
    static let batchSize = 1000

    init(journal: Journal, packVersion: String) {
        self.journal = journal
        self.packVersion = packVersion
    }

    func add(_ entry: JournalEntry) {
        pending.append(entry)
        if pending.count >= Self.batchSize { commit() }
    }

    func finish() { commit() }

    private func commit() {
        guard !pending.isEmpty else { return }
        do {
            try journal.record(entries: pending, packVersion: packVersion)
            pending.removeAll(keepingCapacity: true)
        } catch {
            Output.error("classify: \(error); the journal holds every batch recorded before this one")
            Output.flush()
            Foundation.exit(2)
        }
    }
}

/// The progress line on standard error: records done, rate, and time left when the input size is known.
final class ProgressMeter {
    private var lastDraw = 0.0
    private var drawn = false
    private let french: Bool

    init(language: ReportLanguage) { french = language == .fr }

    func update(_ state: BatchRunner.Progress) {
        guard state.elapsed - lastDraw >= 0.25 || !drawn else { return }
        lastDraw = state.elapsed
        let rate = state.elapsed > 0 ? Double(state.records) / state.elapsed : 0
        var line = french
            ? "classify : \(RunSummary.count(state.records)) enregistrements · \(RunSummary.count(Int(rate)))/s"
            : "classify: \(RunSummary.count(state.records)) records · \(RunSummary.count(Int(rate)))/s"
        if let total = state.totalBytes, total > 0, state.bytesRead > 0 {
            let left = state.elapsed * Double(total - state.bytesRead) / Double(state.bytesRead)
            line += String(format: french ? " · %d %% · %d:%02d restantes" : " · %d%% · %d:%02d left",
                           state.bytesRead * 100 / total, Int(left) / 60, Int(left) % 60)
        }
        Output.writeStandardError("\r\u{1B}[K" + line)
        drawn = true
    }

    func clear() {
        guard drawn else { return }
        Output.writeStandardError("\r\u{1B}[K")
        drawn = false
    }
}
