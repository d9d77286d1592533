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
                            report: JSONReport.object(for: shown).serialized(),
                            structure: structure(original: result.server, shown: shown.server))
    }

    /// The server's identity across scans: its export id, else its name, hashed with the key.
    func serverKey(_ server: Server) -> String {
        server.id.map { serverKey(id: $0) } ?? serverKey(name: server.name)
    }

    func serverKey(id: String) -> String { redactor.hash("id:" + id, kind: "server") }
    func serverKey(name: String) -> String { redactor.hash("name:" + name, kind: "server") }

    /// Keyed ids (the export's, else of the names), masked names and keyed name hashes of categories and channels,
    /// written straight as a JSON array (the ``StructureEntry`` keys) - this runs for every channel of every server.
    private func structure(original: Server, shown: Server) -> String {
        var out = "["
        var categoryKeys: [String] = []
        func append(_ kind: String, _ id: String, _ parent: String?, _ name: String, _ clear: String) {
            if out.utf8.count > 1 { out += "," }
            out += "{\"kind\":\"" + kind + "\",\"id\":\"" + id + "\",\"parent\":"
            out += parent.map { "\"" + $0 + "\"" } ?? "null"
            out += ",\"name\":" + JSONOutput.string(name).serialized()
            out += ",\"nameKey\":\"" + redactor.hash(clear, kind: "name") + "\"}"
        }
        for (index, category) in original.categories.enumerated() {
            // Redaction already hashed an export's id; only an export without ids costs one more hash here.
            let key = shown.isRedacted && category.id != nil ? shown.categories[index].id!
                : redactor.hash(category.id.map { "id:" + $0 } ?? "name:" + category.name, kind: "category")
            categoryKeys.append(key)
            append("category", key, nil, shown.categories[index].name, category.name)
        }
        for (index, channel) in original.channels.enumerated() {
            let parentName = channel.categoryIndex.map { original.categories[$0].name } ?? ""
            let key = shown.isRedacted && channel.id != nil ? shown.channels[index].id!
                : redactor.hash(channel.id.map { "id:" + $0 } ?? "name:" + parentName + "\u{0}" + channel.name, kind: "channel")
            append("channel", key, channel.categoryIndex.map { categoryKeys[$0] }, shown.channels[index].name, channel.name)
        }
        return out + "]"
    }
}
