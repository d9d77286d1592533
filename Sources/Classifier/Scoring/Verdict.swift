/// What a moderator should do next, from low to high.
public enum Verdict: String, Sendable, CaseIterable, Comparable, Codable {
    case clear
    case watch
    case reportPlatform = "report-platform"
    case reportAuthorities = "report-authorities"

    /// Orders verdicts by urgency, from `clear` to `report-authorities`.
    public static func < (lhs: Verdict, rhs: Verdict) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

extension Verdict: CustomStringConvertible {
    /// The stable identifier (`report-platform`), as in every output.
    public var description: String { rawValue }
}
