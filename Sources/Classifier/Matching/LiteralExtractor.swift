/// Finds, for a PCRE2 pattern, a set of literal strings at least one of which every match must contain - so that
/// a pattern whose literals are all absent from a text need not run on it.
///
/// The extractor understands the syntax rule packs use - literals and escapes, classes, groups, alternation,
/// quantifiers, anchors and lookarounds - and answers `nil` ("no requirement": run the pattern on every text)
/// for anything it does not understand, so it can be too cautious but never wrong. Literals are lower-cased and cut
/// down to their longest piece of ASCII characters and characters without case (`€`, `’`): the scanner compares
/// ASCII-lower-cased bytes, which is exactly what a caseless match of those needs (the two non-ASCII characters that
/// fold to ASCII letters, the Kelvin sign and the long s, make ``LiteralScanner`` treat every pattern as a candidate).
package enum LiteralExtractor {
    /// The required literals of `pattern`, or nil when it has none that can be trusted.
    public static func requiredLiterals(of pattern: String) -> Set<String>? {
        var parser = Parser(Array(pattern.unicodeScalars))
        guard let node = parser.parseAlternation(), parser.atEnd else { return nil }
        guard var required = node.required ?? node.exact, !required.contains("") else { return nil }
        required = Set(required.map(longestCaseStablePiece))
        if required.contains("") { return nil }
        // A required literal that contains another is implied by it; keep the shorter ones only. (Compared as
        // bytes, as the scanner does: Foundation's String.contains mishandles some strings, such as ones with NUL.)
        let bytes = required.map { ($0, Array($0.utf8)) }
        let minimal = bytes.filter { candidate in
            !bytes.contains { $0.0 != candidate.0 && contains(candidate.1, $0.1) }
        }
        return Set(minimal.map(\.0))
    }

    /// Whether `needle` occurs in `haystack`, byte for byte.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    static func longestCaseStablePiece(_ text: String) -> String {
        var best = Substring(), current = Substring()
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if !isCaseStable(text[index]) {
                current = text[start..<index]
                if current.count > best.count { best = current }
                start = next
            }
            index = next
        }
        current = text[start..<text.endIndex]
        if current.count > best.count { best = current }
        return String(best)
    }

    /// ASCII, or a character that no case mapping changes - its bytes are the same in every caseless match.
    static func isCaseStable(_ character: Character) -> Bool {
        character.isASCII || character.unicodeScalars.allSatisfy { !$0.properties.changesWhenCaseMapped }
    }

    /// What is known about the text one piece of a pattern consumes.
    struct Info {
        /// Every string the piece can consume, when there are few; "" when it can consume nothing.
        var exact: Set<String>?
        /// Strings one of which any consumed text contains; nil when unknown.
        var required: Set<String>?

        static let empty = Info(exact: [""], required: nil)
        static let unknownCharacter = Info(exact: nil, required: nil)
    }

    static let maxSetSize = 64

    static func product(_ left: Set<String>, _ right: Set<String>) -> Set<String>? {
        guard left.count * right.count <= maxSetSize else { return nil }
        var result: Set<String> = []
        for a in left { for b in right { result.insert(a + b) } }
        return result
    }

    /// The more useful of two requirements: the one whose shortest literal is longest, then the smaller set.
    static func better(_ a: Set<String>?, _ b: Set<String>?) -> Set<String>? {
        guard let a, !a.contains("") else { return b.flatMap { $0.contains("") ? nil : $0 } }
        guard let b, !b.contains("") else { return a }
        let shortestA = a.map { asciiLength($0) }.min() ?? 0, shortestB = b.map { asciiLength($0) }.min() ?? 0
        if shortestA != shortestB { return shortestA > shortestB ? a : b }
        return a.count <= b.count ? a : b
    }

    /// Length that will survive the cut to ASCII.
    static func asciiLength(_ text: String) -> Int { longestCaseStablePiece(text).count }

    static func concatenate(_ items: [Info]) -> Info {
        var exact: Set<String>? = [""]
        var required: Set<String>?
        var run: Set<String>? = [""]
        for item in items {
            required = better(required, item.required)
            if let itemExact = item.exact {
                exact = exact.flatMap { product($0, itemExact) }
                if let current = run, let extended = product(current, itemExact) {
                    run = extended
                } else {
                    required = better(required, run)
                    run = itemExact
                }
            } else {
                exact = nil
                required = better(required, run)
                run = [""]
            }
        }
        required = better(required, run)
        return Info(exact: exact, required: required)
    }

    static func alternate(_ alternatives: [Info]) -> Info {
        var exact: Set<String>? = []
        var required: Set<String>? = []
        for alternative in alternatives {
            if let current = exact, let more = alternative.exact, current.count + more.count <= maxSetSize {
                exact = current.union(more)
            } else {
                exact = nil
            }
            let need = better(alternative.required, alternative.exact)
            if let current = required, let need, !need.contains("") {
                required = current.union(need)
            } else {
                required = nil
            }
        }
        return Info(exact: exact, required: required)
    }

    // MARK: - Parser

    struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0
        var failed = false

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var atEnd: Bool { index >= scalars.count && !failed }

        private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }

        mutating func parseAlternation() -> Info? {
            var alternatives: [Info] = []
            while true {
                guard let sequence = parseSequence() else { return nil }
                alternatives.append(sequence)
                if peek() == "|" { index += 1 } else { break }
            }
            return alternatives.count == 1 ? alternatives[0] : LiteralExtractor.alternate(alternatives)
        }

        mutating func parseSequence() -> Info? {
            var items: [Info] = []
            while let scalar = peek(), scalar != "|", scalar != ")" {
                guard let atom = parseAtom() else { return nil }
                guard let quantified = parseQuantifier(atom) else { return nil }
                items.append(quantified)
            }
            return LiteralExtractor.concatenate(items)
        }

        mutating func parseAtom() -> Info? {
            guard let scalar = peek() else { return nil }
            index += 1
            switch scalar {
            case "(":
                return parseGroup()
            case "[":
                return parseClass()
            case "\\":
                return parseEscape()
            case ".":
                return .unknownCharacter
            case "^", "$":
                return .empty
            case "*", "+", "?", "{":
                return nil  // a quantifier with nothing to repeat
            default:
                return literal(scalar)
            }
        }

        func literal(_ scalar: Unicode.Scalar) -> Info {
            let lower = String(scalar).lowercased()
            return Info(exact: [lower], required: nil)
        }

        mutating func parseGroup() -> Info? {
            var lookaround = false
            if peek() == "?" {
                index += 1
                guard let kind = peek() else { return nil }
                switch kind {
                case ":", ">", "|":
                    index += 1
                case "=", "!":
                    index += 1
                    lookaround = true
                case "<":
                    if peek(1) == "=" || peek(1) == "!" {
                        index += 2
                        lookaround = true
                    } else {
                        // Named group (?<name>...)
                        while let c = peek(), c != ">" { index += 1 }
                        index += 1
                    }
                case "P", "'":
                    return nil
                default:
                    // Inline options such as (?i) or (?i:...): skip the letters; an option group applies to what follows.
                    // (?x) changes what whitespace and # mean, which this reader does not follow: no literal.
                    while let c = peek(), c.properties.isAlphabetic || c == "-" {
                        if c == "x" { return nil }
                        index += 1
                    }
                    if peek() == ")" {
                        index += 1
                        return .empty
                    }
                    guard peek() == ":" else { return nil }
                    index += 1
                }
            } else if peek() == "*" {
                return nil  // verbs such as (*NO_JIT), (*UCP)
            }
            guard let inner = parseAlternation(), peek() == ")" else { return nil }
            index += 1
            return lookaround ? .empty : inner
        }

        mutating func parseEscape() -> Info? {
            guard let scalar = peek() else { return nil }
            index += 1
            switch scalar {
            case "b", "B", "A", "z", "Z", "G", "K":
                return .empty
            case "s", "S", "d", "D", "w", "W", "h", "H", "v", "V", "R", "N", "X", "C":
                return .unknownCharacter
            case "p", "P":
                if peek() == "{" {
                    while let c = peek(), c != "}" { index += 1 }
                    index += 1
                } else {
                    index += 1
                }
                return .unknownCharacter
            case "x", "o", "c", "g", "k", "Q", "E", "u", "U", "0"..."9":
                return nil  // codes, back-references and quoting: not worth guessing
            case "n", "t", "r", "f", "e", "a":
                return .unknownCharacter
            default:
                return literal(scalar)
            }
        }

        /// A class gives its members when they are a few literal characters; otherwise one unknown character.
        mutating func parseClass() -> Info? {
            var members: Set<String> = []
            var known = true
            if peek() == "^" {
                known = false
                index += 1
            }
            var first = true
            while let scalar = peek() {
                if scalar == "]" && !first { break }
                first = false
                index += 1
                var member: Unicode.Scalar? = scalar
                if scalar == "\\" {
                    guard let escaped = peek() else { return nil }
                    index += 1
                    if escaped.properties.isAlphabetic || ("0"..."9").contains(escaped) {
                        known = false  // \s, \d, \w, \x…: not a short list of literals
                        member = nil
                        // \x{2460}, \p{L}: skip the braces too.
                        if peek() == "{" {
                            while let c = peek(), c != "}" { index += 1 }
                            index += 1
                        }
                        // \x{2460}-\x{24FF}: a range between escapes is some characters, no literal.
                        if peek() == "-", let high = peek(1), high != "]" {
                            index += 1
                            if high == "\\" {
                                index += 2
                                if peek() == "{" {
                                    while let c = peek(), c != "}" { index += 1 }
                                    index += 1
                                }
                            } else {
                                index += 1
                            }
                        }
                    } else {
                        member = escaped
                    }
                } else if scalar == "[" && peek() == ":" {
                    while let c = peek(), c != "]" { index += 1 }
                    index += 1
                    known = false
                    member = nil
                }
                if let low = member, peek() == "-", let high = peek(1), high != "]" {
                    index += 2
                    if high == "\\" { return nil }
                    guard low.value <= high.value else { return nil }
                    if high.value - low.value > 16 {
                        known = false
                    } else {
                        for value in low.value...high.value {
                            if let character = Unicode.Scalar(value) { members.insert(String(character).lowercased()) }
                        }
                    }
                } else if let member {
                    members.insert(String(member).lowercased())
                }
            }
            guard peek() == "]" else { return nil }
            index += 1
            return known && !members.isEmpty && members.count <= 8 ? Info(exact: members, required: nil) : .unknownCharacter
        }

        mutating func parseQuantifier(_ atom: Info) -> Info? {
            guard let scalar = peek() else { return atom }
            var minimum: Int
            var maximum: Int?
            switch scalar {
            case "?":
                minimum = 0; maximum = 1
                index += 1
            case "*":
                minimum = 0; maximum = nil
                index += 1
            case "+":
                minimum = 1; maximum = nil
                index += 1
            case "{":
                let saved = index
                index += 1
                var digits = ""
                while let c = peek(), ("0"..."9").contains(c) { digits.unicodeScalars.append(c); index += 1 }
                guard let low = Int(digits) else { index = saved; return LiteralExtractor.concatenate([atom, literal("{")]) }
                minimum = low
                maximum = low
                if peek() == "," {
                    index += 1
                    var high = ""
                    while let c = peek(), ("0"..."9").contains(c) { high.unicodeScalars.append(c); index += 1 }
                    maximum = Int(high)
                }
                guard peek() == "}" else { return nil }
                index += 1
            default:
                return atom
            }
            if peek() == "?" || peek() == "+" { index += 1 }  // lazy or possessive
            if minimum == 0 {
                if maximum == 1, let exact = atom.exact, exact.count < LiteralExtractor.maxSetSize {
                    return Info(exact: exact.union([""]), required: nil)
                }
                return Info(exact: nil, required: nil)
            }
            // At least once: whatever one occurrence requires is required.
            let once = LiteralExtractor.better(atom.required, atom.exact)
            if minimum == 1, maximum == 1 { return atom }
            return Info(exact: nil, required: once)
        }
    }
}
