/// Every view of one text, computed once and shared by all the signals that read it.
///
/// Views that would be byte-for-byte the same as an earlier one are left out, so the common case - a plain
/// lower-case ASCII channel name - is matched once.
package struct TextViews: Sendable {
    /// The views, raw first, then folded, skeleton and leet when they differ (leet may come twice: 1 read as i,
    /// then as l).
    public let views: [TextView]

    /// Builds the views of `text`; `leet` only when some rule reads that view.
    /// - Parameter segmenter: builds the segmented view when given (a rule set's ``RuleSet/segmenter``).
    public init(_ text: String, leet: Bool = true, segmenter: Segmenter? = nil) {
        self.init(text, leet: leet, segmenter: segmenter, mayBePlain: true)
    }

    /// - Parameter mayBePlain: false when the caller has already found the text is not plain ASCII.
    init(_ text: String, leet: Bool, segmenter: Segmenter? = nil, mayBePlain: Bool) {
        var views = [TextView.raw(text)]
        // Most names are plain ASCII that no view would change: one pass over the bytes settles it.
        if mayBePlain, Self.isPlainASCII(views[0].bytes, leet: leet) {
            if let segmenter, let pieces = views[0].bytes.withUnsafeBufferPointer({ segmenter.segmentASCII($0) }) {
                views.append(Self.view(.segmented, pieces))
            }
            self.views = views
            return
        }
        let original = Self.pieces(of: text)
        let folded = Folding.fold(original)
        var segmented: TextView?
        let foldedView = Self.view(.folded, folded)
        if foldedView.bytes != views[0].bytes { views.append(foldedView) }
        let skeleton = Folding.skeleton(folded)
        if let skeleton {
            let view = Self.view(.skeleton, skeleton)
            if view.bytes != foldedView.bytes { views.append(view) }
        }
        if let segmenter {
            if let pieces = segmenter.segment(skeleton ?? folded, original: views[0].bytes) {
                segmented = Self.view(.segmented, pieces)
            } else if skeleton == nil, Self.hasRunOfThree(views[0].bytes),
                      let pieces = segmenter.segment(Folding.fold(original, keepingRunsOfThree: true), original: views[0].bytes) {
                // Folding shortens "sss" to one letter, against stretched words ("leeeaks"); glued names make such
                // runs too - a word ending in a double letter before one starting with it ("undressschoolgirls").
                segmented = Self.view(.segmented, pieces)
            }
        }
        if leet {
            // Read from the skeleton when there is one: ʟʏᴄ33ɴɴ3ꜱ is small capitals and leet at once.
            for (variant, oneAsL) in Folding.leet(skeleton ?? folded) {
                var readings = [variant]
                // t33nn00d5 is leet and glued at once: its leet reading gets its words apart as a leet view too, so
                // signals that keep out of leet stay out of it.
                if let segmenter, let apart = segmenter.segment(variant, original: views[0].bytes) {
                    readings.append(apart)
                }
                for reading in readings {
                    var view = Self.view(.leet, reading)
                    view.readsOneAsL = oneAsL
                    // Equal to the segmented view, it would push that view out (below) for signals that skip leet.
                    if view.bytes != foldedView.bytes, view.bytes != segmented?.bytes,
                       !views.contains(where: { $0.bytes == view.bytes }) {
                        views.append(view)
                    }
                }
            }
        }
        if let segmented, !views.contains(where: { $0.bytes == segmented.bytes }) { views.append(segmented) }
        self.views = views
    }

    /// The version of ICU the views are built with, e.g. "72.1".
    public static var icuVersion: String { ICU.version }

    /// The views of the given kinds, in the order above.
    public func views(_ kinds: Set<TextView.Kind>) -> [TextView] {
        views.filter { kinds.contains($0.kind) || $0.kind == .raw && kinds.isEmpty }
    }

    public func view(_ kind: TextView.Kind) -> TextView? {
        views.first { $0.kind == kind }
    }

    /// True when `bytes` are ASCII and no view would read them differently, ignoring case (patterns are caseless
    /// unless a rule says otherwise, and then it wants the case as written): no control characters, no letter runs
    /// of three, no spaced-out letters, and - when leet is read - no word mixing letters with leet digits.
    static func isPlainASCII(_ bytes: [UInt8], leet: Bool) -> Bool {
        bytes.withUnsafeBufferPointer { isPlainASCII($0, leet: leet) }
    }

    static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>, leet: Bool) -> Bool {
        @inline(__always) func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        @inline(__always) func isSeparator(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x20, 0x2E, 0x2D, 0x5F, 0x2A, 0x2F, 0x7C, 0x2B, 0x7E, 0x2C, 0x3A: return true
            default: return false
            }
        }
        @inline(__always) func isLeet(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x30, 0x31, 0x33, 0x34, 0x35, 0x37, 0x40, 0x24: return true
            default: return false
            }
        }
        @inline(__always) func isWord(_ byte: UInt8) -> Bool {
            isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x40 || byte == 0x24
        }
        let count = bytes.count
        var wordHasLetter = false
        var wordHasLeet = false
        for index in 0..<count {
            let byte = bytes[index]
            if byte >= 0x80 || byte < 0x20 || byte == 0x7F { return false }
            if isLetter(byte) {
                if index + 2 < count, bytes[index + 1] | 0x20 == byte | 0x20, bytes[index + 2] | 0x20 == byte | 0x20 {
                    return false
                }
                // A single letter, a separator and another single letter: maybe l.e.a.k.s.
                if index + 2 < count, isSeparator(bytes[index + 1]), isLetter(bytes[index + 2]),
                   index == 0 || !isLetter(bytes[index - 1]), index + 3 == count || !isLetter(bytes[index + 3]) {
                    return false
                }
            }
            if leet {
                if isWord(byte) {
                    if isLetter(byte) { wordHasLetter = true } else if isLeet(byte) { wordHasLeet = true }
                    if wordHasLetter && wordHasLeet { return false }
                } else {
                    wordHasLetter = false
                    wordHasLeet = false
                }
            }
        }
        return true
    }

    /// True when the bytes hold exactly three of one ASCII letter in a row, not more.
    static func hasRunOfThree(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            var end = index + 1
            while end < bytes.count, bytes[end] | 0x20 == bytes[index] | 0x20 { end += 1 }
            if end - index == 3, (bytes[index] | 0x20) >= 0x61, (bytes[index] | 0x20) <= 0x7A { return true }
            index = end
        }
        return false
    }

    private static func pieces(of text: String) -> [Piece] {
        var pieces: [Piece] = []
        pieces.reserveCapacity(text.utf8.count)
        var offset: Int32 = 0
        for scalar in text.unicodeScalars {
            let length = Int32(UTF8.width(scalar))
            pieces.append(Piece(scalar: scalar, start: offset, end: offset + length))
            offset += length
        }
        return pieces
    }

    static func view(_ kind: TextView.Kind, _ pieces: [Piece]) -> TextView {
        var bytes: [UInt8] = []
        var starts: [Int32] = []
        var ends: [Int32] = []
        bytes.reserveCapacity(pieces.count)
        starts.reserveCapacity(pieces.count)
        ends.reserveCapacity(pieces.count)
        for piece in pieces {
            let before = bytes.count
            if piece.scalar.isASCII {
                bytes.append(UInt8(piece.scalar.value))
            } else {
                bytes.append(contentsOf: UTF8.encode(piece.scalar)!)
            }
            for _ in before..<bytes.count {
                starts.append(piece.start)
                ends.append(piece.end)
            }
        }
        return TextView(kind: kind, bytes: bytes, originStart: starts, originEnd: ends)
    }
}

/// One scalar of a view and the original byte range it stands for.
struct Piece: Equatable {
    var scalar: Unicode.Scalar
    var start: Int32
    var end: Int32
}
