import Classifier

/// The ways abusive servers write names to slip past filters, as transforms of an example text. The rule tester
/// derives one variant per transform from every example: a positive example must still match, a negative one must
/// still not. These generate test data; recognising them is the job of the text views.
public enum EvasionTransform: String, CaseIterable, Sendable {
    /// 𝓵𝓮𝓪𝓴𝓼 - mathematical bold script letters.
    case mathScript = "math-script"
    /// 𝔡𝔢𝔢𝔭𝔣𝔞𝔨𝔢 - mathematical fraktur letters.
    case fraktur
    /// ｌｅａｋｓ - fullwidth forms.
    case fullwidth
    /// ʟᴇᴀᴋꜱ - small capitals (letters without one stay as they are).
    case smallCaps = "small-caps"
    /// ⓛⓔⓐⓚⓢ - circled letters.
    case circled
    /// LEAKS - upper case.
    case uppercase
    /// l.e.a.k.s - a dot between the letters of each word of three letters or more.
    case dotted
    /// le​aks - zero-width spaces between letters.
    case zeroWidth = "zero-width"
    /// lеaks - Cyrillic look-alikes for some Latin letters.
    case cyrillic
    /// l̴e̴a̴k̴s̴ - a combining overlay on every letter.
    case overlay
    /// leeeeaks - one letter of each word stretched.
    case stretched
    /// ┃💦・leaks・💦┃ - decorations around the text.
    case decorated
    /// l34k5 - leet digits and symbols; only rules that read the leet view are expected to see through it.
    case leet
    /// teen_nudes_trade - words joined by underscores.
    case snake
    /// TeenNudesTrade - words joined in CamelCase.
    case camel
    /// teennudestrade - words glued with nothing; the segmented view splits them with the packs' vocabulary, so
    /// only channel-name examples (no spaces) are expected to match.
    case glued

    /// The variant of `text`.
    public func apply(_ text: String) -> String {
        switch self {
        case .mathScript: return mapLetters(text) { Self.offset($0, lower: 0x1D4EA, upper: 0x1D4D0) }
        case .fraktur: return mapLetters(text) { Self.fraktur($0) }
        case .fullwidth:
            return String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
                (0x21...0x7E).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0xFEE0)! : scalar
            }))
        case .smallCaps: return mapLetters(text) { Self.smallCapital($0) }
        case .circled: return mapLetters(text) { Self.offset($0, lower: 0x24D0, upper: 0x24B6) }
        case .uppercase: return text.uppercased()
        case .dotted: return mapWords(text) { word in word.count >= 3 ? word.map(String.init).joined(separator: ".") : String(word) }
        case .zeroWidth: return mapWords(text) { word in word.map(String.init).joined(separator: "\u{200B}") }
        case .cyrillic: return mapLetters(text) { Self.cyrillicLetters[$0].map { [$0] } ?? [$0] }
        case .overlay: return mapLetters(text) { [$0, "\u{0334}"] }
        case .stretched: return mapWords(text, stretch)
        case .decorated: return "┃💦・" + text + "・💦┃"
        case .leet: return mapWords(text, leetWord)
        case .snake: return join(text) { words in words.joined(separator: "_") }
        case .camel:
            return join(text) { words in
                words.map { word in word.prefix(1).uppercased() + word.dropFirst() }.joined()
            }
        case .glued: return join(text) { words in words.joined().lowercased() }
        }
    }

    /// Whether a positive example is expected to survive this transform: gluing only hides nothing in a channel
    /// name (a sentence glued into one word is not how names are written, and its small words are unknown).
    /// - Parameters:
    ///   - example: the example text as written in the pack.
    ///   - knownWords: the words the segmented view splits glued names into; a glued name is expected to
    ///     match only when every word of it is one of them.
    public func expectsMatch(of example: [String], knownWords: Set<String> = []) -> Bool {
        let texts = example.map { line -> Substring in
            guard let colon = line.firstIndex(of: ":"), line[..<colon].allSatisfy(\.isLetter) else { return Substring(line) }
            return line[line.index(after: colon)...]
        }
        func digitsApart(_ text: Substring) -> Bool {
            let characters = Array(text)
            return characters.indices.dropFirst().dropLast().contains { index in
                "-_. ".contains(characters[index]) && characters[index - 1].isNumber && characters[index + 1].isNumber
            }
        }
        switch self {
        case .leet:
            // Leet digits in a text that already has digits (u18, 13-17) cannot be told from its numbers.
            return !texts.contains { $0.contains(where: \.isNumber) }
        case .snake, .camel:
            // Names are joined, not sentences; numbers joined together (1317) lose their meaning.
            return texts.allSatisfy { $0.split(separator: " ").count <= 3 && ($0.count < 2 || !digitsApart($0) || self == .snake) }
        case .glued:
            guard example.count == 1, !example[0].contains(" "), !example[0].contains(":"), !digitsApart(texts[0])
            else { return false }
            let words = texts[0].split { !$0.isLetter }.map { Segmenter.foldWord(String($0)) }
            return words.count < 2 || words.allSatisfy { knownWords.contains($0) }
        default:
            return true
        }
    }

    // MARK: - Joinings

    /// Rewrites each run of words joined by spaces, hyphens, underscores or dots; other characters (emoji, box
    /// drawing, apostrophes) stay where they are and end a run.
    private func join(_ text: String, _ joined: ([String]) -> String) -> String {
        var out = ""
        var words: [String] = []
        var word = ""
        var pendingSeparator = ""
        func flushWord() {
            if !word.isEmpty { words.append(word); word = "" }
        }
        func flushRun() {
            flushWord()
            if !words.isEmpty { out += joined(words); words = [] }
            out += pendingSeparator
            pendingSeparator = ""
        }
        for character in text {
            if character.isLetter || character.isNumber {
                if !pendingSeparator.isEmpty, !word.isEmpty || !words.isEmpty {
                    flushWord()
                    pendingSeparator = ""
                } else if !pendingSeparator.isEmpty {
                    out += pendingSeparator
                    pendingSeparator = ""
                }
                word.append(character)
            } else if character == " " || character == "-" || character == "_" || character == "." {
                pendingSeparator.append(character)
            } else {
                flushRun()
                out.append(character)
            }
        }
        flushRun()
        return out
    }

    // MARK: - Letters

    private func mapLetters(_ text: String, _ transform: (Unicode.Scalar) -> [Unicode.Scalar]) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic {
                scalars.append(contentsOf: transform(scalar))
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    private static func offset(_ scalar: Unicode.Scalar, lower: UInt32, upper: UInt32) -> [Unicode.Scalar] {
        let value = scalar.value
        let mapped = (0x61...0x7A).contains(value) ? lower + value - 0x61 : upper + value - 0x41
        return [Unicode.Scalar(mapped) ?? scalar]
    }

    /// Fraktur capitals C, H, I, R and Z live in the Letterlike Symbols block, so every letter is written in
    /// lower case, whose block has no holes.
    private static func fraktur(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        let lower = scalar.properties.lowercaseMapping.unicodeScalars.first!.value
        return [Unicode.Scalar(0x1D51E + lower - 0x61) ?? scalar]
    }

    /// Found by Unicode name through ICU ("LATIN LETTER SMALL CAPITAL L"), so no table to keep.
    private static func smallCapital(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        let letter = String(scalar).uppercased()
        return [ICU.scalar(named: "LATIN LETTER SMALL CAPITAL " + letter) ?? scalar]
    }

    /// Cyrillic letters that render like Latin ones (test data, not a normalisation table).
    private static let cyrillicLetters: [Unicode.Scalar: Unicode.Scalar] = [
        "a": "\u{0430}", "e": "\u{0435}", "o": "\u{043E}", "p": "\u{0440}", "c": "\u{0441}", "x": "\u{0445}",
        "A": "\u{0410}", "E": "\u{0415}", "O": "\u{041E}", "P": "\u{0420}", "C": "\u{0421}", "X": "\u{0425}",
    ]

    private static let leetDigits: [Unicode.Scalar: Unicode.Scalar] = [
        "a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7", "A": "4", "E": "3", "I": "1", "O": "0",
        "S": "5", "T": "7",
    ]

    // MARK: - Words

    /// Applies `transform` to each run of ASCII letters.
    private func mapWords(_ text: String, _ transform: (Substring) -> String) -> String {
        var out = ""
        var word = ""
        func flush() {
            if !word.isEmpty { out += transform(Substring(word)); word = "" }
        }
        for character in text {
            if character.isLetter { word.append(character) } else {
                flush()
                out.append(character)
            }
        }
        flush()
        return out
    }

    /// Writes a word's letters as leet digits, keeping its first letter when every letter would become a digit:
    /// "ia" as "14" would be a number, not a word, and no reader could tell.
    private func leetWord(_ word: Substring) -> String {
        let scalars = word.unicodeScalars.map { Self.leetDigits[$0] ?? $0 }
        let keepFirst = scalars.allSatisfy { $0.properties.numericType != nil }
        return String(String.UnicodeScalarView(scalars.enumerated().map { index, scalar in
            keepFirst && index == 0 ? word.unicodeScalars.first! : scalar
        }))
    }

    /// Repeats one letter of a word four times, choosing one that is not already doubled (so that shortening the
    /// run gives the word back).
    private func stretch(_ word: Substring) -> String {
        let letters = Array(word)
        guard letters.count >= 3 else { return String(word) }
        for index in 1..<letters.count {
            let before = letters[index - 1]
            let after = index + 1 < letters.count ? letters[index + 1] : nil
            if before != letters[index], after != letters[index] {
                var copy = letters
                copy.insert(contentsOf: Array(repeating: letters[index], count: 3), at: index)
                return String(copy)
            }
        }
        return String(word)
    }
}
