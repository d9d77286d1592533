import ArgumentParser
import Classifier
import ClassifierJournal
import Foundation

/// `classify journal list|show|diff|export`: read the watch journal.
struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: HelpText.say("Read the watch journal: servers watched, their scans, what changed between two scans.", "Lire le journal de veille : serveurs suivis, leurs scans, ce qui a changé entre deux scans."),
        discussion: HelpText.say("Scans are recorded with `classify --journal PATH FILES…`.", "Les scans s'enregistrent avec `classify --journal CHEMIN FICHIERS…`."),
        subcommands: [List.self, Show.self, Diff.self, Export.self]
    )

    struct Options: ParsableArguments {
        @Option(help: ArgumentHelp(HelpText.say("The journal file (default: $XDG_DATA_HOME/classify/journal.sqlite).", "Le fichier du journal (par défaut : $XDG_DATA_HOME/classify/journal.sqlite)."), valueName: "PATH"))
        var journal: String?

        @OptionGroup var key: KeyOption

        @Option(help: ArgumentHelp(HelpText.say("Language of the text: fr or en (default: from the locale).", "Langue du texte : fr ou en (par défaut : celle de la locale).")))
        var lang: ReportLanguage?

        func open() throws -> Journal {
            let path = journal ?? Journal.defaultPath()
            guard FileManager.default.fileExists(atPath: path) else {
                Output.error("classify: \(path): no journal there yet; record scans with `classify --journal \(path) FILES…`")
                throw ExitCode(2)
            }
            do {
                return try Journal(path: path, key: try key.resolve())
            } catch {
                Output.error("classify: \(error)")
                throw ExitCode(2)
            }
        }

        var text: JournalText { JournalText(language: lang ?? ReportLanguage.fromEnvironment()) }
    }

    static func run<T>(_ body: () throws(JournalError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            Output.error("classify: \(error)")
            throw ExitCode(2)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: HelpText.say("One line per server: hash, first and last seen, scans, latest verdict, trend (↑ ↓ =).", "Une ligne par serveur : empreinte, première et dernière vue, scans, dernier verdict, tendance (↑ ↓ =)."))
        @OptionGroup var options: Options

        func run() throws {
            let journal = try options.open()
            Output.write(options.text.list(try JournalCommand.run { () throws(JournalError) in try journal.servers() }))
            Output.flush()
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: HelpText.say("Every scan of one server, newest first.", "Tous les scans d'un serveur, du plus récent au plus ancien."))
        @OptionGroup var options: Options
        @Argument(help: ArgumentHelp(HelpText.say("The server: its hash as `journal list` prints it (a unique prefix will do), or its id or name in clear.", "Le serveur : son empreinte telle que `journal list` l'affiche (un préfixe unique suffit), ou son identifiant ou son nom en clair.")))
        var server: String

        func run() throws {
            let journal = try options.open()
            Output.write(options.text.show(try JournalCommand.run { () throws(JournalError) in try journal.scans(of: server) }))
            Output.flush()
        }
    }

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: HelpText.say("What changed between the latest scan of a server and the one before (or the last before --since): verdict, scores, rules, channels and categories added, removed or renamed.", "Ce qui a changé entre le dernier scan d'un serveur et le précédent (ou le dernier avant --since) : verdict, scores, règles, salons et catégories ajoutés, supprimés ou renommés."))
        @OptionGroup var options: Options
        @Argument(help: ArgumentHelp(HelpText.say("The server: its hash, a unique prefix of it, or its id or name in clear.", "Le serveur : son empreinte, un préfixe unique de celle-ci, ou son identifiant ou son nom en clair.")))
        var server: String
        @Option(help: ArgumentHelp(HelpText.say("Compare with the last scan before this date (YYYY-MM-DD, UTC).", "Comparer au dernier scan avant cette date (AAAA-MM-JJ, UTC)."), valueName: "DATE"))
        var since: String?

        func run() throws {
            var date: Date?
            if let since {
                let formatter = DateFormatter()
                formatter.locale = Locale(identifier: "en_US_POSIX")
                formatter.timeZone = TimeZone(identifier: "UTC")
                formatter.dateFormat = "yyyy-MM-dd"
                guard let parsed = formatter.date(from: since) else {
                    throw ValidationError("--since: '\(since)' is not a date like 2026-11-27")
                }
                date = parsed
            }
            let journal = try options.open()
            Output.write(options.text.diff(try JournalCommand.run { () throws(JournalError) in try journal.diff(of: server, since: date) }))
            Output.flush()
        }
    }

    enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
        case jsonl, csv, markdown
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: HelpText.say("Every scan: JSON Lines, CSV, or markdown (a timeline per server to attach to a complaint).", "Tous les scans : JSON Lines, CSV ou markdown (une chronologie par serveur à joindre à une plainte)."))
        @OptionGroup var options: Options
        @Option(help: ArgumentHelp(HelpText.say("jsonl, csv or markdown.", "jsonl, csv ou markdown.")))
        var format: ExportFormat = .jsonl

        func run() throws {
            let journal = try options.open()
            let scans = try JournalCommand.run { () throws(JournalError) in try journal.allScans() }
            switch format {
            case .jsonl: Output.write(options.text.jsonLines(scans))
            case .csv: Output.write(options.text.csv(scans))
            case .markdown: Output.write(options.text.markdown(scans, keepsNames: journal.keepsNames))
            }
            Output.flush()
        }
    }
}
