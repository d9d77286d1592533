import ArgumentParser
import ClassifierFetch
import Foundation

/// `classify fetch`: gets a server's structure from Discord, ready for classify (README, "Getting a server's
/// structure"). Thin: the fetching, merging and rate limits are `DiscordFetcher`'s.
struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Get a server's structure from Discord: a template by its code or link, or a guild through a bot.",
        discussion: """
            Only names, descriptions and topics are fetched, never messages. Discord's rate limits are honoured
            (429 answers are retried after Retry-After). Examples:
              classify fetch template discord.new/AbCdEf123 -o server.json && classify server.json
              classify fetch guild 900000000000000001 --token-file bot.token | classify -
            """,
        subcommands: [Template.self, Guild.self]
    )

    struct Common: ParsableArguments {
        @Option(name: [.short, .long], help: ArgumentHelp("Write here instead of standard output.", valueName: "FILE"))
        var output: String?

        @Option(name: .customLong("api"), help: ArgumentHelp("API root (a proxy or a test server).", valueName: "URL"))
        var api: String = DiscordFetcher.defaultAPI

        @Option(name: .customLong("max-wait"), help: ArgumentHelp("Longest rate-limit wait accepted, in seconds.", valueName: "SECONDS"))
        var maxWait: Double = 60

        @Option(help: ArgumentHelp("Longest one request may take, in seconds.", valueName: "SECONDS"))
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
            abstract: "Save a server template (public: no token), as Discord sends it.")

        @Argument(help: ArgumentHelp("The template's code or link (discord.new/CODE, discord.com/template/CODE).", valueName: "CODE|URL"))
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
            abstract: "Save what a bot sees of a guild: its name and description merged with its channel list.")

        @Argument(help: ArgumentHelp("The guild's id.", valueName: "ID"))
        var id: String

        @Option(name: .customLong("token-file"), help: ArgumentHelp("A file holding the bot's token (never passed on the command line, where other users can see it).", valueName: "FILE"))
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
