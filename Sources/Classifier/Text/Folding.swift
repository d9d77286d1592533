/// The transforms behind the folded, skeleton and leet views. Each works on pieces (a scalar and the original
/// bytes it stands for) so that a match in any view maps back to the original text.
enum Folding {
    /// The folded view; see ``TextView/Kind/folded``.
    /// - Parameter keepingRunsOfThree: leave a run of exactly three letters as it is ("undressschool" is "undress"
    ///   and "school"); only the segmenter's second try asks for it.
    static func fold(_ original: [Piece], keepingRunsOfThree: Bool = false) -> [Piece] {
        var out: [Piece] = []
        out.reserveCapacity(original.count)
        for piece in original {
            let scalar = piece.scalar
            if scalar.isASCII {
                let value = scalar.value
                if (0x41...0x5A).contains(value) {
                    out.append(Piece(scalar: Unicode.Scalar(value + 0x20)!, start: piece.start, end: piece.end))
                } else if value < 0x20 || value == 0x7F {
                    appendSpace(&out, piece)
                } else {
                    out.append(piece)
                }
                continue
            }
            for folded in ICU.fold(scalar) {
                if folded.isASCII {
                    out.append(Piece(scalar: folded, start: piece.start, end: piece.end))
                    continue
                }
                switch ICU.characterClass(folded) {
                case .letter, .digit, .other:
                    out.append(Piece(scalar: folded, start: piece.start, end: piece.end))
                case .mark, .ignorable:
                    continue
                case .decoration:
                    appendSpace(&out, piece)
                }
            }
        }
        // Both passes below rebuild the array; most texts need neither.
        var spaced = false, runs = false
        for index in 0..<max(0, out.count - 2) {
            let a = out[index].scalar, b = out[index + 1].scalar, c = out[index + 2].scalar
            if a == b, b == c { runs = true }
            if isLetterSeparator(b), isLetter(a), isLetter(c) { spaced = true }
        }
        if spaced { out = joinSpacedLetters(out) }
        return runs ? shortenRuns(out, keepingRunsOfThree: keepingRunsOfThree) : out
    }

    /// Emoji, symbols and separators become one space; a run of them stays one space.
    private static func appendSpace(_ out: inout [Piece], _ piece: Piece) {
        if let last = out.last, last.scalar == " " {
            out[out.count - 1].end = piece.end
        } else {
            out.append(Piece(scalar: " ", start: piece.start, end: piece.end))
        }
    }

    // ASCII answers inline, the rest from ICU's property tries (Swift's Unicode.Scalar.Properties is far slower).
    @inline(__always) static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let lower = scalar.value | 0x20
            return lower >= 0x61 && lower <= 0x7A
        }
        return ICU.characterClass(scalar) == .letter
    }

    /// Separators that people put between the letters of a word: l.e.a.k.s, l e a k s, l-e-a-k-s, l_e_a_k_s.
    static func isLetterSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", ".", "-", "_", "*", "/", "|", "+", "~", ",", ":": return true
        default: return false
        }
    }

    /// Joins three or more single letters each separated by one separator: "l.e.a.k.s" reads "leaks".
    static func joinSpacedLetters(_ pieces: [Piece]) -> [Piece] {
        // A letter with no letter either side (a digit may touch it: "14a.n.s").
        func single(_ index: Int) -> Bool {
            guard index < pieces.count, isLetter(pieces[index].scalar) else { return false }
            let before = index == 0 || !isLetter(pieces[index - 1].scalar)
            let after = index + 1 == pieces.count || !isLetter(pieces[index + 1].scalar)
            return before && after
        }
        // How many single letters one separator joins from `index` on.
        func runLength(from index: Int) -> Int {
            guard index + 1 < pieces.count, isLetterSeparator(pieces[index + 1].scalar) else { return 1 }
            let separator = pieces[index + 1].scalar
            var count = 1
            var next = index
            while next + 2 < pieces.count, pieces[next + 1].scalar == separator, single(next + 2) {
                next += 2
                count += 1
            }
            return count
        }
        var out: [Piece] = []
        out.reserveCapacity(pieces.count)
        var index = 0
        while index < pieces.count {
            guard single(index) else {
                out.append(pieces[index])
                index += 1
                continue
            }
            // Count single letters joined by one and the same separator from here: in "d.e.m.a.n.d.e-l.e.a.k" the
            // hyphen still separates two words.
            var letters = [index]
            var next = index
            let separator = index + 1 < pieces.count ? pieces[index + 1].scalar : " "
            while next + 2 < pieces.count, pieces[next + 1].scalar == separator,
                  isLetterSeparator(separator), single(next + 2) {
                next += 2
                letters.append(next)
            }
            // A letter between two separators ("b" in "l-a-b.i.e.n") goes to the longer of its two runs.
            if letters.count > 1, next + 1 < pieces.count, pieces[next + 1].scalar != separator,
               runLength(from: next) > letters.count {
                letters.removeLast()
                next -= 2
            }
            if letters.count >= 3 {
                out.append(contentsOf: letters.map { pieces[$0] })
                index = next + 1
            } else {
                out.append(pieces[index])
                index += 1
            }
        }
        return out
    }

    /// Runs of three or more of one letter shorten to one: "leeeaks" reads "leaks". Digits are left alone.
    static func shortenRuns(_ pieces: [Piece], keepingRunsOfThree: Bool = false) -> [Piece] {
        var out: [Piece] = []
        out.reserveCapacity(pieces.count)
        var index = 0
        while index < pieces.count {
            var end = index + 1
            while end < pieces.count, pieces[end].scalar == pieces[index].scalar { end += 1 }
            if end - index >= (keepingRunsOfThree ? 4 : 3), isLetter(pieces[index].scalar) {
                out.append(Piece(scalar: pieces[index].scalar, start: pieces[index].start, end: pieces[end - 1].end))
            } else {
                out.append(contentsOf: pieces[index..<end])
            }
            index = end
        }
        return out
    }

    @inline(__always) static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return isLetter(scalar) || (0x30...0x39).contains(scalar.value) }
        let kind = ICU.characterClass(scalar)
        return kind == .letter || kind == .digit
    }

    // MARK: - Skeleton

    /// The skeleton view, or nil when no word needs it. Only words that contain a non-ASCII letter are replaced,
    /// and only when their skeleton is plain ASCII: Latin look-alikes of other scripts (lеaks with a Cyrillic е,
    /// small capitals ʟᴇᴀᴋꜱ). Plain ASCII words stay as they are, so digits keep their meaning.
    static func skeleton(_ folded: [Piece]) -> [Piece]? {
        guard folded.contains(where: { !$0.scalar.isASCII }) else { return nil }
        var out = folded
        var changed = false
        for words in wordRanges(folded, isWordScalar).reversed() {
            let index = words.lowerBound, end = words.upperBound
            if folded[index..<end].contains(where: { !$0.scalar.isASCII }) {
                var replacement: [Piece] = []
                var ascii = true
                for piece in folded[index..<end] {
                    guard let scalars = lookalike(piece.scalar) else { ascii = false; break }
                    for scalar in scalars {
                        replacement.append(Piece(scalar: scalar, start: piece.start, end: piece.end))
                    }
                }
                if ascii {
                    // Last word first, so the ranges before it still hold.
                    out.replaceSubrange(index..<end, with: replacement)
                    changed = true
                }
            }
        }
        return changed ? out : nil
    }

    /// The runs of pieces whose scalars `isWord` accepts, in order.
    static func wordRanges(_ pieces: [Piece], _ isWord: (Unicode.Scalar) -> Bool) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < pieces.count {
            guard isWord(pieces[index].scalar) else { index += 1; continue }
            var end = index
            while end < pieces.count, isWord(pieces[end].scalar) { end += 1 }
            ranges.append(index..<end)
            index = end
        }
        return ranges
    }

    /// The ASCII letters or digits a scalar looks like: its confusable skeleton, else the base of a decorated Latin
    /// letter (small capitals are not confusables in Unicode's data); nil when it looks like neither.
    static func lookalike(_ scalar: Unicode.Scalar) -> [Unicode.Scalar]? {
        if scalar.isASCII { return [scalar] }
        let skeleton = ICU.skeleton(scalar).flatMap(ICU.fold)
        if !skeleton.isEmpty, skeleton.allSatisfy({ $0.isASCII && isWordScalar($0) }) { return skeleton }
        if let base = ICU.latinBase(scalar) { return [base] }
        // Folding lower-cased a capital that looks Latin (Cyrillic М, Н, В, Т) into a letter that does not (м, н,
        // в, т): read it as its capital was drawn.
        let upper = scalar.properties.uppercaseMapping.unicodeScalars
        guard upper.count == 1, let capital = upper.first, capital != scalar else { return nil }
        let capitalSkeleton = ICU.skeleton(capital).flatMap(ICU.fold)
        if !capitalSkeleton.isEmpty, capitalSkeleton.allSatisfy({ $0.isASCII && isWordScalar($0) }) { return capitalSkeleton }
        return nil
    }

    // MARK: - Leet

    private static func leetLetter(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "4", "@": return "a"
        case "!": return "i"
        case "3": return "e"
        case "0": return "o"
        case "5", "$": return "s"
        case "7": return "t"
        default: return nil
        }
    }

    /// The leet readings of the folded (or skeleton) view: none when no word mixes letters with leet digits or
    /// symbols; one with 1 read as i, a second with 1 read as l when some word has a 1, and a third that keeps an
    /// age or a year at a word's start or end (`15y0` → `15yo`, `u15` and `n33s2011` keep theirs) when there is one.
    /// Words without a letter (13-17, 2026, 18+) are never changed.
    /// Each reading comes with whether it reads 1 as l.
    static func leet(_ folded: [Piece]) -> [(pieces: [Piece], oneAsL: Bool)] {
        guard folded.contains(where: { leetLetter($0.scalar) != nil || $0.scalar == "1" }) else { return [] }
        func isLeetWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            isWordScalar(scalar) || scalar == "@" || scalar == "$" || scalar == "!"
        }
        var readAsI = folded
        var readAsL = folded
        var numbersKept = folded
        var changed = false
        var hasOne = false
        var keptNumber = false
        for words in wordRanges(folded, isLeetWordScalar) {
            let index = words.lowerBound, end = words.upperBound
            let word = folded[index..<end]
            let hasLetter = word.contains { isLetter($0.scalar) }
            let hasLeet = word.contains { leetLetter($0.scalar) != nil || $0.scalar == "1" }
            if hasLetter && hasLeet {
                // An age or a year that opens or closes the word is kept as written: 15y0, 2011n33s, u15, n33s2011.
                // Other numbers there are leet (57ud3n75, v13 for "vie"), as is every digit inside the word.
                var leading = index, trailing = end
                while leading < end, Segmenter.isDigit(folded[leading].scalar) { leading += 1 }
                while trailing > leading, Segmenter.isDigit(folded[trailing - 1].scalar) { trailing -= 1 }
                let opening = number(folded[index..<leading]), closing = number(folded[trailing..<end])
                let afterU = trailing - 1 >= index && folded[trailing - 1].scalar == "u"
                let keepFrom = isAge(opening) || isYear(opening) ? leading : index
                let keepTo = isAge(closing) && afterU || isYear(closing) ? trailing : end
                if keepFrom != index || keepTo != end { keptNumber = true }
                for position in index..<end {
                    let scalar = folded[position].scalar
                    let kept = position < keepFrom || position >= keepTo
                    if let letter = leetLetter(scalar) {
                        readAsI[position].scalar = letter
                        readAsL[position].scalar = letter
                        if !kept { numbersKept[position].scalar = letter }
                        changed = true
                    } else if scalar == "1" {
                        readAsI[position].scalar = "i"
                        readAsL[position].scalar = "l"
                        if !kept { numbersKept[position].scalar = "i" }
                        changed = true
                        hasOne = true
                    }
                }
            }
        }
        guard changed else { return [] }
        // d3m4nd3_l34k5, y0ung.0n35: the words a leet name joins read apart, as in the segmented view.
        for position in folded.indices where folded[position].scalar == "_" || folded[position].scalar == "." {
            readAsI[position].scalar = " "
            readAsL[position].scalar = " "
            numbersKept[position].scalar = " "
        }
        var readings = [(readAsI, false)]
        if hasOne { readings.append((readAsL, true)) }
        if keptNumber { readings.append((numbersKept, false)) }
        return readings
    }

    /// The value of a run of 2 to 4 digits, else nil.
    private static func number(_ digits: ArraySlice<Piece>) -> Int? {
        guard (2...4).contains(digits.count) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1.scalar.value - 0x30) }
    }

    private static func isAge(_ value: Int?) -> Bool { value.map { (10...19).contains($0) } ?? false }
    private static func isYear(_ value: Int?) -> Bool { value.map { (1900...2099).contains($0) } ?? false }
}
