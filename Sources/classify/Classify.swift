import ArgumentParser
import Classifier
import Foundation

@main
struct Classify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: HelpText.say("Say which patterns of digital sexual violence a chat server's structure shows, and what to do.",
                               "Dire quels schémas de violences sexuelles numériques la structure d'un serveur montre, et quoi faire."),
        discussion: HelpText.say("""
            Exit codes: 0 done; 1 a server reached --fail-on, or a test failed; 2 usage, input or rule-pack error; \
            3 both a server reached --fail-on and some input could not be read.
            Rules: --rules DIR, else $CLASSIFY_RULES, else the bundled Rules/ (see README).
            Run `classify scan --help` for every option of the default command, with examples.
            Help in French: --lang fr, or a French locale.
            """, """
            Codes de sortie : 0 terminé ; 1 un serveur a atteint --fail-on, ou un test a échoué ; 2 erreur d'usage, \
            d'entrée ou de jeu de règles ; 3 à la fois un serveur a atteint --fail-on et une entrée n'a pas pu être lue.
            Règles : --rules DOSSIER, sinon $CLASSIFY_RULES, sinon le dossier Rules/ fourni (voir le README).
            `classify scan --help` donne toutes les options de la commande par défaut, avec des exemples.
            Aide en anglais : --lang en, ou une locale anglaise.
            """),
        version: versionLine,
        subcommands: [Scan.self, ReportCommand.self, RulesCommand.self, TestCommand.self, JournalCommand.self, KeyCommand.self,
                      FetchCommand.self, ServeCommand.self],
        defaultSubcommand: Scan.self
    )

    /// Runs the command tree with classify's exit codes: usage errors exit 2 (not ArgumentParser's 64).
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        // `classify --help` is the default command's help too: the options people need are scan's.
        let arguments = Array(CommandLine.arguments.dropFirst()).filter { !$0.hasPrefix("--lang") && $0 != "fr" && $0 != "en" }
        if arguments == ["--help"] || arguments == ["-h"] {
            Output.write(Classify.helpMessage() + "\n\n" + Scan.helpMessage() + "\n")
            Output.flush()
            return
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Output.flush()
            Foundation.exit(code.rawValue)
        } catch {
            Output.flush()
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            Output.writeStandardError(fullMessage(for: error) + "\n")
            Foundation.exit(2)
        }
        Output.flush()
    }
}

/// `classify --version`: the program and the bundled rule packs, read from their policy without compiling them.
let versionLine: String = {
    var line = "classify \(Classifier.version)"
    let directory = ProcessInfo.processInfo.environment["CLASSIFY_RULES"] ?? RuleSet.bundledDirectory()
    if let directory, let text = try? String(contentsOfFile: directory + "/policy.yaml", encoding: .utf8),
       let match = text.firstMatch(of: /(?m)^version:\s*"?([^"\n]+)"?/) {
        line += ", rule packs \(match.1)"
    }
    return line
}()

/// Options shared by every command that loads rules.
struct RulesOption: ParsableArguments {
    @Option(name: .long, help: "Folder of rule packs (default: $CLASSIFY_RULES, then the bundled Rules/).")
    var rules: String?

    @Option(name: .long, help: ArgumentHelp("Names and handles to protect, one a line (streamers a team watches, a victim's name): a channel or category naming one of them beside sexual, leak or pack words is a hit, and the name is masked in every output.", valueName: "FILE"))
    var protect: String?

    /// Where to report, from the rules folder; a broken file ends the run with its located error.
    func referrals(for classifier: Classifier) throws -> Referrals {
        do {
            return try Referrals.load(for: classifier.rules)
        } catch {
            Output.error("classify: invalid referrals file: \(error)")
            throw ExitCode(2)
        }
    }

    func load(prefilter: Bool = true) throws -> Classifier {
        var protectedNames = ProtectedNames(names: [])
        if let protect {
            do {
                protectedNames = try ProtectedNames.load(path: protect)
            } catch {
                Output.error("classify: --protect: \(error)")
                throw ExitCode(2)
            }
        }
        guard let directory = rules ?? RuleSet.bundledDirectory() else {
            Output.error(HelpText.say("classify: cannot find the bundled Rules/ folder; pass --rules DIR or set CLASSIFY_RULES",
                                      "classify : dossier Rules/ fourni introuvable ; passez --rules DOSSIER ou définissez CLASSIFY_RULES"))
            throw ExitCode(2)
        }
        do {
            return Classifier(rules: try RuleSet.load(directory: directory, protectedNames: protectedNames),
                              prefilter: prefilter)
        } catch where error.code == .rulesFolder {
            // The one pack error a moderator meets (a wrong --rules path) in their language; the others are for rule
            // authors and keep their English text beside a stable code, as a compiler's diagnostics do.
            Output.error(HelpText.say("classify: invalid rule pack: \(error)",
                                      "classify : pack de règles invalide : \(error.location): error[E001]: dossier de règles introuvable ; passez --rules DOSSIER ou définissez CLASSIFY_RULES"))
            throw ExitCode(2)
        } catch {
            Output.error(HelpText.say("classify: invalid rule pack: \(error)", "classify : pack de règles invalide : \(error)"))
            throw ExitCode(2)
        }
    }
}

extension Verdict: ExpressibleByArgument {}
