/// A text as a rule sees it: the UTF-8 bytes a pattern runs on, and how to map a match back to the original.
///
/// The `raw` view is the original text itself. The other views are normalised copies that undo the tricks used
/// to slip past filters; each byte of such a view remembers which original scalar it came from, so evidence always
/// points into the original text.
public struct TextView: Sendable {
    /// Which normalisation a view applies; sorted in declaration order (raw first).
    public enum Kind: String, Sendable, CaseIterable, Codable, Comparable {
        /// The text exactly as exported.
        case raw
        /// NFKC with case folding; invisible characters and combining marks (diacritics, overlays) removed;
        /// emoji, symbols and box drawing turned into spaces; spaced-out letters (l.e.a.k.s) joined; runs of three
        /// or more of one letter shortened to one.
        case folded
        /// The folded view with words written in look-alike characters of other scripts replaced by their
        /// Unicode TS #39 confusable skeleton (lеaks with a Cyrillic е).
        case skeleton
        /// The folded view with digits and symbols inside words read as letters (l3aks, n00dz, $ex). Opt-in:
        /// numbers carry meaning (13-17, 18+).
        case leet
        /// Words apart where a name joins them with `_` or `.`, CamelCase, a change between letters and digits, or
        /// nothing at all (`teen_pics`, `TeenPics`, `teenpics` → `teen pics`), glued words split with the rule
        /// set's vocabulary (see `Segmenter`).
        case segmented

        /// Orders kinds as declared: raw, folded, skeleton, leet, segmented.
        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// Which normalisation this view applies.
    public let kind: Kind
    /// The view's text as UTF-8, what patterns run on; offsets into it are bytes, not scalars.
    public let bytes: [UInt8]
    /// For each byte of `bytes`, the original byte range of the scalar it came from; nil for the raw view.
    let originStart: [Int32]?
    let originEnd: [Int32]?
    /// A leet reading that reads 1 as l (the other reads it as i): its words with an i written 1 come out wrong
    /// ("1tem" → "ltem"), so it counts only for matches that use one of its l's.
    var readsOneAsL = false

    init(kind: Kind, bytes: [UInt8], originStart: [Int32]? = nil, originEnd: [Int32]? = nil) {
        self.kind = kind
        self.bytes = bytes
        self.originStart = originStart
        self.originEnd = originEnd
    }

    /// Whether a byte of `range` is an l this view read from a 1 of `original`.
    func readsOneAsL(in range: Range<Int>, original: String) -> Bool {
        guard readsOneAsL, let originStart else { return false }
        let originalBytes = Array(original.utf8)
        return range.contains { index in
            bytes[index] == UInt8(ascii: "l") && originalBytes[Int(originStart[index])] == UInt8(ascii: "1")
        }
    }

    /// The raw view of a text.
    public static func raw(_ text: String) -> TextView {
        TextView(kind: .raw, bytes: Array(text.utf8))
    }

    /// The view's text, for showing what a normalised view made of a name.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The byte range of this view that stands for a byte range of the original text: the bytes whose original
    /// scalars start inside it. Origins only grow along a view, so two binary searches find it.
    public func viewRange(ofOriginal range: Range<Int>) -> Range<Int> {
        guard let originStart else { return range }
        func firstIndex(atOrAfter offset: Int) -> Int {
            var low = 0, high = originStart.count
            while low < high {
                let middle = (low + high) / 2
                if Int(originStart[middle]) < offset { low = middle + 1 } else { high = middle }
            }
            return low
        }
        let lower = firstIndex(atOrAfter: range.lowerBound)
        return lower..<max(lower, firstIndex(atOrAfter: range.upperBound))
    }

    /// Maps a byte range of this view to the byte range of the original text it was made from.
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
        guard let originStart, let originEnd else { return range }
        guard !range.isEmpty else {
            let at = range.lowerBound < originStart.count ? Int(originStart[range.lowerBound])
                : Int(originEnd.last ?? 0)
            return at..<at
        }
        return Int(originStart[range.lowerBound])..<Int(originEnd[range.upperBound - 1])
    }
}
