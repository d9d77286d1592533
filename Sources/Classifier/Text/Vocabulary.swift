/// The words a rule set knows, read out of its PCRE2 patterns, for the segmented view to split glued names with
/// (`snapleaks` → `snap leaks`).
///
/// A pattern is read as a small language of words: literal letters build a word, separators (`[\s\-_]*`, a space,
/// `-`, `_`, an apostrophe) end one, anything the reader does not follow (`\w*`, `\d+`, `.`, a negated class) ends
/// one too - so `p[o0]rn\w*` gives `porn` and `p0rn`, and `demandes?[\s\-_]*(?:de[\s\-_]*)?leaks?` gives
/// `demande`, `demandes`, `de`, `leak`, `leaks`. Products are capped, so a pattern with a huge language gives the
/// words it can and never blows up; a word is kept only when it is letters alone.
package enum Vocabulary {
    /// Every letters-only word of three letters or more in `patterns`, lower-cased, accents kept (fold them before
    /// use). Two-letter words (`ex`, `gf`) split names only when the policy lists them: from patterns they are
    /// mostly pieces of elisions (`d'`, `qu'un`).
    public static func words(of patterns: [String]) -> Set<String> {
        var words = Set<String>()
        for pattern in patterns {
            var parser = Parser(Array(pattern.unicodeScalars))
            guard let language = parser.parseAlternation() else { continue }
            for word in language.allWords where word.count >= 3 && word.unicodeScalars.allSatisfy(\.properties.isAlphabetic) {
                words.insert(word)
            }
        }
        return words
    }

    /// The strings a piece of pattern can consume, seen as words. `whole`: what it consumes without crossing a
    /// separator. `split`: when it can cross one, the partial word before the first separator (`lead`), the
    /// complete words strictly between separators (`inner`) and the partial word after the last (`trail`).
    struct Language {
        var whole: Set<String>
        var split: Split?

        struct Split {
            var lead: Set<String>
            var inner: Set<String>
            var trail: Set<String>
        }

        static let empty = Language(whole: [""], split: nil)
        static let separator = Language(whole: [], split: Split(lead: [""], inner: [], trail: [""]))

        var allWords: Set<String> {
            var words = whole
            if let split { words.formUnion(split.lead); words.formUnion(split.inner); words.formUnion(split.trail) }
            return words
        }

        static let cap = 512

        static func product(_ a: Set<String>, _ b: Set<String>) -> Set<String> {
            if a.count * b.count > cap {
                // Too many combinations: keep the pieces as words of their own rather than lose them.
                return a.union(b)
            }
            var out = Set<String>()
            for x in a { for y in b { out.insert(x + y) } }
            return out
        }

        /// Adds the ways `split` crosses separators to those already known.
        mutating func merge(_ split: Split) {
            guard var current = self.split else {
                self.split = split
                return
            }
            current.lead.formUnion(split.lead)
            current.inner.formUnion(split.inner)
            current.trail.formUnion(split.trail)
            self.split = current
        }

        static func concatenate(_ a: Language, _ b: Language) -> Language {
            var result = Language(whole: product(a.whole, b.whole), split: nil)
            func add(_ split: Split) { result.merge(split) }
            if let bs = b.split, !a.whole.isEmpty {
                add(Split(lead: product(a.whole, bs.lead), inner: bs.inner, trail: bs.trail))
            }
            if let asp = a.split, !b.whole.isEmpty {
                add(Split(lead: asp.lead, inner: asp.inner, trail: product(asp.trail, b.whole)))
            }
            if let asp = a.split, let bs = b.split {
                add(Split(lead: asp.lead, inner: asp.inner.union(bs.inner).union(product(asp.trail, bs.lead)),
                          trail: bs.trail))
            }
            return result
        }

        static func alternate(_ a: Language, _ b: Language) -> Language {
            var result = Language(whole: a.whole.union(b.whole), split: a.split)
            if let bs = b.split { result.merge(bs) }
            // No cut here: alternation adds, it cannot blow up, and a cut would keep whichever words the set's
            // per-process hash order put first - a vocabulary, and so verdicts, that changed from run to run.
            return result
        }
    }

    struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }

        mutating func parseAlternation() -> Language? {
            guard var result = parseSequence() else { return nil }
            while peek() == "|" {
                index += 1
                guard let next = parseSequence() else { return nil }
                result = Language.alternate(result, next)
            }
            return result
        }

        mutating func parseSequence() -> Language? {
            var result = Language.empty
            while let scalar = peek(), scalar != "|", scalar != ")" {
                guard let atom = parseAtom(), let quantified = parseQuantifier(atom) else { return nil }
                result = Language.concatenate(result, quantified)
            }
            return result
        }

        static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "-" || scalar == "_" || scalar == "'" || scalar == "’" || scalar == "."
                || scalar == "/" || scalar == ","
        }

        mutating func parseAtom() -> Language? {
            guard let scalar = peek() else { return nil }
            index += 1
            switch scalar {
            case "(":
                var lookaround = false
                if peek() == "?" {
                    index += 1
                    switch peek() {
                    case ":", ">": index += 1
                    case "=", "!": index += 1; lookaround = true
                    case "<":
                        if peek(1) == "=" || peek(1) == "!" { index += 2; lookaround = true } else { return nil }
                    default: return nil
                    }
                } else if peek() == "*" {
                    return nil
                }
                guard let inner = parseAlternation(), peek() == ")" else { return nil }
                index += 1
                return lookaround ? .empty : inner
            case "[":
                return parseClass()
            case "\\":
                guard let escaped = peek() else { return nil }
                index += 1
                switch escaped {
                case "b", "B", "A", "z", "Z", "G": return .empty
                case "s", "h", "v", "R": return .separator
                case "p", "P":
                    if peek() == "{" { while let c = peek(), c != "}" { index += 1 }; index += 1 } else { index += 1 }
                    return .separator
                default:
                    if escaped.properties.isAlphabetic || ("0"..."9").contains(escaped) { return .separator }
                    return Self.isSeparator(escaped) ? .separator : Language(whole: [String(escaped)], split: nil)
                }
            case "^", "$":
                return .empty
            case ".":
                return .separator
            default:
                if Self.isSeparator(scalar) { return .separator }
                return Language(whole: [String(scalar).lowercased()], split: nil)
            }
        }

        /// A class of a few letters gives each; a class of separators is a separator; anything else ends a word.
        mutating func parseClass() -> Language? {
            var members: [String] = []
            var separatorOnly = true
            if peek() == "^" { index += 1; separatorOnly = false; members = ["\u{0}"] }
            var first = true
            while let scalar = peek(), scalar != "]" || first {
                first = false
                index += 1
                if scalar == "\\" {
                    guard let escaped = peek() else { return nil }
                    index += 1
                    if escaped == "s" || Self.isSeparator(escaped) { continue }
                    if escaped.properties.isAlphabetic || ("0"..."9").contains(escaped) { return skipClass() }
                    separatorOnly = false
                    members.append(String(escaped))
                } else if peek() == "-", let high = peek(1), high != "]" {
                    index += 2
                    separatorOnly = false
                    if high.value < scalar.value || high.value - scalar.value > 9 { return skipClass() }
                    for value in scalar.value...high.value { members.append(String(Unicode.Scalar(value)!).lowercased()) }
                } else if Self.isSeparator(scalar) {
                    continue
                } else {
                    separatorOnly = false
                    members.append(String(scalar).lowercased())
                }
            }
            guard peek() == "]" else { return nil }
            index += 1
            if separatorOnly { return .separator }
            if members.contains("\u{0}") { return .separator }
            return Language(whole: Set(members), split: nil)
        }

        private mutating func skipClass() -> Language? {
            while let scalar = peek(), scalar != "]" { index += scalar == "\\" ? 2 : 1 }
            guard peek() == "]" else { return nil }
            index += 1
            return .separator
        }

        mutating func parseQuantifier(_ atom: Language) -> Language? {
            guard let scalar = peek() else { return atom }
            var minimum = 1, maximum: Int? = 1
            switch scalar {
            case "?": minimum = 0; maximum = 1; index += 1
            case "*": minimum = 0; maximum = nil; index += 1
            case "+": minimum = 1; maximum = nil; index += 1
            case "{":
                var digits = "", high = ""
                var cursor = index + 1
                while cursor < scalars.count, ("0"..."9").contains(scalars[cursor]) { digits.unicodeScalars.append(scalars[cursor]); cursor += 1 }
                guard let low = Int(digits) else { return atom }
                minimum = low; maximum = low
                if cursor < scalars.count, scalars[cursor] == "," {
                    cursor += 1
                    while cursor < scalars.count, ("0"..."9").contains(scalars[cursor]) { high.unicodeScalars.append(scalars[cursor]); cursor += 1 }
                    maximum = Int(high)
                }
                guard cursor < scalars.count, scalars[cursor] == "}" else { return nil }
                index = cursor + 1
            default:
                return atom
            }
            if peek() == "?" || peek() == "+" { index += 1 }
            let isSeparator = atom.whole.isEmpty && atom.split.map {
                $0.lead == [""] && $0.trail == [""] && $0.inner.isEmpty
            } ?? false
            // An optional separator still ends a word: `demandes?[\s\-_]*leaks?` knows `demande` and `leak`, not
            // the glued `demandeleak` the segmented view exists to take apart.
            if isSeparator { return .separator }
            if maximum == 1 {
                return minimum == 0 ? Language.alternate(atom, .empty) : atom
            }
            // A repeated letter or group: the word is open-ended there, so it ends.
            let once = minimum == 0 ? Language.alternate(atom, .empty) : atom
            return Language.concatenate(once, .separator)
        }
    }
}
