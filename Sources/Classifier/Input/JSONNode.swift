/// What ``ServerDecoder`` and ``InputFormat/detect(_:)`` read of a JSON document, whichever reader made it: the
/// full parser's tree (``JSONValue``) or the fast reader's tape (``JSONTape/Node``). One decoder over both is what
/// keeps the two paths giving the same ``Server`` for the same bytes.
package protocol JSONNode {
    /// The value of an object's member, nil when this is not an object or has no such member.
    func member(_ key: StaticString) -> Self?
    /// The text of a string.
    var stringValue: String? { get }
    /// A string, or a number's literal text (ids are strings in the API, numbers in templates).
    var idValue: String? { get }
    /// A number or a string holding an integer, as `Int(_:)` reads its text.
    var intValue: Int? { get }
    var boolValue: Bool? { get }
    /// The items of an array.
    var arrayValue: [Self]? { get }
    var isObject: Bool { get }
    var isNull: Bool { get }
    /// A short name of the value's kind, for error messages.
    var kindName: String { get }
    /// How an unknown top-level shape is described in an error.
    var shapeDescription: String { get }
}

extension JSONValue: JSONNode {
    package func member(_ key: StaticString) -> JSONValue? {
        self[key.description]
    }

    package var isObject: Bool { objectValue != nil }

    package var shapeDescription: String {
        switch self {
        case let .object(members):
            let keys = members.keys.sorted().prefix(6).joined(separator: ", ")
            return keys.isEmpty ? "an empty object" : "an object with keys \(keys)"
        case .array: return "an array whose items are not Discord channels"
        default: return "\(kindName) at the top level"
        }
    }
}
