import Foundation

/// The fast reader: one validating pass over a record's UTF-8 bytes writes a flat tape of its values (kind and byte
/// range, and for containers where they end), with no tree, no dictionary and no key hashed; ``ServerDecoder`` then
/// reads the few members it needs from the tape, decoding only their strings.
///
/// It gives a server only when the full parser (``JSONParser``) would give the same one: anything unusual - a syntax
/// error, a key with an escape or a non-ASCII byte (Swift compares keys by canonical equivalence, the tape by
/// bytes), a duplicate key, nesting past ``JSONParser/maxDepth``, an object of more than ``maxKeys`` keys, a record
/// over ``maxRecordBytes``, any decoding error - makes it answer nil, and the caller runs the full parser, which
/// explains the error as before. The fuzz target checks that both agree.
package enum JSONTape {
    /// Records larger than this go to the full parser: the tape costs 16 bytes a value, and real records are a few
    /// kilobytes.
    package static let maxRecordBytes = 16 << 20
    /// Keys are checked for duplicates against the object's earlier keys, one by one: past this many, the full
    /// parser's dictionary does it instead of a quadratic scan.
    package static let maxKeys = 128

    enum Kind: UInt8 { case null, bool, number, string, array, object, key }

    /// One value. Strings and keys span their content (without quotes), numbers their literal; a container's
    /// `next` is the index of the first entry after its last descendant. A key's `next` holds its signature
    /// (length and first and last byte), compared before its bytes.
    struct Entry {
        var kind: Kind
        /// A string with a backslash escape; a `true` boolean.
        var flag: Bool
        var start: UInt32
        var end: UInt32
        var next: UInt32
    }

    /// The server in `bytes`, decoded by ``ServerDecoder``, or nil when the full parser must read it.
    package static func server(_ bytes: UnsafeBufferPointer<UInt8>, source: SourceRef, fallbackName: String) -> Server? {
        guard bytes.count <= maxRecordBytes else { return nil }
        var builder = Builder(bytes: bytes)
        guard builder.document() else { return nil }
        return builder.entries.withUnsafeBufferPointer { entries -> Server? in
            let root = Node(bytes: bytes, entries: entries, index: 0)
            // Any decoding error: the full parser's path gives the message.
            return try? ServerDecoder.server(from: root, source: source, fallbackName: fallbackName)
        }
    }

    /// Whether the fast reader reads `bytes` as a whole document (for tests).
    package static func validates(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var builder = Builder(bytes: buffer)
            return builder.document()
        }
    }

    // MARK: - The pass

    private struct Builder {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var depth = 0
        var entries: [Entry] = []

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            entries.reserveCapacity(min(bytes.count / 8 + 16, 1 << 16))
        }

        /// One value with white space around it, after an optional byte-order mark, as ``JSONParser/parse(_:)``.
        mutating func document() -> Bool {
            position = ByteOrderMark.length(at: bytes)
            skipWhitespace()
            guard value() else { return false }
            skipWhitespace()
            return position == bytes.count
        }

        @inline(__always)
        mutating func skipWhitespace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }

        mutating func value() -> Bool {
            guard position < bytes.count else { return false }
            switch bytes[position] {
            case UInt8(ascii: "{"): return object()
            case UInt8(ascii: "["): return array()
            case UInt8(ascii: "\""):
                guard let string = string() else { return false }
                entries.append(Entry(kind: .string, flag: string.escaped, start: string.start, end: string.end, next: 0))
                return true
            case UInt8(ascii: "t"): return literal("true", .bool, flag: true)
            case UInt8(ascii: "f"): return literal("false", .bool, flag: false)
            case UInt8(ascii: "n"): return literal("null", .null, flag: false)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
            default: return false
            }
        }

        mutating func object() -> Bool {
            depth += 1
            guard depth <= JSONParser.maxDepth else { return false }
            let me = entries.count
            entries.append(Entry(kind: .object, flag: false, start: UInt32(position), end: 0, next: 0))
            position += 1
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
            } else {
                let firstKey = entries.count
                var keys = 0
                while true {
                    skipWhitespace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "\""),
                          let key = string(), !key.escaped, !key.nonASCII else { return false }
                    keys += 1
                    guard keys <= maxKeys else { return false }
                    let length = Int(key.end - key.start)
                    let signature = UInt32(truncatingIfNeeded: length)
                        | (length > 0 ? UInt32(bytes[Int(key.start)]) << 16 | UInt32(bytes[Int(key.end) - 1]) << 24 : 0)
                    // The full parser refuses a duplicate key; ASCII keys without escapes are equal as bytes.
                    var index = firstKey
                    while index < entries.count {
                        let earlier = entries[index]
                        if earlier.next == signature,
                           memcmp(bytes.baseAddress! + Int(earlier.start), bytes.baseAddress! + Int(key.start), length) == 0 {
                            return false
                        }
                        index = end(of: index + 1)
                    }
                    entries.append(Entry(kind: .key, flag: false, start: key.start, end: key.end, next: signature))
                    skipWhitespace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return false }
                    position += 1
                    skipWhitespace()
                    guard value() else { return false }
                    skipWhitespace()
                    guard position < bytes.count else { return false }
                    if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
                    if bytes[position] == UInt8(ascii: "}") { position += 1; break }
                    return false
                }
            }
            entries[me].next = UInt32(entries.count)
            depth -= 1
            return true
        }

        mutating func array() -> Bool {
            depth += 1
            guard depth <= JSONParser.maxDepth else { return false }
            let me = entries.count
            entries.append(Entry(kind: .array, flag: false, start: UInt32(position), end: 0, next: 0))
            position += 1
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
            } else {
                while true {
                    skipWhitespace()
                    guard value() else { return false }
                    skipWhitespace()
                    guard position < bytes.count else { return false }
                    if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
                    if bytes[position] == UInt8(ascii: "]") { position += 1; break }
                    return false
                }
            }
            entries[me].next = UInt32(entries.count)
            depth -= 1
            return true
        }

        /// The index after the value at `index` and its descendants.
        @inline(__always)
        func end(of index: Int) -> Int {
            let entry = entries[index]
            return entry.kind == .array || entry.kind == .object ? Int(entry.next) : index + 1
        }

        /// A string's content, validated as ``JSONParser`` does (no raw control character, known escapes, four hex
        /// digits after `\u`), from the opening quote.
        mutating func string() -> (start: UInt32, end: UInt32, escaped: Bool, nonASCII: Bool)? {
            position += 1
            let start = position
            var escaped = false
            var high: UInt8 = 0
            let count = bytes.count
            while position < count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    let end = position
                    position += 1
                    return (UInt32(start), UInt32(end), escaped, high >= 0x80)
                }
                if byte == UInt8(ascii: "\\") {
                    escaped = true
                    position += 1
                    guard position < count else { return nil }
                    if JSONTape.isShortEscape(bytes[position]) {
                        position += 1
                    } else if bytes[position] == UInt8(ascii: "u") {
                        position += 1
                        guard position + 4 <= count else { return nil }
                        for offset in 0..<4 where JSONTape.hexDigit(bytes[position + offset]) == nil { return nil }
                        position += 4
                    } else {
                        return nil
                    }
                    continue
                }
                if byte < 0x20 { return nil }
                high |= byte
                position += 1
            }
            return nil
        }

        /// A number as ``JSONParser`` reads one: optional minus, no leading zero, fraction and exponent.
        mutating func number() -> Bool {
            let start = position
            let count = bytes.count
            if bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard position < count, isDigit(bytes[position]) else { return false }
            if bytes[position] == UInt8(ascii: "0") {
                position += 1
            } else {
                while position < count, isDigit(bytes[position]) { position += 1 }
            }
            if position < count, bytes[position] == UInt8(ascii: ".") {
                position += 1
                guard position < count, isDigit(bytes[position]) else { return false }
                while position < count, isDigit(bytes[position]) { position += 1 }
            }
            if position < count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
                position += 1
                if position < count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                    position += 1
                }
                guard position < count, isDigit(bytes[position]) else { return false }
                while position < count, isDigit(bytes[position]) { position += 1 }
            }
            entries.append(Entry(kind: .number, flag: false, start: UInt32(start), end: UInt32(position), next: 0))
            return true
        }

        mutating func literal(_ text: StaticString, _ kind: Kind, flag: Bool) -> Bool {
            let length = text.utf8CodeUnitCount
            guard position + length <= bytes.count,
                  memcmp(bytes.baseAddress! + position, text.utf8Start, length) == 0 else { return false }
            entries.append(Entry(kind: kind, flag: flag, start: UInt32(position), end: UInt32(position + length), next: 0))
            position += length
            return true
        }

        @inline(__always)
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    }

    @inline(__always)
    /// The one-letter escapes JSON allows after a backslash (`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`); `\u`
    /// takes four hex digits. Both readers validate escapes with it.
    static func isShortEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return true
        default:
            return false
        }
    }

    static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// The text of a validated string's content with escapes - the one decoder of escapes, used by the tape and by
    /// ``JSONParser`` alike, so both readers give the same text: a high surrogate joins a following low one, a lone
    /// surrogate becomes U+FFFD, invalid UTF-8 is repaired.
    static func unescape(_ content: UnsafeBufferPointer<UInt8>) -> String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(content.count)
        var index = 0
        func hex4(_ at: Int) -> UInt32 {
            var value: UInt32 = 0
            for offset in 0..<4 { value = value << 4 | (hexDigit(content[at + offset]) ?? 0) }
            return value
        }
        while index < content.count {
            let byte = content[index]
            guard byte == UInt8(ascii: "\\") else {
                buffer.append(byte)
                index += 1
                continue
            }
            let escape = content[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(index)
                index += 4
                if (0xD800...0xDBFF).contains(scalar), index + 1 < content.count,
                   content[index] == UInt8(ascii: "\\"), content[index + 1] == UInt8(ascii: "u") {
                    let low = hex4(index + 2)
                    index += 6
                    if (0xDC00...0xDFFF).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        buffer.append(contentsOf: [0xEF, 0xBF, 0xBD])  // lone high surrogate
                        scalar = low
                    }
                }
                UTF8.encode(Unicode.Scalar(scalar) ?? "\u{FFFD}") { buffer.append($0) }
            default: buffer.append(escape)  // '"', '\\' and '/' stand for themselves
            }
        }
        return String(decoding: buffer, as: UTF8.self)
    }

    // MARK: - Reading the tape

    /// One value on the tape. It points into the record's bytes and the tape, so it lives only while
    /// ``server(_:source:fallbackName:)`` decodes.
    package struct Node: JSONNode {
        let bytes: UnsafeBufferPointer<UInt8>
        let entries: UnsafeBufferPointer<Entry>
        let index: Int

        private var entry: Entry { entries[index] }

        private func end(of index: Int) -> Int {
            let entry = entries[index]
            return entry.kind == .array || entry.kind == .object ? Int(entry.next) : index + 1
        }

        private var content: UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[Int(entry.start)..<Int(entry.end)])
        }

        package func member(_ key: StaticString) -> Node? {
            let entry = self.entry
            guard entry.kind == .object else { return nil }
            let length = key.utf8CodeUnitCount
            var index = self.index + 1
            let stop = Int(entry.next)
            while index < stop {
                let candidate = entries[index]
                if Int(candidate.end - candidate.start) == length,
                   memcmp(bytes.baseAddress! + Int(candidate.start), key.utf8Start, length) == 0 {
                    return Node(bytes: bytes, entries: entries, index: index + 1)
                }
                index = end(of: index + 1)
            }
            return nil
        }

        package var stringValue: String? {
            let entry = self.entry
            guard entry.kind == .string else { return nil }
            return entry.flag ? JSONTape.unescape(content) : String(decoding: content, as: UTF8.self)
        }

        package var idValue: String? {
            switch entry.kind {
            case .string: return stringValue
            case .number: return String(decoding: content, as: UTF8.self)
            default: return nil
            }
        }

        package var intValue: Int? {
            switch entry.kind {
            case .number:
                // Plain digits (channel types): read in place; anything else as Int(_:) reads the literal.
                let digits = content
                if digits.count <= 18, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                    return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
                }
                return Int(String(decoding: digits, as: UTF8.self))
            case .string: return stringValue.flatMap { Int($0) }
            default: return nil
            }
        }

        package var boolValue: Bool? { entry.kind == .bool ? entry.flag : nil }

        package var arrayValue: [Node]? {
            let entry = self.entry
            guard entry.kind == .array else { return nil }
            var items: [Node] = []
            var index = self.index + 1
            let stop = Int(entry.next)
            while index < stop {
                items.append(Node(bytes: bytes, entries: entries, index: index))
                index = end(of: index)
            }
            return items
        }

        package var isObject: Bool { entry.kind == .object }
        package var isNull: Bool { entry.kind == .null }

        package var kindName: String {
            switch entry.kind {
            case .null: return "null"
            case .bool: return "a boolean"
            case .number: return "a number"
            case .string, .key: return "a string"
            case .array: return "an array"
            case .object: return "an object"
            }
        }

        /// Never shown: on an unknown shape the fast reader gives nil and the full parser's path describes it.
        package var shapeDescription: String { kindName }
    }
}
