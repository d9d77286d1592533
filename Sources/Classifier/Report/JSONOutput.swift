/// A JSON value for output, with object keys kept in the order written so reports read the same every run.
public indirect enum JSONOutput: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONOutput])
    case object([(String, JSONOutput)])

    /// Serialises on one line (JSON Lines) or pretty-printed with two-space indentation.
    public func serialized(pretty: Bool = false) -> String {
        var out = ""
        write(into: &out, pretty: pretty, indent: 0)
        return out
    }

    private func write(into out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null"
        case let .bool(value): out += value ? "true" : "false"
        case let .int(value): out += String(value)
        case let .string(value): Self.writeString(value, into: &out)
        case let .array(values):
            if values.isEmpty { out += "[]"; return }
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                value.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "]"
        case let .object(members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                Self.writeString(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "}"
        }
    }

    /// Escapes on bytes and appends runs at once: a name of 64 KiB repeated in every evidence part must not cost a
    /// String append per character (the fuzzer's slowest inputs spent most of their time here).
    private static func writeString(_ value: String, into out: inout String) {
        var value = value
        let escaped: [UInt8] = value.withUTF8 { input in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(input.count + 2)
            bytes.append(UInt8(ascii: "\""))
            let hex = Array("0123456789abcdef".utf8)
            var index = 0
            while index < input.count {
                let byte = input[index]
                switch byte {
                case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case 0..<0x20:
                    bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
                case 0xE2 where index + 2 < input.count && input[index + 1] == 0x80
                    && (input[index + 2] == 0xA8 || input[index + 2] == 0xA9):
                    // U+2028 and U+2029 end lines in JavaScript: escaped so the output can be pasted into a page.
                    bytes += Array((input[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    index += 3
                    continue
                default:
                    bytes.append(byte)
                }
                index += 1
            }
            bytes.append(UInt8(ascii: "\""))
            return bytes
        }
        out += String(decoding: escaped, as: UTF8.self)
    }
}

extension JSONOutput {
    static func optional(_ value: String?) -> JSONOutput { value.map(JSONOutput.string) ?? .null }
    static func optional(_ value: Int?) -> JSONOutput { value.map(JSONOutput.int) ?? .null }
    static func strings(_ values: [String]) -> JSONOutput { .array(values.map(JSONOutput.string)) }
}
