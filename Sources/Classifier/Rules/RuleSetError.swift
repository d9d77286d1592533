/// A rule pack that cannot be used. The run stops: scoring with a broken pack would give wrong verdicts.
public struct RuleSetError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    /// The rule or signal id the problem is in, when there is one.
    public let item: String?
    public let reason: String

    public init(file: String, line: Int? = nil, item: String? = nil, reason: String) {
        self.file = file
        self.line = line
        self.item = item
        self.reason = reason
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let item { text += ": \(item)" }
        return text + ": " + reason
    }
}
