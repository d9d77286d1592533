/// The parts of a server structure a rule can read.
public enum Field: String, Sendable, CaseIterable, Codable, Comparable {
    case serverName = "server-name"
    case serverDescription = "server-description"
    case category
    case channel
    case topic

    public static func < (lhs: Field, rhs: Field) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
