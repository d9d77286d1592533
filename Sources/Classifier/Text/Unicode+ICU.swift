import CICU

/// The ICU character data classify uses (through the CICU shim), in Swift terms: the one place Swift code calls ICU.
public enum ICU {
    /// What a scalar is to the text views.
    public enum CharacterClass: Sendable {
        case letter, mark, digit, ignorable, decoration, other
    }

    /// ICU's version string, e.g. "72.1".
    public static var version: String { String(cString: cicu_version()) }

    /// NFKC case folding, decomposed, with every combining mark dropped. ICU failure (not expected for a valid
    /// scalar) keeps the scalar as it is rather than losing it.
    public static func fold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        call(cicu_fold, scalar)
    }

    /// The TS #39 confusable skeleton of one scalar.
    public static func skeleton(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        call(cicu_skeleton, scalar)
    }

    /// The plain ASCII letter a decorated Latin letter is drawn from (small capitals, hooks, strokes), from its
    /// Unicode name; nil when it is not one.
    public static func latinBase(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = cicu_latin_base(Int32(scalar.value))
        return value < 0 ? nil : Unicode.Scalar(UInt32(value))
    }

    /// Letter, combining mark, digit, default-ignorable, decoration (symbols, emoji, box drawing) or other.
    public static func characterClass(_ scalar: Unicode.Scalar) -> CharacterClass {
        switch cicu_class(Int32(scalar.value)) {
        case Int32(CICU_LETTER): return .letter
        case Int32(CICU_MARK): return .mark
        case Int32(CICU_DIGIT): return .digit
        case Int32(CICU_IGNORABLE): return .ignorable
        case Int32(CICU_DECORATION): return .decoration
        default: return .other
        }
    }

    /// The scalar with this Unicode name (`LATIN LETTER SMALL CAPITAL A`), nil when there is none.
    public static func scalar(named name: String) -> Unicode.Scalar? {
        let value = cicu_char_from_name(name)
        return value < 0 ? nil : Unicode.Scalar(UInt32(value))
    }

    private static func call(_ function: (Int32, UnsafeMutablePointer<Int32>?, Int32) -> Int32,
                             _ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 32) { buffer in
            let count = function(Int32(scalar.value), buffer.baseAddress, 32)
            guard count >= 0 else { return [scalar] }
            return (0..<Int(count)).compactMap { Unicode.Scalar(UInt32(bitPattern: buffer[$0])) }
        }
    }
}
