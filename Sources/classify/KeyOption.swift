import ArgumentParser
import Classifier
import Foundation

/// The redaction key shared by `--redact` and the journal: `--redact-key`, else `$CLASSIFY_REDACT_KEY`, else the
/// key file (created once, with a note on standard error).
struct KeyOption: ParsableArguments {
    @Option(name: .customLong("redact-key"), help: ArgumentHelp(HelpText.say("Key of the --redact and journal hashes (default: $CLASSIFY_REDACT_KEY, then the key file `classify key show-path` names, created on first use). The same key gives the same hashes.", "Clé des empreintes de --redact et du journal (par défaut : $CLASSIFY_REDACT_KEY, puis le fichier que nomme `classify key show-path`, créé à la première utilisation). La même clé donne les mêmes empreintes.")))
    var redactKey: String?

    func resolve() throws -> String {
        if let redactKey, !redactKey.isEmpty { return redactKey }
        if let value = ProcessInfo.processInfo.environment["CLASSIFY_REDACT_KEY"], !value.isEmpty { return value }
        let path = RedactionKeyFile.defaultPath()
        do {
            let (key, created) = try RedactionKeyFile.loadOrCreate(path: path)
            if created {
                Output.error("classify: created a redaction key in \(path) (mode 0600); keep it: the same key gives the same hashes")
            }
            return key
        } catch {
            Output.error("classify: \(error)")
            throw ExitCode(2)
        }
    }
}

/// `classify key show-path`: where the redaction key lives.
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: HelpText.say("The redaction key used by --redact and the journal.", "La clé de masquage de --redact et du journal."),
        subcommands: [ShowPath.self]
    )

    struct ShowPath: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show-path",
            abstract: HelpText.say("Print where the key file is (whether or not it exists yet); $CLASSIFY_REDACT_KEY or --redact-key override it.", "Afficher où est le fichier de clé (qu'il existe déjà ou non) ; $CLASSIFY_REDACT_KEY ou --redact-key l'emportent sur lui."))

        func run() throws {
            Output.line(TerminalText.visible(RedactionKeyFile.defaultPath()))
            Output.flush()
        }
    }
}
