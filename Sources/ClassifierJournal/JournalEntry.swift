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
    /// The structural fingerprint in ``StructureCodec``'s BLOB form.
    public let structure: [UInt8]
}

/// Makes ``JournalEntry`` values from results - pure, so any thread may call it.
public struct JournalEntryMaker: Sendable {
    let redactor: Redactor
    let keepsNames: Bool

    /// The row for one result.
    public func entry(for result: ClassificationResult) -> JournalEntry {
        // The report prints only how many categories and channels there are; the structure masks them itself.
        let shown = keepsNames ? result : redactor.redact(result, structure: false)
        var scores: [(String, JSONOutput)] = []
        for category in result.categories where category.score > 0 && !scores.contains(where: { $0.0 == category.id }) {
            scores.append((category.id, .int(category.score)))
        }
        let rules = Set(result.evidence.map(\.rule)).sorted().map { JSONOutput.string($0) }
        return JournalEntry(server: serverKey(result.server), inputSHA256: result.server.source.sha256,
                            verdict: result.verdict, scores: JSONOutput.object(scores).serialized(),
                            rules: JSONOutput.array(rules).serialized(), name: shown.server.name,
                            report: JSONReport.line(for: shown),
                            structure: structure(of: result))
    }

    /// The server's identity across scans: its export id, else its name, hashed with the key.
    func serverKey(_ server: Server) -> String {
        server.id.map { serverKey(id: $0) } ?? serverKey(name: server.name)
    }

    func serverKey(id: String) -> String { redactor.hash("id:" + id, kind: "server") }
    func serverKey(name: String) -> String { redactor.hash("name:" + name, kind: "server") }

    /// The structural fingerprint in its BLOB form (``StructureCodec``): per category and channel, a keyed tag of
    /// its id (the export's, else its names), its parent's position, its masked name (a count when every letter is
    /// masked) and a keyed tag of its name in clear. This runs for every channel of every scan: bytes, no JSON.
    private func structure(of result: ClassificationResult) -> [UInt8] {
        let server = result.server
        var masks = Redactor.Masks(result)
        var out = StructureCodec.Writer(capacity: 1 + 24 * (server.categories.count + server.channels.count))
        for (index, category) in server.categories.enumerated() {
            let masked = !keepsNames && masks.keepsNothing(category: index)
            out.entry(channel: false,
                      tag: redactor.tag(category.id.map { "id:" + $0 } ?? "name:" + category.name, domain: "g"),
                      parent: nil, masked: masked,
                      name: masked || keepsNames ? category.name : masks.category(category.name, index: index),
                      nameTag: redactor.tag(category.name, domain: "n"))
        }
        for (index, channel) in server.channels.enumerated() {
            let parentName = channel.categoryIndex.map { server.categories[$0].name } ?? ""
            let masked = !keepsNames && masks.keepsNothing(channel: index, category: channel.categoryIndex)
            out.entry(channel: true,
                      tag: redactor.tag(channel.id.map { "id:" + $0 } ?? "name:" + parentName + "\u{0}" + channel.name,
                                        domain: "h"),
                      parent: channel.categoryIndex, masked: masked,
                      name: masked || keepsNames ? channel.name
                          : masks.channel(channel.name, index: index, category: channel.categoryIndex),
                      nameTag: redactor.tag(channel.name, domain: "n"))
        }
        return out.bytes
    }
}
