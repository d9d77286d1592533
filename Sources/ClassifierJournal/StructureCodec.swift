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
/// Scans recorded before then hold an array of objects (`{"kind", "id", "parent", "name", "nameKey"}`, HMAC ids);
/// they are still read, but their ids cannot be matched with the tags of later scans (``isComparable(_:_:)``).
enum StructureCodec {
    static let categoryKind = "g"
    static let channelKind = "h"

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
