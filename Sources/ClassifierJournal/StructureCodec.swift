import Classifier
import Foundation

/// How the journal stores a scan's structure, and reads it back as ``StructureEntry`` values.
///
/// Since 2026.11.19 a structure is a JSON array of small arrays, one per category then channel:
/// `["g", tag, null, name, nameTag]` and `["h", tag, parentIndex, name, nameTag]`, where the tags are 16 hex digits
/// of a keyed SipHash (ids in the export, else names; names in clear), `parentIndex` is the channel's category's
/// position, and `name` the masked name - or, when every letter is masked, only how many there are. About a third
/// of the bytes of the first form, and a third of its keyed hashes: the journal writes one per channel per scan.
///
/// Since 2026.11.27 the same entries are stored as a BLOB (``Writer`` builds it an entry at a time): a format
/// byte (1), then per entry a kind byte (0 category, 1 channel), the 8 bytes of the id's tag (big-endian, so its hex
/// is the text form's), the parent's position plus one as a varint (0: none), the name - a varint `count << 1` when
/// every letter is masked, else `length << 1 | 1` and its UTF-8 bytes - and the 8 bytes of the name's tag. The tags
/// are the text form's, so scans of either form compare. About 40% of the text form's bytes, no hex, no quoting.
///
/// Scans recorded before then hold an array of objects (`{"kind", "id", "parent", "name", "nameKey"}`, HMAC ids);
/// they are still read, but their ids cannot be matched with the tags of later scans (``isComparable(_:_:)``).
enum StructureCodec {
    static let categoryKind = "g"
    static let channelKind = "h"
    static let blobFormat: UInt8 = 1
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends the parts of one entry of the BLOB form.
    struct Writer {
        var bytes: [UInt8] = [StructureCodec.blobFormat]

        init(capacity: Int) { bytes.reserveCapacity(capacity) }

        /// One category or channel: `name` is the masked name, or the name in clear when `masked` is true - then
        /// only how many scalars it has is written.
        mutating func entry(channel: Bool, tag: UInt64, parent: Int?, masked: Bool, name: String, nameTag: UInt64) {
            bytes.append(channel ? 1 : 0)
            append(tag)
            varint(parent.map { $0 + 1 } ?? 0)
            var name = name
            name.withUTF8 { utf8 in
                if masked {
                    // Scalars counted on the bytes: every byte that does not continue a sequence starts one.
                    var scalars = 0
                    for byte in utf8 where byte & 0xC0 != 0x80 { scalars += 1 }
                    varint(scalars << 1)
                } else {
                    varint(utf8.count << 1 | 1)
                    bytes.append(contentsOf: utf8)
                }
            }
            append(nameTag)
        }

        private mutating func append(_ value: UInt64) {
            withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
        }

        private mutating func varint(_ value: Int) {
            var value = UInt(max(0, value))
            while value >= 0x80 {
                bytes.append(UInt8(value & 0x7F) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
        }
    }

    /// The entries of a structure stored as a BLOB; empty when the bytes are not that form, and cut at the first
    /// entry that does not read whole (a truncated or foreign BLOB never traps).
    static func decode(blob: [UInt8]) -> [StructureEntry] {
        guard blob.first == blobFormat else { return [] }
        var position = 1
        func byte() -> UInt8? {
            guard position < blob.count else { return nil }
            defer { position += 1 }
            return blob[position]
        }
        func tag() -> String? {
            guard position + 8 <= blob.count else { return nil }
            defer { position += 8 }
            var hex: [UInt8] = []
            hex.reserveCapacity(16)
            for value in blob[position..<position + 8] {
                hex.append(hexDigits[Int(value >> 4)])
                hex.append(hexDigits[Int(value & 0x0F)])
            }
            return String(decoding: hex, as: UTF8.self)
        }
        func varint() -> Int? {
            var value = 0, shift = 0
            while shift < 42, let next = byte() {
                value |= Int(next & 0x7F) << shift
                if next & 0x80 == 0 { return value }
                shift += 7
            }
            return nil
        }
        var entries: [StructureEntry] = []
        var categoryIDs: [String] = []
        while position < blob.count {
            guard let kind = byte(), kind <= 1, let id = tag(), let parent = varint(), let header = varint() else { break }
            let name: String
            if header & 1 == 0 {
                name = String(repeating: Redactor.mask, count: min(header >> 1, 1 << 16))
            } else {
                let length = header >> 1
                guard length <= blob.count - position else { break }
                name = String(decoding: blob[position..<position + length], as: UTF8.self)
                position += length
            }
            guard let nameTag = tag() else { break }
            if kind == 0 {
                categoryIDs.append("gk-" + id)
                entries.append(StructureEntry(kind: "category", id: "gk-" + id, parent: nil, name: name, nameKey: "nk-" + nameTag))
            } else {
                let parentID = parent > 0 && parent <= categoryIDs.count ? categoryIDs[parent - 1] : nil
                entries.append(StructureEntry(kind: "channel", id: "ck-" + id, parent: parentID, name: name, nameKey: "nk-" + nameTag))
            }
        }
        return entries
    }

    /// The entries of a stored structure, in either form; empty when the text is missing or unreadable.
    static func decode(_ text: String?) -> [StructureEntry] {
        guard let text, let value = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any] else { return [] }
        if value.first is [String: Any] {
            return (try? JSONDecoder().decode([StructureEntry].self, from: Data(text.utf8))) ?? []
        }
        let rows = value.compactMap { $0 as? [Any] }
        let categoryIDs = rows.filter { $0.first as? String == categoryKind }.map { "gk-" + ($0[safe: 1] as? String ?? "") }
        return rows.compactMap { row -> StructureEntry? in
            guard row.count == 5, let kind = row[0] as? String, let tag = row[1] as? String, let nameTag = row[4] as? String
            else { return nil }
            let name: String
            if let text = row[3] as? String {
                name = text
            } else if let count = row[3] as? Int {
                name = String(repeating: Redactor.mask, count: max(0, min(count, 1 << 16)))
            } else {
                return nil
            }
            let parent = (row[2] as? Int).flatMap { categoryIDs.indices.contains($0) ? categoryIDs[$0] : nil }
            return StructureEntry(kind: kind == categoryKind ? "category" : "channel",
                                  id: (kind == categoryKind ? "gk-" : "ck-") + tag, parent: parent, name: name,
                                  nameKey: "nk-" + nameTag)
        }
    }

    /// Whether two structures were keyed alike, so that the same id means the same category or channel: not when
    /// one was recorded before the tags (HMAC `category-…`/`channel-…` ids) and the other after.
    static func isComparable(_ a: [StructureEntry], _ b: [StructureEntry]) -> Bool {
        guard let first = a.first, let second = b.first else { return true }
        return isTagged(first) == isTagged(second)
    }

    private static func isTagged(_ entry: StructureEntry) -> Bool { entry.id.hasPrefix("gk-") || entry.id.hasPrefix("ck-") }
}

private extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
