import ArgumentParser
import Classifier
import Foundation

/// `classify report SERVER FILE…`: one server as a printable page for a complaint (HTML, or PDF through Chromium).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: HelpText.say("One server as a printable page to attach to a complaint: verdict and why, ids and Discord links, evidence, input SHA-256, where to report.", "Un serveur en page imprimable à joindre à une plainte : verdict et pourquoi, identifiants et liens Discord, éléments relevés, SHA-256 de l'entrée, où signaler."),
        discussion: HelpText.say("""
            Examples:
              classify report 900000000000000201 export.json > complaint.html
              classify report 12 watchlist.jsonl --pdf complaint.pdf     record 12 of a JSON Lines list, as PDF
            """, """
            Exemples :
              classify report 900000000000000201 export.json > plainte.html
              classify report 12 veille.jsonl --pdf plainte.pdf     l'enregistrement 12 d'une liste JSON Lines, en PDF
            """)
    )

    @Argument(help: ArgumentHelp(HelpText.say("The server: its id, its record number in a JSON Lines list, or its name.", "Le serveur : son identifiant, son numéro d'enregistrement dans une liste JSON Lines, ou son nom."), valueName: "SERVER"))
    var server: String

    @Argument(help: ArgumentHelp(HelpText.say("The export(s) holding it.", "Le ou les exports qui le contiennent.")))
    var files: [String]

    @OptionGroup var rulesOption: RulesOption

    @Option(help: ArgumentHelp(HelpText.say("Language of the page: fr or en (default: from the locale).", "Langue de la page : fr ou en (par défaut : celle de la locale).")))
    var lang: ReportLanguage?

    @Flag(help: ArgumentHelp(HelpText.say("Mask names outside the matched words and replace ids by keyed hashes (no Discord links then).", "Masquer les noms hors des mots relevés et remplacer les identifiants par des empreintes à clé (sans liens Discord alors).")))
    var redact = false

    @OptionGroup var keyOption: KeyOption

    @Option(help: ArgumentHelp(HelpText.say("Write a PDF here instead of HTML on standard output (needs Chromium: apt install chromium).", "Écrire un PDF ici plutôt que du HTML sur la sortie standard (il faut Chromium : apt install chromium)."), valueName: "PATH"))
    var pdf: String?

    func run() throws {
        let classifier = try rulesOption.load()
        let stream = RecordStream(paths: files)
        var found: ClassificationResult?
        while found == nil, let record = stream.next() {
            guard case let .success(candidate) = ServerReader.decode(record, hashInput: true) else { continue }
            let result = classifier.classify(candidate)
            if Scan.matches(.classified(result), server) { found = result }
        }
        guard var result = found else {
            Output.error("classify: no server \(server) in \(files.joined(separator: ", ")); "
                         + "`classify --format jsonl FILE` lists the ids, names and record numbers there")
            throw ExitCode(2)
        }
        if redact { result = Redactor(key: try keyOption.resolve()).redact(result) }
        let referrals = try rulesOption.referrals(for: classifier)
        let page = ComplaintPage(language: lang ?? ReportLanguage.fromEnvironment(), referrals: referrals,
                                 packVersion: classifier.rules.policy.version).render(result)
        guard let pdf else {
            Output.write(page)
            Output.flush()
            return
        }
        try Self.printToPDF(page, to: pdf)
    }

    /// Renders the page with headless Chromium's print-to-PDF; says clearly when there is no Chromium or it fails.
    static func printToPDF(_ page: String, to path: String) throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
            .first(where: FileManager.default.isExecutableFile) else {
            Output.error("classify: --pdf needs Chromium (apt install chromium); without it, save the HTML and print it from a browser")
            throw ExitCode(2)
        }
        let folder = NSTemporaryDirectory() + "classify-report-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let html = folder + "/report.html"
        do {
            try page.write(toFile: html, atomically: true, encoding: .utf8)
        } catch {
            Output.error("classify: cannot write a temporary file in \(folder): \(error)")
            throw ExitCode(2)
        }
        let output = URL(fileURLWithPath: path).standardizedFileURL.path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(folder)/profile",
                             "--no-pdf-header-footer", "--print-to-pdf=\(output)", "file://\(html)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: output) else {
            Output.error("classify: Chromium could not write \(path) (exit \(process.terminationStatus)); check the folder is writable")
            throw ExitCode(2)
        }
    }
}
