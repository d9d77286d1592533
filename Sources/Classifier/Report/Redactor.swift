import Crypto
import Foundation

/// Makes a result shareable without re-exposing the people named in a server (`--redact`).
///
/// - Every character of names, topics and descriptions outside the matched indicator spans becomes `•`, so a
///   report still shows *why* ("•••••-leaks", "nudes-••-•••••") but not *who*. Masking keeps the length in Unicode
///   scalars, so evidence spans stay valid.
/// - The server name, server and channel ids, and input file paths become keyed hashes (HMAC-SHA256 with the
///   team's key, first 16 hex digits): the same server gets the same hash in every report made with that key, so a
///   watch journal can follow it, while nobody without the key can test a guess.
public struct Redactor: @unchecked Sendable {
    /// SHA-256 states with the padded key already absorbed (HMAC's inner and outer halves): each hash copies them
    /// (values) and feeds only its message - a journal hashes every channel of every server. Never mutated in
    /// place, so shared reads from worker threads are safe (hence the unchecked Sendable).
    private let innerPrepared: SHA256
    private let outerPrepared: SHA256
    /// The keyed hash of the journal's tags (``tag(_:domain:)``), its key derived from the team's key.
    private let tagHash: SipHash24

    /// The mask character.
    public static let mask: Character = "•"

    /// - Parameter key: the team's secret; the same key gives the same hashes.
    public init(key: String) {
        // RFC 2104 over swift-crypto's SHA-256: the key padded (hashed first when longer than a block) and XORed with
        // ipad and opad, each absorbed once into a hash state that every call copies. Fed through
        // update(bufferPointer:), not HMAC's generic DataProtocol path, which cost half of a journal's hashing.
        // `RedactorTests` checks the result equals HMAC<SHA256> byte for byte.
        var block = Array(key.utf8)
        if block.count > 64 { block = Array(SHA256.hash(data: block)) }
        block += [UInt8](repeating: 0, count: 64 - block.count)
        var inner = SHA256(), outer = SHA256()
        block.map { $0 ^ 0x36 }.withUnsafeBytes { inner.update(bufferPointer: $0) }
        block.map { $0 ^ 0x5C }.withUnsafeBytes { outer.update(bufferPointer: $0) }
        innerPrepared = inner
        outerPrepared = outer
        let tagKey = HMAC<SHA256>.authenticationCode(for: Array("classify name tag".utf8), using: SymmetricKey(data: Array(key.utf8)))
        tagHash = SipHash24(key: Array(tagKey.prefix(16)))
    }

    /// HMAC-SHA256(key, kind NUL value), first 8 bytes as a big-endian number. The message is fed in one update
    /// (from the stack when short): a journal hashes every channel of every server.
    func code(_ value: String, kind: String) -> UInt64 {
        var inner = innerPrepared
        var kind = kind, value = value
        kind.withUTF8 { kindBytes in
            value.withUTF8 { valueBytes in
                let count = kindBytes.count + 1 + valueBytes.count
                guard count <= 512 else {
                    inner.update(bufferPointer: UnsafeRawBufferPointer(kindBytes))
                    withUnsafeBytes(of: UInt8(0)) { inner.update(bufferPointer: $0) }
                    inner.update(bufferPointer: UnsafeRawBufferPointer(valueBytes))
                    return
                }
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { message in
                    _ = message.initialize(fromContentsOf: kindBytes)
                    message[kindBytes.count] = 0
                    _ = UnsafeMutableBufferPointer(rebasing: message[(kindBytes.count + 1)...]).initialize(fromContentsOf: valueBytes)
                    inner.update(bufferPointer: UnsafeRawBufferPointer(message))
                }
            }
        }
        var outer = outerPrepared
        inner.finalize().withUnsafeBytes { outer.update(bufferPointer: $0) }
        return outer.finalize().withUnsafeBytes { UInt64(bigEndian: $0.loadUnaligned(as: UInt64.self)) }
    }

    /// Appends ``hash(_:kind:)``'s bytes to `out`, with no String made on the way (the journal's structure).
    package func appendHash(_ value: String, kind: String, to out: inout [UInt8]) {
        out.append(contentsOf: kind.utf8)
        out.append(UInt8(ascii: "-"))
        appendHex(code(value, kind: kind), to: &out)
    }

    /// SipHash-2-4 of a domain letter and `value`, keyed by a key derived from the team's: the journal's tags of
    /// names and of category and channel ids. Keyed, so nobody without the key can test a guessed name; SipHash
    /// rather than HMAC because it runs for every channel of every scan (``SipHash24``).
    package func tag(_ value: String, domain: Unicode.Scalar) -> UInt64 {
        var value = value
        return value.withUTF8 { bytes in
            let count = bytes.count + 1
            guard count <= 512 else {
                return ([UInt8(ascii: domain)] + Array(bytes)).withUnsafeBytes { tagHash.hash($0) }
            }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { message in
                message[0] = UInt8(ascii: domain)
                _ = UnsafeMutableBufferPointer(rebasing: message[1...]).initialize(fromContentsOf: bytes)
                return tagHash.hash(UnsafeRawBufferPointer(message))
            }
        }
    }

    private func appendHex(_ value: UInt64, to out: inout [UInt8]) {
        let digits: StaticString = "0123456789abcdef"
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { hex in
            for index in 0..<16 {
                hex[index] = digits.utf8Start[Int((value >> UInt64(60 - 4 * index)) & 0x0F)]
            }
            out.append(contentsOf: hex)
        }
    }

    /// `kind-` followed by 16 hex digits of HMAC-SHA256(key, kind NUL value).
    public func hash(_ value: String, kind: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(kind.utf8.count + 17)
        appendHash(value, kind: kind, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static let maskScalar: Unicode.Scalar = "\u{2022}"

    /// `text` with every scalar masked: as many `•` as it has Unicode scalars (UTF-8 lead bytes), built as bytes.
    static func fullMask(_ text: String) -> String {
        var text = text
        let scalars = text.withUTF8 { bytes in bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
        return String(unsafeUninitializedCapacity: scalars * 3) { buffer in
            for index in 0..<scalars {
                buffer[index * 3] = 0xE2; buffer[index * 3 + 1] = 0x80; buffer[index * 3 + 2] = 0xA2
            }
            return scalars * 3
        }
    }

    /// `text` with every scalar outside `keep` (scalar offsets) masked.
    public static func mask(_ text: String, keeping keep: [Range<Int>]) -> String {
        let ranges = keep.sorted { $0.lowerBound < $1.lowerBound }
        var next = 0  // first range that may still cover an offset
        var out = String.UnicodeScalarView()
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            while next < ranges.count, ranges[next].upperBound <= offset { next += 1 }
            var kept = false
            var index = next
            while index < ranges.count, ranges[index].lowerBound <= offset {
                if ranges[index].contains(offset) { kept = true; break }
                index += 1
            }
            out.append(kept ? scalar : maskScalar)
        }
        return String(out)
    }

    /// The names, topics and descriptions of one result masked as ``redact(_:)`` masks them: every scalar outside the
    /// result's evidence spans becomes `•`. Built once per result; the journal writes its structure with it.
    package struct Masks {
        private let spans: [TextKey: [Range<Int>]]
        /// A text is masked once, however many evidence parts point into it.
        private var memo: [MemoKey: String] = [:]

        package init(_ result: ClassificationResult) {
            var spans: [TextKey: [Range<Int>]] = [:]
            for part in result.evidence.flatMap(\.parts) {
                spans[TextKey(part.location, part.location.field), default: []].append(part.start..<part.end)
            }
            self.spans = spans
        }

        /// The category name at `index`, masked.
        package mutating func category(_ name: String, index: Int) -> String {
            masked(name, TextKey(field: .category, category: index, channel: nil))
        }

        /// The channel name at `index` (under the category at `category`), masked.
        package mutating func channel(_ name: String, index: Int, category: Int?) -> String {
            masked(name, TextKey(field: .channel, category: category, channel: index))
        }

        /// Whether the text at this place keeps nothing (no evidence in it): then it is all bullets.
        package func keepsNothing(channel index: Int, category: Int?) -> Bool {
            spans[TextKey(field: .channel, category: category, channel: index)] == nil
        }

        /// Whether the category name at `index` keeps nothing.
        package func keepsNothing(category index: Int) -> Bool {
            spans[TextKey(field: .category, category: index, channel: nil)] == nil
        }

        fileprivate mutating func masked(_ text: String, _ key: TextKey) -> String {
            // Without evidence every scalar is masked: no lookups (most of a watch list is clear).
            if spans.isEmpty { return Redactor.fullMask(text) }
            let memoKey = MemoKey(key: key, text: text)
            if let done = memo[memoKey] { return done }
            let done = Redactor.mask(text, keeping: spans[key] ?? [])
            memo[memoKey] = done
            return done
        }
    }

    /// The result with names masked outside the evidence and identifiers hashed.
    /// - Parameter structure: false to leave categories and channels as empty placeholders (their counts kept) - for a caller that prints only how many there are, such as the journal's report column, which keeps
    ///   its structure apart and need not pay for a second masking of every channel.
    public func redact(_ result: ClassificationResult, structure: Bool = true) -> ClassificationResult {
        var masks = Masks(result)
        func masked(_ text: String, _ key: TextKey) -> String { masks.masked(text, key) }
        let original = result.server
        var server = original
        server.id = original.id.map { hash($0, kind: "server") }
        server.name = hash(original.name, kind: "name")
        server.description = original.description.map {
            masked($0, TextKey(field: .serverDescription, category: nil, channel: nil))
        }
        server.categories = !structure ? Array(repeating: ChannelCategory(name: ""), count: original.categories.count)
            : original.categories.enumerated().map { index, category in
            var copy = category
            copy.id = category.id.map { hash($0, kind: "category") }
            copy.name = masked(category.name, TextKey(field: .category, category: index, channel: nil))
            return copy
        }
        server.channels = !structure
            ? Array(repeating: Channel(name: ""), count: original.channels.count)
            : original.channels.enumerated().map { index, channel in
            var copy = channel
            copy.id = channel.id.map { hash($0, kind: "channel") }
            copy.name = masked(channel.name, TextKey(field: .channel, category: channel.categoryIndex, channel: index))
            copy.topic = channel.topic.map {
                masked($0, TextKey(field: .topic, category: channel.categoryIndex, channel: index))
            }
            // Tags are matched as one text (FieldText); masked as one, then split back.
            if !channel.tags.isEmpty {
                let joined = channel.tags.filter { !$0.isEmpty }.joined(separator: ", ")
                let mask = masked(joined, TextKey(field: .tag, category: channel.categoryIndex, channel: index))
                copy.tags = [mask]
            }
            return copy
        }
        server.source = redact(original.source)
        server.isRedacted = true

        func location(_ location: Location) -> Location {
            Location(field: location.field,
                     category: location.category.map {
                         masked($0, TextKey(field: .category, category: location.categoryIndex, channel: nil))
                     },
                     channel: location.channel.map {
                         masked($0, TextKey(field: .channel, category: location.categoryIndex,
                                            channel: location.channelIndex))
                     },
                     categoryIndex: location.categoryIndex, channelIndex: location.channelIndex)
        }
        let evidence = result.evidence.map { item in
            Evidence(rule: item.rule, category: item.category, section: item.section, status: item.status,
                     weight: item.weight, indicator: item.indicator, lowers: item.lowers, scope: item.scope,
                     parts: item.parts.map { part in
                         EvidencePart(signal: part.signal, location: location(part.location),
                                      text: masked(part.text, TextKey(part.location, part.location.field)),
                                      start: part.start, end: part.end, match: part.match, view: part.view,
                                      viewMatch: part.viewMatch)
                     })
        }
        let errors = result.errors.map { error in
            RuleError(signal: error.signal, rules: error.rules, location: location(error.location),
                      message: error.message)
        }
        return ClassificationResult(server: server, verdict: result.verdict, categories: result.categories,
                                    evidence: evidence, errors: errors)
    }

    /// An input error with its file path hashed and nothing from the export in clear: parse errors quote at most one
    /// character, and a duplicate member's quoted name is masked.
    public func redact(_ error: InputError) -> InputError {
        switch error {
        case let .unreadable(file, reason): return .unreadable(file: hash(file, kind: "file"), reason: reason)
        case let .empty(file): return .empty(file: hash(file, kind: "file"))
        case let .malformedJSON(source, line, column, reason):
            // A duplicate member's name is quoted, and members are named by whoever wrote the export.
            return .malformedJSON(source: redact(source), line: line, column: column, reason: Self.maskQuoted(reason))
        case let .malformedOutline(source, line, reason):
            return .malformedOutline(source: redact(source), line: line, reason: reason)
        case let .unknownShape(source, _):
            // The shape names the top-level keys, and a crafted export can put names there.
            return .unknownShape(source: redact(source), found: "its keys are not shown in a redacted report")
        case let .invalidField(source, path, reason):
            return .invalidField(source: redact(source), path: path, reason: reason)
        }
    }

    /// The text with whatever stands between double quotes masked: `member name "Jane"` → `member name "•••"`.
    static func maskQuoted(_ text: String) -> String {
        var out = ""
        var inside = false
        for character in text {
            if character == "\"" {
                if inside { out += "•••" }
                inside.toggle()
                out.append(character)
            } else if !inside {
                out.append(character)
            }
        }
        return out
    }

    private func redact(_ source: SourceRef) -> SourceRef {
        var copy = source
        copy.file = source.file == "-" ? "-" : hash(source.file, kind: "file")
        return copy
    }

    fileprivate struct MemoKey: Hashable {
        let key: TextKey
        let text: String
    }

    /// Which text a span belongs to: by position in the server, never by name - two channels named alike are two
    /// texts, and the words kept in one must not be kept in the other.
    fileprivate struct TextKey: Hashable {
        let field: Field
        let category: Int?
        let channel: Int?

        init(field: Field, category: Int?, channel: Int?) {
            self.field = field
            self.category = category
            self.channel = channel
        }

        init(_ location: Location, _ field: Field) {
            switch field {
            case .serverName, .serverDescription: self.init(field: field, category: nil, channel: nil)
            case .category: self.init(field: field, category: location.categoryIndex, channel: nil)
            case .channel, .topic, .tag, .flag:
                self.init(field: field, category: location.categoryIndex, channel: location.channelIndex)
            }
        }
    }
}
