import ArgumentParser
import ClassifierFetch
import Foundation

/// `classify fetch`: gets a server's structure from Discord, ready for classify (README, "Getting a server's
/// structure"). Thin: the fetching, merging and rate limits are `DiscordFetcher`'s.
struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: HelpText.say("Get a server's structure from Discord: a template by its code or link, or a guild through a bot.", "Récupérer la structure d'un serveur sur Discord : un modèle par son code ou son lien, ou un serveur par un bot."),
        discussion: HelpText.say("""
            Only names, descriptions and topics are fetched, never messages. Discord's rate limits are honoured
            (429 answers are retried after Retry-After). Examples:
              classify fetch template discord.new/AbCdEf123 -o server.json && classify server.json
              classify fetch guild 900000000000000001 --token-file bot.token | classify -
            """, """
            Seuls les noms, descriptions et sujets sont récupérés, jamais les messages. Les limites de débit de Discord
            sont respectées (une réponse 429 est réessayée après Retry-After). Exemples :
              classify fetch template discord.new/AbCdEf123 -o serveur.json && classify serveur.json
              classify fetch guild 900000000000000001 --token-file bot.token | classify -
            """),
        subcommands: [Template.self, Guild.self]
    )

    struct Common: ParsableArguments {
        @Option(name: [.short, .long], help: ArgumentHelp(HelpText.say("Write here instead of standard output.", "Écrire ici plutôt que sur la sortie standard."), valueName: "FILE"))
        var output: String?

        @Option(name: .customLong("api"), help: ArgumentHelp(HelpText.say("API root (a proxy or a test server).", "Racine de l'API (un proxy ou un serveur de test)."), valueName: "URL"))
        var api: String = DiscordFetcher.defaultAPI

        @Option(name: .customLong("max-wait"), help: ArgumentHelp(HelpText.say("Longest rate-limit wait accepted, in seconds.", "Attente maximale acceptée en cas de limite de débit, en secondes."), valueName: "SECONDS"))
        var maxWait: Double = 60

        @Option(help: ArgumentHelp(HelpText.say("Longest one request may take, in seconds.", "Durée maximale d'une requête, en secondes."), valueName: "SECONDS"))
        var timeout: Int64 = 30

        var fetcher: DiscordFetcher { DiscordFetcher(api: api, maxWait: maxWait, timeout: timeout) }

        /// Writes the fetched bytes, or says why they could not be.
        func write(_ bytes: [UInt8]) throws {
            guard let output else {
                Output.write(String(decoding: bytes, as: UTF8.self))
                Output.flush()
                return
            }
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                Output.error("classify: cannot write \(output): \(error.localizedDescription)")
                throw ExitCode(2)
            }
            Output.error("classify: wrote \(output) (\(bytes.count) bytes)")
        }
    }

    /// Exit 2 with the fetch error's own message.
    static func fail(_ error: FetchError) -> ExitCode {
        Output.error("classify: \(error)")
        return ExitCode(2)
    }

    struct Template: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: HelpText.say("Save a server template (public: no token), as Discord sends it.", "Enregistrer un modèle de serveur (public : sans jeton), tel que Discord l'envoie."))

        @Argument(help: ArgumentHelp(HelpText.say("The template's code or link (discord.new/CODE, discord.com/template/CODE).", "Le code ou le lien du modèle (discord.new/CODE, discord.com/template/CODE)."), valueName: "CODE|URL"))
        var code: String

        @OptionGroup var common: Common

        func run() throws {
            do {
                try common.write(try common.fetcher.template(code))
            } catch let error as FetchError {
                throw FetchCommand.fail(error)
            }
        }
    }

    struct Guild: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: HelpText.say("Save what a bot sees of a guild: its name and description merged with its channel list.", "Enregistrer ce qu'un bot voit d'un serveur : son nom et sa description réunis avec sa liste de salons."))

        @Argument(help: ArgumentHelp(HelpText.say("The guild's id.", "L'identifiant du serveur."), valueName: "ID"))
        var id: String

        @Option(name: .customLong("token-file"), help: ArgumentHelp(HelpText.say("A file holding the bot's token (never passed on the command line, where other users can see it).", "Un fichier qui contient le jeton du bot (jamais sur la ligne de commande, où d'autres utilisateurs le verraient)."), valueName: "FILE"))
        var tokenFile: String

        @OptionGroup var common: Common

        func run() throws {
            let token: String
            do {
                token = try String(contentsOfFile: tokenFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            } catch {
                throw FetchCommand.fail(.token(path: tokenFile, reason: "cannot be read (\(error.localizedDescription))"))
            }
            guard !token.isEmpty, !token.contains(where: { $0.isWhitespace || $0.isNewline }) else {
                throw FetchCommand.fail(.token(path: tokenFile, reason: "holds no token (one line, the bot's token alone)"))
            }
            do {
                try common.write(try common.fetcher.guild(id, token: token))
            } catch let error as FetchError {
                throw FetchCommand.fail(error)
            }
        }
    }
}
