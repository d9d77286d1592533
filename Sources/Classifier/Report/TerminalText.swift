/// Untrusted names made harmless for a terminal, a log or a markdown file: control characters (C0, DEL, C1 - escape
/// sequences, fake newlines, bells) and bidirectional controls (U+202E, which reverses what follows) are shown as
/// `\x1b` and `U+202E` instead of acting. A server name must never drive the moderator's terminal.
public enum TerminalText {
    /// `text` with its control and bidirectional control characters written out (`\x1b`, `U+202E`); unchanged
    /// when it has none.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) {
                out += "\\x" + hex(value, width: 2)
            } else if isBidiControl(value) {
                out += "U+" + hex(value, width: 4)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) || isBidiControl(value)
    }

    static func isBidiControl(_ value: UInt32) -> Bool {
        (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F
            || value == 0x061C
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: value > 0xFF)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
