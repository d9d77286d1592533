import Classifier

/// One scan ready to be written: masked, hashed and serialised from a result.
public struct JournalEntry: Sendable {
    /// Keyed hash of the server's id (or name).
    public let server: String
    /// SHA-256 of the record's bytes, when the reader computed it.
    public let inputSHA256: String?
    /// The verdict.
    public let verdict: Verdict
    /// JSON object of category scores, JSON array of rule ids.
    public let scores: String, rules: String
    /// The server name, masked unless the journal keeps names.
    public let name: String
    /// The result as `--format jsonl` prints it, redacted unless the journal keeps names.
    public let report: String
    /// JSON array of ``StructureEntry``.
    public let structure: String
}

/// Makes ``JournalEntry`` values from results - pure, so any thread may call it.
public struct JournalEntryMaker: Sendable {
    let redactor: Redactor
    let keepsNames: Bool

    /// The row for one result.
    public func entry(for result: ClassificationResult) -> JournalEntry {
        let shown = keepsNames ? result : redactor.redact(result)
        var scores: [(String, JSONOutput)] = []
        for category in result.categories where category.score > 0 && !scores.contains(where: { $0.0 == category.id }) {
            scores.append((category.id, .int(category.score)))
        }
        let rules = Set(result.evidence.map(\.rule)).sorted().map { JSONOutput.string($0) }
        return JournalEntry(server: serverKey(result.server), inputSHA256: result.server.source.sha256,
                            verdict: result.verdict, scores: JSONOutput.object(scores).serialized(),
                            rules: JSONOutput.array(rules).serialized(), name: shown.server.name,
                            report: JSONReport.line(for: shown),
                            structure: structure(original: result.server, shown: shown.server))
    }

    /// The server's identity across scans: its export id, else its name, hashed with the key.
    func serverKey(_ server: Server) -> String {
        server.id.map { serverKey(id: $0) } ?? serverKey(name: server.name)
    }

    func serverKey(id: String) -> String { redactor.hash("id:" + id, kind: "server") }
    func serverKey(name: String) -> String { redactor.hash("name:" + name, kind: "server") }

    /// Keyed ids (the export's, else of the names), masked names and keyed name hashes of categories and channels,
    /// written straight as bytes of a JSON array (the ``StructureEntry`` keys): this runs for every channel of every
    /// server, so no String is made per hash or member.
    private func structure(original: Server, shown: Server) -> String {
        JSONLineBuffer.line { out in
            out.beginArray()
            for (index, category) in original.categories.enumerated() {
                out.beginObject()
                out.key("kind"); out.string("category")
                out.key("id"); categoryKey(category, shown: shown.categories[index], isRedacted: shown.isRedacted, into: &out)
                out.key("parent"); out.null()
                out.key("name"); out.string(shown.categories[index].name)
                out.key("nameKey"); out.unescapedString { redactor.appendHash(category.name, kind: "name", to: &$0) }
                out.endObject()
            }
            for (index, channel) in original.channels.enumerated() {
                out.beginObject()
                out.key("kind"); out.string("channel")
                out.key("id")
                // Redaction already hashed an export's id; only an export without ids costs one more hash here.
                if shown.isRedacted, let id = shown.channels[index].id {
                    out.string(id)
                } else {
                    let parentName = channel.categoryIndex.map { original.categories[$0].name } ?? ""
                    let value = channel.id.map { "id:" + $0 } ?? "name:" + parentName + "\u{0}" + channel.name
                    out.unescapedString { redactor.appendHash(value, kind: "channel", to: &$0) }
                }
                out.key("parent")
                if let parent = channel.categoryIndex {
                    categoryKey(original.categories[parent], shown: shown.categories[parent], isRedacted: shown.isRedacted, into: &out)
                } else {
                    out.null()
                }
                out.key("name"); out.string(shown.channels[index].name)
                out.key("nameKey"); out.unescapedString { redactor.appendHash(channel.name, kind: "name", to: &$0) }
                out.endObject()
            }
            out.endArray()
        }
    }

    /// A category's keyed id: redaction's hash of the export's id, else a hash of its id or name.
    private func categoryKey(_ category: ChannelCategory, shown: ChannelCategory, isRedacted: Bool, into out: inout JSONLineBuffer) {
        if isRedacted, let id = shown.id { return out.string(id) }
        let value = category.id.map { "id:" + $0 } ?? "name:" + category.name
        out.unescapedString { redactor.appendHash(value, kind: "category", to: &$0) }
    }
}
