/// The `json` and `jsonl` output: one object per server with `server`, `verdict`, `categories` and `evidence`.
/// These four keys are a stable interface; fields may be added, never renamed or removed.
public enum JSONReport {
    /// The object for one classified server: `server`, `verdict`, `categories`, `evidence`, `errors`, `warnings`.
    public static func object(for result: ClassificationResult) -> JSONOutput {
        .object([
            ("server", server(result.server, source: result.server.source)),
            ("verdict", .string(result.verdict.rawValue)),
            ("categories", .array(result.categories.map(category))),
            ("evidence", .array(result.evidence.map(evidence))),
            ("errors", .array(result.errors.map(ruleError))),
            ("warnings", .strings(result.warnings)),
        ])
    }

    /// The line for an input record that could not be read: the other records of the batch go on.
    public static func object(for error: InputError) -> JSONOutput {
        .object([
            ("server", .object([("id", .null), ("name", .null), ("source", source(error.source))])),
            ("verdict", .null),
            ("categories", .array([])),
            ("evidence", .array([])),
            ("errors", .array([.object([("kind", .string("input")), ("message", .string(error.description))])])),
        ])
    }

    static func server(_ server: Server, source ref: SourceRef) -> JSONOutput {
        .object([
            ("id", .optional(server.id)),
            ("name", .string(server.name)),
            ("source", source(ref)),
            ("categories", .int(server.categories.count)),
            ("channels", .int(server.channels.count)),
            ("redacted", .bool(server.isRedacted)),
        ])
    }

    static func source(_ ref: SourceRef) -> JSONOutput {
        var members: [(String, JSONOutput)] = [("file", .string(ref.file)), ("record", .optional(ref.record)),
                                            ("format", .optional(ref.format)), ("key", .optional(ref.key))]
        if let time = ref.exportedAt { members.append(("exported_at", .string(time))) }
        return .object(members)
    }

    static func category(_ score: CategoryScore) -> JSONOutput {
        .object([
            ("id", .string(score.id)),
            ("section", .string(score.section)),
            ("score", .int(score.score)),
            ("raw_score", .int(score.rawScore)),
            ("verdict", .string(score.verdict.rawValue)),
            ("hits", .int(score.hits)),
            ("rules", .strings(score.rules)),
            ("lowered_by", .strings(score.loweredBy)),
            ("indicator_only", .bool(score.indicatorOnly)),
            ("reason", .object([("kind", .string(score.reason.id)), ("threshold", .optional(score.reason.threshold))])),
        ])
    }

    static func evidence(_ item: Evidence) -> JSONOutput {
        let primary = item.primary
        return .object([
            ("rule", .string(item.rule)),
            ("category", .string(item.category)),
            ("section", .string(item.section)),
            ("status", .string(item.status.rawValue)),
            ("weight", .int(item.weight)),
            ("indicator", .bool(item.indicator)),
            ("lowers", .strings(item.lowers)),
            ("scope", .string(item.scope.rawValue)),
            ("field", .string(primary.location.field.rawValue)),
            ("location", .string(ReportWords.english.path(primary.location))),
            ("match", .string(primary.match)),
            ("span", span(primary)),
            ("parts", .array(item.parts.map(part))),
        ])
    }

    static func part(_ part: EvidencePart) -> JSONOutput {
        .object([
            ("signal", .string(part.signal)),
            ("field", .string(part.location.field.rawValue)),
            ("category", .optional(part.location.category)),
            ("channel", .optional(part.location.channel)),
            ("location", .string(ReportWords.english.path(part.location))),
            ("text", .string(part.text)),
            ("match", .string(part.match)),
            ("span", span(part)),
            ("view", .string(part.view.rawValue)),
            ("view_match", .optional(part.viewMatch)),
        ])
    }

    static func span(_ part: EvidencePart) -> JSONOutput {
        .object([("start", .int(part.start)), ("end", .int(part.end))])
    }

    static func ruleError(_ error: RuleError) -> JSONOutput {
        .object([
            ("kind", .string("rule")),
            ("signal", .string(error.signal)),
            ("rules", .strings(error.rules)),
            ("location", .string(ReportWords.english.path(error.location))),
            ("message", .string(error.message)),
        ])
    }

    // MARK: - Straight to bytes

    /// ``object(for:)-(ClassificationResult)`` serialised on one line, byte for byte, written straight into this
    /// thread's reused buffer: the `jsonl` format's per-record path, with no tree and no String per field.
    public static func line(for result: ClassificationResult) -> String {
        JSONLineBuffer.line { out in
            out.beginObject()
            out.key("server"); server(result.server, source: result.server.source, into: &out)
            out.key("verdict"); out.string(result.verdict.rawValue)
            out.key("categories"); out.beginArray()
            for score in result.categories { category(score, into: &out) }
            out.endArray()
            out.key("evidence"); out.beginArray()
            for item in result.evidence { evidence(item, into: &out) }
            out.endArray()
            out.key("errors"); out.beginArray()
            for error in result.errors {
                out.beginObject()
                out.key("kind"); out.string("rule")
                out.key("signal"); out.string(error.signal)
                out.key("rules"); out.strings(error.rules)
                out.key("location"); out.string(ReportWords.english.path(error.location))
                out.key("message"); out.string(error.message)
                out.endObject()
            }
            out.endArray()
            out.key("warnings"); out.strings(result.warnings)
            out.endObject()
        }
    }

    /// ``object(for:)-(InputError)`` on one line, byte for byte.
    public static func line(for error: InputError) -> String {
        JSONLineBuffer.line { out in
            out.beginObject()
            out.key("server"); out.beginObject()
            out.key("id"); out.null()
            out.key("name"); out.null()
            out.key("source"); source(error.source, into: &out)
            out.endObject()
            out.key("verdict"); out.null()
            out.key("categories"); out.beginArray(); out.endArray()
            out.key("evidence"); out.beginArray(); out.endArray()
            out.key("errors"); out.beginArray()
            out.beginObject()
            out.key("kind"); out.string("input")
            out.key("message"); out.string(error.description)
            out.endObject()
            out.endArray()
            out.endObject()
        }
    }

    private static func server(_ server: Server, source ref: SourceRef, into out: inout JSONLineBuffer) {
        out.beginObject()
        out.key("id"); out.string(server.id)
        out.key("name"); out.string(server.name)
        out.key("source"); source(ref, into: &out)
        out.key("categories"); out.int(server.categories.count)
        out.key("channels"); out.int(server.channels.count)
        out.key("redacted"); out.bool(server.isRedacted)
        out.endObject()
    }

    private static func source(_ ref: SourceRef, into out: inout JSONLineBuffer) {
        out.beginObject()
        out.key("file"); out.string(ref.file)
        out.key("record"); out.int(ref.record)
        out.key("format"); out.string(ref.format)
        out.key("key"); out.string(ref.key)
        if let time = ref.exportedAt { out.key("exported_at"); out.string(time) }
        out.endObject()
    }

    private static func category(_ score: CategoryScore, into out: inout JSONLineBuffer) {
        out.beginObject()
        out.key("id"); out.string(score.id)
        out.key("section"); out.string(score.section)
        out.key("score"); out.int(score.score)
        out.key("raw_score"); out.int(score.rawScore)
        out.key("verdict"); out.string(score.verdict.rawValue)
        out.key("hits"); out.int(score.hits)
        out.key("rules"); out.strings(score.rules)
        out.key("lowered_by"); out.strings(score.loweredBy)
        out.key("indicator_only"); out.bool(score.indicatorOnly)
        out.key("reason"); out.beginObject()
        out.key("kind"); out.string(score.reason.id)
        out.key("threshold"); out.int(score.reason.threshold)
        out.endObject()
        out.endObject()
    }

    private static func evidence(_ item: Evidence, into out: inout JSONLineBuffer) {
        let primary = item.primary
        out.beginObject()
        out.key("rule"); out.string(item.rule)
        out.key("category"); out.string(item.category)
        out.key("section"); out.string(item.section)
        out.key("status"); out.string(item.status.rawValue)
        out.key("weight"); out.int(item.weight)
        out.key("indicator"); out.bool(item.indicator)
        out.key("lowers"); out.strings(item.lowers)
        out.key("scope"); out.string(item.scope.rawValue)
        out.key("field"); out.string(primary.location.field.rawValue)
        out.key("location"); out.string(ReportWords.english.path(primary.location))
        out.key("match"); out.string(primary.match)
        out.key("span"); span(primary, into: &out)
        out.key("parts"); out.beginArray()
        for part in item.parts {
            out.beginObject()
            out.key("signal"); out.string(part.signal)
            out.key("field"); out.string(part.location.field.rawValue)
            out.key("category"); out.string(part.location.category)
            out.key("channel"); out.string(part.location.channel)
            out.key("location"); out.string(ReportWords.english.path(part.location))
            out.key("text"); out.string(part.text)
            out.key("match"); out.string(part.match)
            out.key("span"); span(part, into: &out)
            out.key("view"); out.string(part.view.rawValue)
            out.key("view_match"); out.string(part.viewMatch)
            out.endObject()
        }
        out.endArray()
        out.endObject()
    }

    private static func span(_ part: EvidencePart, into out: inout JSONLineBuffer) {
        out.beginObject()
        out.key("start"); out.int(part.start)
        out.key("end"); out.int(part.end)
        out.endObject()
    }
}
