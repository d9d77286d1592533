/// A parsed JSON value. classify parses JSON itself so that every error can name the line and column, deep nesting
/// is refused instead of overflowing the stack, and numbers used as ids keep their exact digits.
package enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number's literal text, exactly as written (ids such as 1234567890123456789 must not lose digits).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public subscript(key: String) -> JSONValue? {
        if case let .object(members) = self { return members[key] }
        return nil
    }

    public var stringValue: String? {
        if case let .string(value) = self { return value }
        return nil
    }

    /// A string, or a number's literal text: how ids appear in exports (strings in the API, numbers in templates).
    public var idValue: String? {
        switch self {
        case let .string(value): return value
        case let .number(literal): return literal
        default: return nil
        }
    }

    public var intValue: Int? {
        if case let .number(literal) = self { return Int(literal) }
        if case let .string(value) = self { return Int(value) }
        return nil
    }

    public var boolValue: Bool? {
        if case let .bool(value) = self { return value }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case let .array(values) = self { return values }
        return nil
    }

    public var objectValue: [String: JSONValue]? {
        if case let .object(members) = self { return members }
        return nil
    }

    public var isNull: Bool { self == .null }

    /// A short name of the value's kind, for error messages.
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
