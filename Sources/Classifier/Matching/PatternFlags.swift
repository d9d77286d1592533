import CPCRE2

/// Compile options a rule may set on its patterns.
///
/// Every pattern is compiled with UTF and UCP (Unicode-aware `\w`, `\b`, `\d`) and tolerates invalid UTF-8 in
/// subjects. Caseless matching is on unless a rule asks for `case-sensitive`.
package struct PatternFlags: Sendable, Equatable {
    public var caseless: Bool = true
    public var extended: Bool = false
    public var multiline: Bool = false
    public var dotAll: Bool = false

    public init(caseless: Bool = true, extended: Bool = false, multiline: Bool = false, dotAll: Bool = false) {
        self.caseless = caseless
        self.extended = extended
        self.multiline = multiline
        self.dotAll = dotAll
    }

    /// Parses the names used in rule packs (`case-sensitive`, `extended`, `multiline`, `dotall`).
    public init(names: [String]) throws(PatternFlagError) {
        for name in names {
            switch name {
            case "case-sensitive": caseless = false
            case "caseless": caseless = true
            case "extended": extended = true
            case "multiline": multiline = true
            case "dotall": dotAll = true
            default: throw PatternFlagError(name: name)
            }
        }
    }

    var compileOptions: UInt32 {
        var options = UInt32(PCRE2_UTF) | UInt32(PCRE2_UCP) | UInt32(PCRE2_MATCH_INVALID_UTF)
        if caseless { options |= UInt32(PCRE2_CASELESS) }
        if extended { options |= UInt32(PCRE2_EXTENDED) }
        if multiline { options |= UInt32(PCRE2_MULTILINE) }
        if dotAll { options |= UInt32(PCRE2_DOTALL) }
        return options
    }
}

/// A flag name in a rule pack that classify does not know.
public struct PatternFlagError: Error, Sendable {
    /// The unknown name as written (known: `case-sensitive`, `caseless`, `extended`, `multiline`, `dotall`).
    public let name: String
}
