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
                                            ("format", .optional(ref.format))]
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
}
