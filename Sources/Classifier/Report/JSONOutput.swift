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

    private static func writeString(_ value: String, into out: inout String) {
        var bytes: [UInt8] = []
        appendQuoted(value, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `value` as a quoted JSON string to `bytes`: the one escaping of every JSON output (the tree's and
    /// ``JSONLineBuffer``'s), on bytes, appending plain runs at once - a name of 64 KiB repeated in every evidence
    /// part must not cost an append per character (the fuzzer's slowest inputs spent most of their time here).
    static func appendQuoted(_ value: String, to bytes: inout [UInt8]) {
        var value = value
        value.withUTF8 { input in
            bytes.reserveCapacity(bytes.count + input.count + 2)
            bytes.append(UInt8(ascii: "\""))
            var run = 0  // start of the bytes not yet copied
            var index = 0
            while index < input.count {
                let byte = input[index]
                if byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte != 0xE2 {
                    index += 1
                    continue
                }
                if byte == 0xE2 {
                    // U+2028 and U+2029 end lines in JavaScript: escaped so the output can be pasted into a page.
                    guard index + 2 < input.count, input[index + 1] == 0x80, input[index + 2] == 0xA8 || input[index + 2] == 0xA9 else {
                        index += 1
                        continue
                    }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[run..<index]))
                    bytes.append(contentsOf: input[index + 2] == 0xA8 ? "\\u2028".utf8 : "\\u2029".utf8)
                    index += 3
                    run = index
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[run..<index]))
                switch byte {
                case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
                default:
                    let hex: StaticString = "0123456789abcdef"
                    bytes.append(contentsOf: "\\u00".utf8)
                    bytes.append(hex.utf8Start[Int(byte >> 4)])
                    bytes.append(hex.utf8Start[Int(byte & 0xF)])
                }
                index += 1
                run = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[run..<input.count]))
            bytes.append(UInt8(ascii: "\""))
        }
    }
}

extension JSONOutput {
    static func optional(_ value: String?) -> JSONOutput { value.map(JSONOutput.string) ?? .null }
    static func optional(_ value: Int?) -> JSONOutput { value.map(JSONOutput.int) ?? .null }
    static func strings(_ values: [String]) -> JSONOutput { .array(values.map(JSONOutput.string)) }
}
