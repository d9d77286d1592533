/// Every view of one text, computed once and shared by all the signals that read it.
///
/// Views that would be byte-for-byte the same as an earlier one are left out, so the common case - a plain
/// lower-case ASCII channel name - is matched once.
public struct TextViews: Sendable {
    /// The views, raw first, then folded, skeleton and leet when they differ (leet may come twice: 1 read as i,
    /// then as l).
    public let views: [TextView]

    /// Builds the views of `text`; `leet` only when some rule reads that view.
    public init(_ text: String, leet: Bool = true) {
        var views = [TextView.raw(text)]
        let original = Self.pieces(of: text)
        let folded = Folding.fold(original)
        let foldedView = Self.view(.folded, folded)
        if foldedView.bytes != views[0].bytes { views.append(foldedView) }
        if let skeleton = Folding.skeleton(folded) {
            let view = Self.view(.skeleton, skeleton)
            if view.bytes != foldedView.bytes { views.append(view) }
        }
        if leet {
            for variant in Folding.leet(folded) {
                let view = Self.view(.leet, variant)
                if view.bytes != foldedView.bytes, !views.contains(where: { $0.bytes == view.bytes }) {
                    views.append(view)
                }
            }
        }
        self.views = views
    }

    /// The views of the given kinds, in the order above.
    public func views(_ kinds: Set<TextView.Kind>) -> [TextView] {
        views.filter { kinds.contains($0.kind) || $0.kind == .raw && kinds.isEmpty }
    }

    public func view(_ kind: TextView.Kind) -> TextView? {
        views.first { $0.kind == kind }
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

    private static func view(_ kind: TextView.Kind, _ pieces: [Piece]) -> TextView {
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
