/// A text as a rule sees it: the UTF-8 bytes a pattern runs on, and how to map a match back to the original.
///
/// The `raw` view is the original text itself. Normalised views (issue: anti-evasion) produce other bytes and keep
/// `originalOffsets` so evidence always points into the original text.
public struct TextView: Sendable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// The text exactly as exported.
        case raw
    }

    public let kind: Kind
    public let bytes: [UInt8]
    /// For each byte offset of `bytes` (and one past the end), the byte offset in the original text; nil when the
    /// view is the original itself.
    public let originalOffsets: [Int]?

    public init(kind: Kind, bytes: [UInt8], originalOffsets: [Int]? = nil) {
        self.kind = kind
        self.bytes = bytes
        self.originalOffsets = originalOffsets
    }

    /// The raw view of a text.
    public static func raw(_ text: String) -> TextView {
        TextView(kind: .raw, bytes: Array(text.utf8))
    }

    /// Maps a byte range of this view to a byte range of the original text.
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
        guard let originalOffsets else { return range }
        return originalOffsets[range.lowerBound]..<originalOffsets[range.upperBound]
    }
}
