import Classifier
import Foundation
import Hummingbird

/// What a `POST /v1/classify` asks for, read from its query and headers: the CLI's `--format`, `--lang`,
/// `--redact` and `--all`, and a name for the body (the file name the CLI would have).
struct ClassifyOptions: Sendable {
    /// The answer's shape. JSON is the same objects as `classify --format json` (an array) or `--format jsonl`
    /// (NDJSON, streamed); the others are the CLI's reports.
    enum Output: String, Sendable {
        case json, ndjson, markdown, html, csv

        /// The library's format for this shape.
        var format: ReportFormat {
            switch self {
            case .json: .json
            case .ndjson: .jsonl
            case .markdown: .markdown
            case .html: .html
            case .csv: .csv
            }
        }

        var contentType: String {
            switch self {
            case .json: "application/json"
            case .ndjson: "application/x-ndjson"
            case .markdown: "text/markdown; charset=utf-8"
            case .html: "text/html; charset=utf-8"
            case .csv: "text/csv; charset=utf-8"
            }
        }
    }

    var output: Output
    var language: ReportLanguage
    var redact: Bool
    var listClear: Bool
    /// The body's name in errors and `source.file`; its extension picks JSON Lines as a file's does.
    var name: String

    /// Reads the options, refusing any parameter or value the service does not know (a typo must not silently
    /// give another report than the one asked for).
    static func parse(query pairs: [(key: Substring, value: Substring)], headers: HTTPFields) throws(ServiceError) -> ClassifyOptions {
        let known: Set<Substring> = ["format", "lang", "redact", "all", "name"]
        // The first value of each parameter, as a form reads it.
        var query: [Substring: Substring] = [:]
        for (key, value) in pairs where query[key] == nil { query[key] = value }
        if let unknown = pairs.first(where: { !known.contains($0.key) }) {
            throw .badParameter(name: String(unknown.key.prefix(64)), reason: "unknown parameter; known: format, lang, redact, all, name")
        }
        let accept = headers[.accept] ?? ""
        var output: Output = accept.contains("application/x-ndjson") ? .ndjson : .json
        if let format = query["format"] {
            switch format {
            case "json": output = .json
            case "jsonl", "ndjson": output = .ndjson
            default:
                guard let chosen = Output(rawValue: String(format)), chosen != .ndjson else {
                    throw .badParameter(name: "format", reason: "one of json, jsonl, markdown, html, csv")
                }
                output = chosen
            }
        }
        let language: ReportLanguage
        if let lang = query["lang"] {
            guard let chosen = ReportLanguage(rawValue: String(lang)) else {
                throw .badParameter(name: "lang", reason: "fr or en")
            }
            language = chosen
        } else {
            // A browser says which language its user reads; French only when it comes first.
            language = (headers[.acceptLanguage] ?? "").lowercased().hasPrefix("fr") ? .fr : .en
        }
        let redact = try flag(query, "redact")
        let listClear = try flag(query, "all")
        let lines = (headers[.contentType] ?? "").contains("ndjson") || (headers[.contentType] ?? "").contains("jsonl")
        var name = lines ? "request.jsonl" : "request"
        if let given = query["name"] {
            name = try fileName(String(given))
        }
        return ClassifyOptions(output: output, language: language, redact: redact, listClear: listClear, name: name)
    }

    private static func flag(_ query: [Substring: Substring], _ key: Substring) throws(ServiceError) -> Bool {
        guard let value = query[key] else { return false }
        switch value {
        case "true", "1", "": return true
        case "false", "0": return false
        default: throw .badParameter(name: String(key), reason: "true or false")
        }
    }

    /// A file name from the caller: its last path component, no control characters, at most 255 bytes.
    private static func fileName(_ given: String) throws(ServiceError) -> String {
        let base = given.split(separator: "/").last.map(String.init) ?? ""
        guard !base.isEmpty, base != ".", base != "..", base.utf8.count <= 255,
              !base.unicodeScalars.contains(where: { $0.properties.generalCategory == .control
                  || $0.properties.generalCategory == .format }) else {
            throw .badParameter(name: "name", reason: "a file name (no '/', no control characters, at most 255 bytes)")
        }
        return base
    }
}
