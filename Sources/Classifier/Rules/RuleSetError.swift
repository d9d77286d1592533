import Yams

/// Where something is in a rule-pack file: 1-based line and column of the YAML node, as editors count them.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The rule-pack file (or the rules folder), as its path was given.
    public let file: String
    /// 1-based line; nil when the problem is with the whole file.
    public let line: Int?
    /// 1-based column; nil when not known.
    public let column: Int?

    /// A place in a file; leave `line` and `column` nil for the file as a whole.
    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    init(file: String, node: Node?) {
        self.init(file: file, line: node?.mark?.line, column: node?.mark?.column)
    }

    /// `file:line:column`, as compilers print it so that editors and terminals can jump to it.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}

/// A stable code for every problem a rule pack can have: at load (E0xx), at lint (E1xx) and when its examples run
/// (E2xx). Codes never change meaning; scripts and docs may rely on them. New problems get new numbers.
public enum PackProblem: String, Sendable, CaseIterable {
    case rulesFolder = "E001"
    case unreadableFile = "E002"
    case invalidYAML = "E003"
    case unknownKey = "E004"
    case missingKey = "E005"
    case wrongType = "E006"
    case invalidValue = "E007"
    case unknownName = "E008"
    case unknownSignal = "E009"
    case ruleShape = "E010"
    case emptyPack = "E011"
    case duplicateID = "E012"
    case patternSyntax = "E013"
    case emptyMatch = "E014"
    case packTooLarge = "E015"
    case missingMatchExamples = "E101"
    case missingNoMatchExamples = "E102"
    case unusedSignal = "E103"
    case denialBlindToView = "E104"
    case exampleNotMatched = "E201"
    case exampleWronglyMatched = "E202"
    case exampleError = "E203"

    /// A short title, the same for every instance of the problem.
    public var title: String {
        switch self {
        case .rulesFolder: "rules folder unusable"
        case .unreadableFile: "file cannot be read"
        case .invalidYAML: "invalid YAML"
        case .unknownKey: "unknown key"
        case .missingKey: "missing key"
        case .wrongType: "wrong type"
        case .invalidValue: "invalid value"
        case .unknownName: "unknown name"
        case .unknownSignal: "unknown signal"
        case .ruleShape: "rule cannot work as written"
        case .emptyPack: "empty pack"
        case .duplicateID: "duplicate rule id"
        case .patternSyntax: "pattern does not compile"
        case .emptyMatch: "pattern matches the empty string"
        case .packTooLarge: "pack too large"
        case .missingMatchExamples: "no examples.match"
        case .missingNoMatchExamples: "no examples.no-match"
        case .unusedSignal: "unused signal"
        case .denialBlindToView: "denial blind to a view"
        case .exampleNotMatched: "example not matched"
        case .exampleWronglyMatched: "example wrongly matched"
        case .exampleError: "example run failed"
        }
    }
}

/// A rule pack that cannot be used. The run stops: scoring with a broken pack would give wrong verdicts.
///
/// Printed like a compiler error, so that an editor can jump to it:
/// `Rules/leaks.yaml:12:5: error[E012]: leaks.request: duplicate id (first at Rules/signals.yaml:40:5)`.
public struct RuleSetError: Error, Sendable, CustomStringConvertible {
    /// The problem's stable code, printed as `error[E0xx]`.
    public let code: PackProblem
    /// Where the problem is: the file, and the line and column when known.
    public let location: SourceLocation
    /// The rule or signal id the problem is in, when there is one.
    public let item: String?
    /// What is wrong, for people.
    public let reason: String
    /// A second place the problem involves, such as the first definition of a duplicate id.
    public let related: SourceLocation?

    /// The file (or folder) the problem is in.
    public var file: String { location.file }
    /// 1-based line of the problem, when known.
    public var line: Int? { location.line }
    /// 1-based column of the problem, when known.
    public var column: Int? { location.column }

    /// A problem at a place in a pack; `related` names a second place, such as a duplicate's first definition.
    public init(_ code: PackProblem, at location: SourceLocation, item: String? = nil, reason: String,
                related: SourceLocation? = nil) {
        self.code = code
        self.location = location
        self.item = item
        self.reason = reason
        self.related = related
    }

    /// A problem with a whole file or folder, at no known line.
    public init(_ code: PackProblem, file: String, item: String? = nil, reason: String) {
        self.init(code, at: SourceLocation(file: file), item: item, reason: reason)
    }

    public var description: String {
        var text = "\(location): error[\(code.rawValue)]: "
        if let item { text += "\(item): " }
        return text + reason
    }
}
