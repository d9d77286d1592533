import AsyncHTTPClient
import Classifier
import Foundation
import NIOCore
import NIOHTTP1

/// Fetches a server's structure from Discord's API, as classify reads it: a template by its public code, or a
/// guild a bot can see (its name and description merged with its channel list, so neither is lost). Names and topics
/// only - never messages.
///
/// Rate limits are honoured: a `429` answer is retried after its `Retry-After` (or the body's `retry_after`), up to
/// ``maxRetries`` times and never for longer than ``maxWait`` seconds at once; `502`, `503` and `504` are retried
/// the same way after a short pause.
public struct DiscordFetcher: Sendable {
    /// Discord's documented API root; tests and proxies give their own.
    public static let defaultAPI = "https://discord.com/api/v10"

    /// The API root, without a trailing slash.
    public let api: String
    /// How many times one request is retried after a rate limit or a gateway error.
    public let maxRetries: Int
    /// The longest single wait, in seconds, before giving up with ``FetchError/rateLimited(seconds:url:)``.
    public let maxWait: Double
    /// The longest one request may take, in seconds.
    public let timeout: Int64

    /// - Parameters:
    ///   - api: the API root (``defaultAPI`` unless testing or going through a proxy).
    ///   - maxRetries: retries of one request after `429`, `502`, `503` or `504`.
    ///   - maxWait: the longest wait accepted, in seconds.
    ///   - timeout: the longest one request may take, in seconds.
    public init(api: String = DiscordFetcher.defaultAPI, maxRetries: Int = 5, maxWait: Double = 60, timeout: Int64 = 30) {
        var api = api
        while api.hasSuffix("/") { api.removeLast() }
        self.api = api
        self.maxRetries = maxRetries
        self.maxWait = maxWait
        self.timeout = timeout
    }

    /// The code of a template from the code itself or a link to it (`discord.new/CODE`,
    /// `https://discord.com/template/CODE`), or nil when it is neither.
    public static func templateCode(from text: String) -> String? {
        var code = text.trimmingCharacters(in: .whitespacesAndNewlines)
        for prefix in ["https://", "http://", "www."] where code.lowercased().hasPrefix(prefix) {
            code.removeFirst(prefix.count)
        }
        for host in ["discord.new/", "discord.com/template/", "discord.com/templates/", "discordapp.com/template/"]
        where code.lowercased().hasPrefix(host) {
            code.removeFirst(host.count)
        }
        if let end = code.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { code = String(code[..<end]) }
        guard !code.isEmpty, code.count <= 64, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            return nil
        }
        return code
    }

    /// A guild template, saved as Discord sends it (classify reads that shape directly).
    public func template(_ codeOrLink: String) throws(FetchError) -> [UInt8] {
        guard let code = Self.templateCode(from: codeOrLink) else { throw .badTemplateCode(codeOrLink) }
        let url = api + "/guilds/templates/" + code
        let bytes = try get(url, token: nil, hints: [404: "no template has this code (it may have been deleted)"])
        let value = try parse(bytes, url: url)
        guard value["serialized_source_guild"]?.objectValue != nil else {
            throw .unexpectedAnswer(url: url, reason: "no serialized_source_guild object in the template")
        }
        return bytes
    }

    /// What a bot sees of a guild: `GET /guilds/ID` and `GET /guilds/ID/channels`, merged into the guild-template
    /// shape so the server's name and description stay with its channels.
    /// - Parameters:
    ///   - id: the guild's id (a snowflake).
    ///   - token: the bot's token (sent as `Authorization: Bot TOKEN`, never printed).
    public func guild(_ id: String, token: String) throws(FetchError) -> [UInt8] {
        guard !id.isEmpty, id.count <= 25, id.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .unexpectedAnswer(url: api + "/guilds/" + id, reason: "a guild id is digits only (a snowflake)")
        }
        let hints = [401: "the token was refused (is it a bot token, without the 'Bot ' prefix, and current?)",
                     403: "the bot is not allowed to see this guild (is it a member, with View Channels?)",
                     404: "no guild with this id that the bot can see"]
        let guildURL = api + "/guilds/" + id
        let guild = try parse(try get(guildURL, token: token, hints: hints), url: guildURL)
        guard guild.objectValue != nil else { throw .unexpectedAnswer(url: guildURL, reason: "expected a guild object") }
        let channelsURL = guildURL + "/channels"
        let channelBytes = try get(channelsURL, token: token, hints: hints)
        guard try parse(channelBytes, url: channelsURL).arrayValue != nil else {
            throw .unexpectedAnswer(url: channelsURL, reason: "expected an array of channels")
        }
        func text(_ value: JSONValue?) -> JSONOutput { value?.stringValue.map(JSONOutput.string) ?? .null }
        // The channels go through as Discord sent them (one parse to check them, no rewrite); only the
        // guild's own fields are picked.
        let head = JSONOutput.object([
            ("code", .null), ("name", text(guild["name"])), ("description", text(guild["description"])),
        ]).serialized()
        let source = JSONOutput.object([
            ("id", guild["id"]?.idValue.map(JSONOutput.string) ?? .string(id)),
            ("name", text(guild["name"])), ("description", text(guild["description"])), ("roles", .array([])),
        ]).serialized()
        var out = Array(head.utf8.dropLast())
        out += Array(",\"serialized_source_guild\":".utf8) + Array(source.utf8.dropLast())
        out += Array(",\"channels\":".utf8) + channelBytes + Array("}}\n".utf8)
        return out
    }

    // MARK: - HTTP

    private func parse(_ bytes: [UInt8], url: String) throws(FetchError) -> JSONValue {
        do throws(JSONParser.SyntaxError) {
            return try JSONParser.parse(bytes)
        } catch {
            throw .unexpectedAnswer(url: url, reason: "not JSON (\(error.reason) at line \(error.line), column \(error.column))")
        }
    }

    /// GET with Discord's rate limits honoured; the body of a 2xx answer.
    private func get(_ url: String, token: String?, hints: [Int: String]) throws(FetchError) -> [UInt8] {
        var headers = HTTPHeaders()
        headers.add(name: "User-Agent", value: "classify (\(Classifier.version); structure only)")
        headers.add(name: "Accept", value: "application/json")
        if let token { headers.add(name: "Authorization", value: "Bot " + token) }
        var attempt = 0
        while true {
            let response: HTTPClient.Response
            do {
                let request = try HTTPClient.Request(url: url, method: .GET, headers: headers)
                response = try HTTPClient.shared.execute(request: request, deadline: .now() + .seconds(timeout)).wait()
            } catch {
                throw .transport(url: url, reason: String(describing: error))
            }
            let body = response.body.map { Array($0.readableBytesView) } ?? []
            let code = Int(response.status.code)
            if (200..<300).contains(code) { return body }
            let retryable = code == 429 || code == 502 || code == 503 || code == 504
            guard retryable, attempt < maxRetries else {
                if code == 429 { throw .rateLimited(seconds: Self.retryAfter(response, body: body) ?? maxWait, url: url) }
                throw .status(code: code, url: url, hint: hints[code] ?? Self.message(in: body) ?? "unexpected answer")
            }
            let wait = code == 429 ? (Self.retryAfter(response, body: body) ?? 1) : Double(1 << attempt) * 0.5
            if wait > maxWait { throw .rateLimited(seconds: wait, url: url) }
            attempt += 1
            Thread.sleep(forTimeInterval: max(0, wait))
        }
    }

    /// Seconds to wait, from `Retry-After` or the JSON body's `retry_after` (Discord sends both).
    static func retryAfter(_ response: HTTPClient.Response, body: [UInt8]) -> Double? {
        if let header = response.headers.first(name: "Retry-After"), let seconds = Double(header), seconds >= 0 {
            return seconds
        }
        if let value = try? JSONParser.parse(body), case let .number(text)? = value["retry_after"],
           let number = Double(text), number >= 0 {
            return number
        }
        return nil
    }

    /// Discord's own error message (`{"message": "...", "code": N}`), when it sent one.
    static func message(in body: [UInt8]) -> String? {
        guard let value = try? JSONParser.parse(body), let message = value["message"]?.stringValue else { return nil }
        return TerminalText.visible(message)
    }
}
