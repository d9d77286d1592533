import Foundation

/// Builds the segmented view: names whose words are joined by `_` or `.`, written in CamelCase, run into digits,
/// or glued with nothing are read with their words apart (`teen_pics`, `TeenPics`, `nudes2024`, `teenpics` →
/// `teen pics`), so a pattern's `\b` and `[\s\-_]*` see the words a person sees.
///
/// Glued words are split with the rule set's own vocabulary (``Vocabulary``, plus the policy's
/// `segmentation-words`): a run of letters is split only when known words cover all of it (`snapleaks` →
/// `snap leaks`, `jailbaitvault` → `jailbait vault`). Pattern words count from four letters; shorter ones only when
/// the policy lists them (`ex`, `gf`, `cam`), so `backpack`, `package`, `canteen`, `cumulative` and `thirteen`
/// stay whole. A run that is itself a known word is never split.
///
/// When the packs' words alone cannot cover a run, everyday words (the policy's `segmentation-dictionary`, from four
/// letters, or three among the most frequent, and its `segmentation-short-fillers`) may fill the rest around
/// at least one pattern word of four letters or more: `dropsofhighschoolgirlsfromourarea` →
/// `drops of high schoolgirls from our area`. A run that is a word of the whole dictionary, give or take a final
/// `s`, `e` or `es` (`therapist`, `benevole`), is never split that way, and everyday words alone never split.
package struct Segmenter: Sendable {
    let trie: WordTrie
    /// Whether the policy names a dictionary of everyday words, without which no run is filled.
    let hasCommon: Bool
    /// Words of one or two letters that may fill (`a`, `to`, `de`).
    let shortFillers: Set<String>
    /// Words of three letters fill only below this rank: rarer ones are abbreviations and endings (`ent`).
    let threeLetterRank: Int
    /// Every word of the dictionary with its frequency rank: a run that is one of them is not split with fillers,
    /// and between readings of as many words the more frequent words win (`apps and`, not `app sand`).
    let known: [String: Int]
    /// Pattern words, four letters or more, that everyday words may fill around.
    let anchors: WordTrie
    /// Words that end compounds: an everyday word glued before one of them is not filled apart from it.
    let compoundHeads: Set<String>
    /// The known words, folded to ASCII letters.
    public let words: Set<String>

    /// Runs longer than this are left alone (a 1 MB name must not cost a quadratic split).
    static let maxRun = 64

    /// - Parameters:
    ///   - words: words read out of patterns; those under four letters are left out.
    ///   - listed: words a pack lists for segmentation, kept from two letters.
    ///   - anchors: the pattern words that may have everyday words filled around them (those under four letters are
    ///     left out); nil: all of `words`.
    ///   - known: everyday words (lower-case ASCII), most frequent first; a run that is one of them is not split
    ///     with fillers.
    ///     Its words of four letters or more may fill the rest of a run around a pattern word.
    ///   - threeLetterRank: its words of three letters fill only when ranked below this.
    ///   - shortFillers: words of one or two letters that may fill too (`a`, `to`, `de`).
    ///   - compoundHeads: words that end English compounds (`child`): a run of one everyday word and one of them
    ///     stays whole (`moonchild` is a name, not "moon child").
    public init(words: Set<String>, listed: [String] = [], anchors: Set<String>? = nil, known: [String] = [],
                threeLetterRank: Int = 0, shortFillers: [String] = [], compoundHeads: [String] = []) {
        var folded = Set<String>()
        for word in words {
            let ascii = Self.foldWord(word)
            if ascii.count >= 4 { folded.insert(ascii) }
        }
        for word in listed {
            let ascii = Self.foldWord(word)
            if ascii.count >= 2 { folded.insert(ascii) }
        }
        self.words = folded
        trie = WordTrie(folded)
        self.anchors = WordTrie(Set((anchors ?? words).map(Self.foldWord).filter { $0.count >= 4 }))
        self.shortFillers = Set(shortFillers.map(Self.foldWord).filter { !$0.isEmpty && $0.count <= 2 })
        self.threeLetterRank = threeLetterRank
        self.compoundHeads = Set(compoundHeads.map(Self.foldWord).filter { !$0.isEmpty })
        hasCommon = !known.isEmpty
        var ranks: [String: Int] = [:]
        ranks.reserveCapacity(known.count)
        for (rank, word) in known.enumerated() where ranks[word] == nil { ranks[word] = rank }
        self.known = ranks
    }

    /// Lower-case ASCII letters of a word with accents dropped (`démande` → `demande`); "" when other letters stay.
    public static func foldWord(_ word: String) -> String {
        let pieces = word.unicodeScalars.map { Piece(scalar: $0, start: 0, end: 0) }
        var out = ""
        for piece in Folding.fold(pieces) {
            let value = piece.scalar.value
            guard value >= 0x61 && value <= 0x7A else { return "" }
            out.unicodeScalars.append(piece.scalar)
        }
        return out
    }

    /// The segmented pieces of a folded (or skeleton) view, or nil when nothing would change. `original` is the text
    /// the pieces came from, read for the letter case a CamelCase break needs. An inserted space stands for the
    /// scalar after it, so every byte of the view maps back to a scalar of the original. `looked`: the caller has
    /// already made the cheap look of ``mayChange(_:trie:)``.
    func segment(_ pieces: [Piece], original: [UInt8], looked: Bool = false) -> [Piece]? {
        if !looked, !mayChange(pieces, original: original) { return nil }
        return split(pieces, original: original)
    }

    /// The cheap look of ``mayChange(_:trie:)`` on folded pieces: their ASCII letters and joiners, with CamelCase
    /// looked for in the original (folded pieces are lower case).
    private func mayChange(_ pieces: [Piece], original: [UInt8]) -> Bool {
        var previousLower = false
        for byte in original {
            if byte >= 0x41 && byte <= 0x5A && previousLower { return true }
            previousLower = byte >= 0x61 && byte <= 0x7A
        }
        if Self.hasNonASCIICamel(original) { return true }
        var ascii: [UInt8] = []
        ascii.reserveCapacity(pieces.count)
        for piece in pieces { ascii.append(piece.scalar.isASCII ? UInt8(piece.scalar.value) : 0x20) }
        return ascii.withUnsafeBufferPointer { Self.mayChange($0, trie: trie, inside: hasCommon) }
    }

    private func split(_ pieces: [Piece], original: [UInt8]) -> [Piece]? {
        var out: [Piece] = []
        out.reserveCapacity(pieces.count + 8)
        var changed = false
        for (index, piece) in pieces.enumerated() {
            let scalar = piece.scalar
            if scalar == "_" || scalar == "." {
                // 13_17 is the range 13-17; elsewhere the joiner is a space.
                let betweenDigits = index > 0 && index + 1 < pieces.count && Self.isDigit(pieces[index - 1].scalar)
                    && Self.isDigit(pieces[index + 1].scalar)
                out.append(Piece(scalar: betweenDigits ? "-" : " ", start: piece.start, end: piece.end))
                changed = true
                continue
            }
            if index > 0, let previous = out.last, needsBreak(previous, piece, original: original),
               !isShortDigitJoin(out, pieces, at: index, original: original) {
                // "douchesu15": the u of u15 (under 15) belongs to the number, not to the word before it - when the
                // number is an age group (u6 to u21) and a word of three letters or more stands before it:
                // "lescollegiennesdu93" keeps its "du", "ru13s" (rules in leet) its "ru".
                if previous.scalar == "u", Self.isDigit(piece.scalar), out.count >= 4,
                   out[(out.count - 4)..<(out.count - 1)].allSatisfy({ Self.isLower($0.scalar) }),
                   (6...21).contains(Self.number(in: pieces, from: index)) {
                    out.insert(Piece(scalar: " ", start: previous.start, end: previous.end), at: out.count - 1)
                }
                out.append(Piece(scalar: " ", start: piece.start, end: piece.end))
                changed = true
            }
            out.append(piece)
        }
        if splitGluedRuns(&out) { changed = true }
        return changed ? out : nil
    }

    /// The segmented view of a plain ASCII text, straight from its bytes, or nil when it would be the same text.
    func segmentASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> [Piece]? {
        guard Self.mayChange(bytes, trie: trie, inside: hasCommon) else { return nil }
        var pieces: [Piece] = []
        pieces.reserveCapacity(bytes.count)
        for (offset, byte) in bytes.enumerated() {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            pieces.append(Piece(scalar: Unicode.Scalar(lower), start: Int32(offset), end: Int32(offset + 1)))
        }
        return segment(pieces, original: Array(bytes), looked: true)
    }

    /// A cheap look at ASCII bytes: could segmentation change anything? Joiners, case or letter/digit changes
    /// inside a word, or a letter run that starts with a shorter known word (the only way a run can split without
    /// everyday words) or, with `inside`, holds a pattern word of four letters or more anywhere - most names have
    /// none of these, and cost one pass and a few trie steps per letter.
    static func mayChange(_ bytes: UnsafeBufferPointer<UInt8>, trie: WordTrie, inside: Bool = false) -> Bool {
        var previous: UInt8 = 0x20
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            let isDigit = byte >= 0x30 && byte <= 0x39
            let previousLetter = (previous | 0x20) >= 0x61 && (previous | 0x20) <= 0x7A
            let previousDigit = previous >= 0x30 && previous <= 0x39
            if (byte == 0x5F || byte == 0x2E) && (previousLetter || previousDigit) { return true }
            if isLetter && previousDigit || isDigit && previousLetter { return true }
            if isLetter && byte <= 0x5A && previousLetter && previous >= 0x61 { return true }  // aB
            if isLetter && !previousLetter {
                // The start of a letter run: does a known word end inside it?
                var end = index
                while end < count, (bytes[end] | 0x20) >= 0x61, (bytes[end] | 0x20) <= 0x7A { end += 1 }
                if end - index >= 4, !trie.containsASCII(bytes, from: index, to: end) {
                    if trie.hasProperPrefixWord(bytes, from: index, to: end) { return true }
                    if inside, end - index >= 6, end - index <= maxRun {
                        for start in (index + 1)...(end - 4) where trie.hasWord(bytes, from: start, to: end, minLength: 4) {
                            return true
                        }
                    }
                }
            }
            previous = byte
            index += 1
        }
        return false
    }

    /// An upper-case non-ASCII letter right after a lower-case letter (ÉcoleNudes), which the ASCII look misses.
    /// Read on the bytes, for the Latin-1 letters French names use (À-Þ upper, ß-ÿ lower, as C3 xx in UTF-8).
    static func hasNonASCIICamel(_ original: [UInt8]) -> Bool {
        var previousLower = false
        var index = 0
        while index < original.count {
            let byte = original[index]
            if byte == 0xC3, index + 1 < original.count {
                let next = original[index + 1]
                let upper = next >= 0x80 && next <= 0x9E && next != 0x97
                if upper && previousLower { return true }
                previousLower = next >= 0x9F && next <= 0xBF && next != 0xB7
                index += 2
                continue
            }
            if byte >= 0x41 && byte <= 0x5A {
                if previousLower, index > 0, original[index - 1] >= 0x80 { return true }
                previousLower = false
            } else {
                previousLower = byte >= 0x61 && byte <= 0x7A
            }
            index += 1
        }
        return false
    }

    private func needsBreak(_ previous: Piece, _ piece: Piece, original: [UInt8]) -> Bool {
        let a = previous.scalar, b = piece.scalar
        let aLetter = Self.isASCIILetter(a) || (!a.isASCII && a.properties.isAlphabetic)
        let bLetter = Self.isASCIILetter(b) || (!b.isASCII && b.properties.isAlphabetic)
        let aDigit = a.value >= 0x30 && a.value <= 0x39, bDigit = b.value >= 0x30 && b.value <= 0x39
        if aLetter && bDigit || aDigit && bLetter { return true }
        guard aLetter, bLetter else { return false }
        // CamelCase: an upper-case letter after a lower-case one (teenPics), or the last capital of a run of them
        // before a lower-case letter (NSFWPics → NSFW Pics), read in the original text.
        let here = Self.caseAt(original, Int(piece.start)), before = Self.caseAt(original, Int(previous.start))
        if here == .upper && before == .lower { return true }
        if here == .upper && before == .upper, Int(piece.end) < original.count,
           Self.caseAt(original, Int(piece.end)) == .lower, piece.end - piece.start == 1 {
            return true
        }
        return false
    }

    /// A change between letters and digits is a word break only when one side is long enough to be a word or a
    /// number of its own: `u18`, `pics2024`, `gta6leaks` split; `3e`, `2nde`, `cub4`, `l33t` stay whole.
    private func isShortDigitJoin(_ out: [Piece], _ pieces: [Piece], at index: Int, original: [UInt8]) -> Bool {
        func isLetter(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic }
        let a = pieces[index - 1].scalar, b = pieces[index].scalar
        guard Self.isDigit(a) && isLetter(b) || isLetter(a) && Self.isDigit(b) else { return false }
        // Backwards in what is already written (CamelCase breaks included), forwards in the input up to the next
        // capital that starts a word.
        func back(_ test: (Unicode.Scalar) -> Bool) -> Int {
            var count = 0, position = out.count - 1
            while position >= 0, test(out[position].scalar) { count += 1; position -= 1 }
            return count
        }
        func ahead(_ test: (Unicode.Scalar) -> Bool) -> Int {
            var count = 0, position = index
            while position < pieces.count, test(pieces[position].scalar) {
                if count > 0, Self.caseAt(original, Int(pieces[position].start)) == .upper,
                   Self.caseAt(original, Int(pieces[position - 1].start)) == .lower { break }
                count += 1
                position += 1
            }
            return count
        }
        // 3emesexy, 14anssexy: an ordinal or "ans" after a number stays with it; the glued-word split then parts
        // it from what follows.
        if Self.isDigit(a) {
            func follows(_ suffix: String) -> Bool {
                pieces.count - index >= suffix.unicodeScalars.count
                    && zip(pieces[index...], suffix.unicodeScalars).allSatisfy { $0.scalar == $1 }
            }
            if Self.numberSuffixes.contains(where: follows) { return true }
            let before = out.count >= 2 ? out[out.count - 2].scalar : nil
            if follows(Self.ordinalSuffix(of: a, after: before)) { return true }
        }
        // Sec5DeLaRive: a capital that starts a word (a lower-case letter after it) after a number begins a word,
        // however short; "4ÈMES", "3E" and "3Eme" stay whole.
        if Self.isDigit(a), index + 1 < pieces.count, Self.caseAt(original, Int(pieces[index].start)) == .upper,
           Self.caseAt(original, Int(pieces[index + 1].start)) == .lower {
            return false
        }
        let digits = Self.isDigit(a) ? back(Self.isDigit) : ahead(Self.isDigit)
        let letters = isLetter(a) ? back(isLetter) : ahead(isLetter)
        return digits < 2 && letters < 4
    }

    /// The value of the run of digits starting at `index` (capped, so a long run cannot overflow).
    static func number(in pieces: [Piece], from index: Int) -> Int {
        var value = 0
        var position = index
        while position < pieces.count, isDigit(pieces[position].scalar), value < 10_000 {
            value = value * 10 + Int(pieces[position].scalar.value - 0x30)
            position += 1
        }
        return value
    }

    /// Words that belong to the number before them (3eme, 14ans, 15yo).
    static let numberSuffixes = ["eme", "ieme", "ans", "yo"]

    /// The English ordinal a number ending in `digit` (after `before`) takes - `st`, `nd`, `rd` or `th` (1st, 2nd,
    /// 3rd, 8th, 11th) - so "8thgradesnaps" keeps "8th" whole, while "5stars" is not "5st ars".
    static func ordinalSuffix(of digit: Unicode.Scalar, after before: Unicode.Scalar?) -> String {
        if before == "1" { return "th" }
        switch digit { case "1": return "st"; case "2": return "nd"; case "3": return "rd"; default: return "th" }
    }

    @inline(__always) static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    enum LetterCase { case upper, lower, none }

    static func caseAt(_ bytes: [UInt8], _ offset: Int) -> LetterCase {
        guard offset >= 0, offset < bytes.count else { return .none }
        let byte = bytes[offset]
        if byte >= 0x41 && byte <= 0x5A { return .upper }
        if byte >= 0x61 && byte <= 0x7A { return .lower }
        guard byte >= 0x80 else { return .none }
        // A non-ASCII scalar: decode it to ask for its case.
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        guard let scalar = String(decoding: bytes[offset..<end], as: UTF8.self).unicodeScalars.first else { return .none }
        if scalar.properties.isUppercase { return .upper }
        if scalar.properties.isLowercase { return .lower }
        return .none
    }

    @inline(__always) static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x61 && scalar.value <= 0x7A || scalar.value >= 0x41 && scalar.value <= 0x5A
    }

    /// A run glued after a number that opens with the number's English ordinal ("8thgradesnaps"): cut after the
    /// ordinal, then split the rest as any run; nil when the run does not open so.
    private func cutsAfterOrdinal(_ letters: [UInt8], pieces: [Piece], at start: Int) -> [Int]? {
        guard start > 0, Self.isDigit(pieces[start - 1].scalar) else { return nil }
        let before = start >= 2 ? pieces[start - 2].scalar : nil
        let suffix = Array(Self.ordinalSuffix(of: pieces[start - 1].scalar, after: before).utf8)
        guard letters.count > suffix.count + 2, letters.starts(with: suffix) else { return nil }
        let rest = Array(letters[suffix.count...])
        // `split` leaves a known word whole (nil), as it does any run it cannot cover: then only the ordinal is cut.
        guard let cuts = split(rest) else { return [suffix.count] }
        return [suffix.count] + cuts.map { $0 + suffix.count }
    }

    /// Splits each run of lower-case ASCII letters that known words cover; true when any was split.
    private func splitGluedRuns(_ pieces: inout [Piece]) -> Bool {
        var changed = false
        var index = pieces.count
        // Right to left, so inserting spaces does not move the runs still to visit.
        while index > 0 {
            var end = index
            while end > 0, !Self.isLower(pieces[end - 1].scalar) { end -= 1 }
            var start = end
            while start > 0, Self.isLower(pieces[start - 1].scalar) { start -= 1 }
            index = start
            let length = end - start
            guard length >= 4, length <= Self.maxRun else { continue }
            let letters = pieces[start..<end].map { UInt8($0.scalar.value) }
            guard let cuts = cutsAfterOrdinal(letters, pieces: pieces, at: start) ?? split(letters), !cuts.isEmpty
            else { continue }
            for cut in cuts.reversed() {
                let at = start + cut
                pieces.insert(Piece(scalar: " ", start: pieces[at].start, end: pieces[at].end), at: at)
            }
            changed = true
        }
        return changed
    }

    @inline(__always) static func isLower(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x61 && scalar.value <= 0x7A }

    /// Where to cut a run of letters, or nil to leave it whole.
    func split(_ letters: [UInt8]) -> [Int]? {
        let count = letters.count
        if trie.contains(letters, 0, count) { return nil }
        // A dictionary word stays whole even when pattern words make it up: "packages" is not "pack ages".
        if hasCommon, isKnownWord(letters) { return nil }
        if let cuts = patternSplit(letters) { return cuts }
        guard hasCommon else { return nil }
        return filledSplit(letters)
    }

    /// Whether the run is a dictionary word, give or take a final `s`, `e` or `es` (`benevole` for `benevoles`).
    private func isKnownWord(_ letters: [UInt8]) -> Bool {
        let word = String(decoding: letters, as: UTF8.self)
        if known[word] != nil || known[word + "s"] != nil || known[word + "e"] != nil || known[word + "es"] != nil {
            return true
        }
        for suffix in ["s", "e", "es"] where word.hasSuffix(suffix) && word.count > suffix.count + 2 {
            if known[String(word.dropLast(suffix.count))] != nil { return true }
        }
        return false
    }

    /// The cost of one word of a filled split: a word costs far more than any difference of frequency, so the
    /// fewest words win and frequency only settles ties. Words of one or two letters are the most frequent of all.
    private func cost(_ letters: [UInt8], _ start: Int, _ end: Int) -> Int {
        if end - start <= 2 { return Self.shortWordCost }
        guard let rank = known[String(decoding: letters[start..<end], as: UTF8.self)] else { return 1_000 + 180 }
        return Self.cost(rank: rank)
    }

    static let shortWordCost = 1_000 + 20
    static func cost(rank: Int) -> Int { 1_000 + min(180, Int(10 * log2(Double(rank + 2)))) }

    /// The everyday words of the run that may fill, as (end, cost) from each start. Looked up in the dictionary
    /// rather than walked in a trie of its own: a trie of 64 000 words would cost 30 MB, and few runs get here.
    private func fillerWords(_ letters: [UInt8]) -> [[(Int, Int)]] {
        let count = letters.count
        var fills = [[(Int, Int)]](repeating: [], count: count)
        for start in 0..<count {
            for end in (start + 1)...min(count, start + Self.maxFillerLength) {
                let length = end - start
                let word = String(decoding: letters[start..<end], as: UTF8.self)
                if length <= 2 {
                    // A word of one or two letters only between others: "seinen" is not "sein en".
                    guard start > 0, end < count, shortFillers.contains(word) else { continue }
                    fills[start].append((end, Self.shortWordCost))
                    continue
                }
                guard let rank = known[word], length >= 4 || rank < threeLetterRank else { continue }
                // A pattern word is counted as one by the caller, even when it is an everyday word too.
                if length >= 4, trie.contains(letters, start, end) { continue }
                fills[start].append((end, Self.cost(rank: rank)))
            }
        }
        return fills
    }

    /// Longer everyday words are not looked up as fillers.
    static let maxFillerLength = 20

    /// Fewest everyday and pattern words that cover the run (the more frequent among as many), with at least one
    /// pattern word of four letters or more, when no reading without one is better: the everyday words fill around
    /// what the packs know, they never split a run on their own.
    private func filledSplit(_ letters: [UInt8]) -> [Int]? {
        let count = letters.count
        // State: position and whether a pattern word of four letters or more was used; index = position * 2 + flag.
        var best = [Int](repeating: Int.max, count: (count + 1) * 2)
        var back = [Int](repeating: -1, count: (count + 1) * 2)
        best[0] = 0
        let fills = fillerWords(letters)
        for start in 0..<count {
            for flag in 0...1 where best[start * 2 + flag] != Int.max {
                let before = best[start * 2 + flag]
                trie.forEachWord(in: letters, from: start) { end in
                    let anchored = flag == 1 || end - start >= 4 && anchors.contains(letters, start, end)
                    let next = end * 2 + (anchored ? 1 : 0)
                    let cost = before + self.cost(letters, start, end)
                    if cost < best[next] { best[next] = cost; back[next] = start * 2 + flag }
                }
                for (end, cost) in fills[start] {
                    let next = end * 2 + flag
                    if before + cost < best[next] { best[next] = before + cost; back[next] = start * 2 + flag }
                }
            }
        }
        // Only when reading the packs' words is the best reading: "benevolesbuvette" is two everyday words,
        // not "bene voles buvette".
        guard best[count * 2 + 1] != Int.max, best[count * 2 + 1] <= best[count * 2] else { return nil }
        var cuts: [Int] = []
        var state = back[count * 2 + 1]
        while state > 1 { cuts.append(state / 2); state = back[state] }
        // An everyday word and a compound's head is one word: `moonchild`, `starchild` (band and server names);
        // a pattern word before the head still splits (`smallkidspics`).
        if cuts.count == 1, let cut = cuts.first, !trie.contains(letters, 0, cut),
           compoundHeads.contains(String(decoding: letters[cut...], as: UTF8.self)) {
            return nil
        }
        return cuts.reversed()
    }

    /// Fewest pattern words that cover the run.
    private func patternSplit(_ letters: [UInt8]) -> [Int]? {
        let count = letters.count
        // Fewest known words that cover the whole run.
        var best = [Int](repeating: Int.max, count: count + 1)
        var back = [Int](repeating: -1, count: count + 1)
        best[0] = 0
        for start in 0..<count where best[start] != Int.max {
            trie.forEachWord(in: letters, from: start) { end in
                if best[start] + 1 < best[end] {
                    best[end] = best[start] + 1
                    back[end] = start
                }
            }
        }
        guard best[count] != Int.max else { return nil }
        var cuts: [Int] = []
        var at = back[count]
        while at > 0 { cuts.append(at); at = back[at] }
        return cuts.reversed()
    }
}

/// A byte trie of lower-case ASCII words.
struct WordTrie: Sendable {
    /// Node → 26 children (0 = none); `terminal[node]` when a word ends there.
    private var children: [Int32] = Array(repeating: 0, count: 26)
    private var terminal: [Bool] = [false]

    init(_ words: Set<String>) {
        for word in words { insert(Array(word.utf8)) }
    }

    private mutating func insert(_ bytes: [UInt8]) {
        var node = 0
        for byte in bytes {
            let slot = node * 26 + Int(byte - 0x61)
            if children[slot] == 0 {
                children[slot] = Int32(terminal.count)
                terminal.append(false)
                children.append(contentsOf: repeatElement(0, count: 26))
            }
            node = Int(children[slot])
        }
        terminal[node] = true
    }

    func contains(_ letters: [UInt8], _ start: Int, _ end: Int) -> Bool {
        var node = 0
        for index in start..<end {
            node = Int(children[node * 26 + Int(letters[index] - 0x61)])
            if node == 0 { return false }
        }
        return terminal[node]
    }

    /// Whether the ASCII letters from `from` to `to` (either case) are a known word.
    func containsASCII(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        var node = 0
        for index in from..<to {
            node = Int(children[node * 26 + Int((bytes[index] | 0x20) - 0x61)])
            if node == 0 { return false }
        }
        return terminal[node]
    }

    /// Whether a known word of `minLength` letters or more starts at `from` and ends by `to` (ASCII letters, either
    /// case).
    func hasWord(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, minLength: Int) -> Bool {
        var node = 0
        var index = from
        while index < to {
            node = Int(children[node * 26 + Int((bytes[index] | 0x20) - 0x61)])
            if node == 0 { return false }
            index += 1
            if terminal[node], index - from >= minLength { return true }
        }
        return false
    }

    /// Whether a known word starts at `from` and ends before `to` (ASCII letters, either case).
    func hasProperPrefixWord(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        var node = 0
        var index = from
        while index < to - 1 {
            node = Int(children[node * 26 + Int((bytes[index] | 0x20) - 0x61)])
            if node == 0 { return false }
            index += 1
            if terminal[node] { return true }
        }
        return false
    }

    /// Calls `body` with the end of every known word that starts at `start`, shortest first.
    func forEachWord(in letters: [UInt8], from start: Int, _ body: (Int) -> Void) {
        var node = 0
        var index = start
        while index < letters.count {
            node = Int(children[node * 26 + Int(letters[index] - 0x61)])
            if node == 0 { return }
            index += 1
            if terminal[node] { body(index) }
        }
    }
}
