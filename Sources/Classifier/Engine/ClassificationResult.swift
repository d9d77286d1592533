/// Everything classify says about one server: the verdict, the scores behind it and the evidence behind those.
public struct ClassificationResult: Sendable {
    /// The server classified, with protected names (``ProtectedNames``) masked in it.
    public let server: Server
    /// The server's verdict: the highest any category asks for, after escalation (see ``Scorer``).
    public let verdict: Verdict
    /// Every category with evidence (or lowered by counter-evidence), in typology order.
    public let categories: [CategoryScore]
    /// Every rule hit, counter-evidence and experimental rules included, in rule-set order (rules building on other hits last).
    public let evidence: [Evidence]
    /// Rules that could not be evaluated on this server; their absence from the evidence means nothing.
    public let errors: [RuleError]

    /// What a moderator should know before trusting a `clear`: an export with no channel says nothing about the
    /// server (a bot without the permission to see them, or a cut export).
    public var warnings: [String] {
        var warnings: [String] = []
        if server.channels.isEmpty {
            warnings.append("no channels: the export may lack permissions or be cut short; a clear verdict says nothing")
        }
        return warnings
    }
}
