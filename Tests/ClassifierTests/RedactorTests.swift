import Crypto
import Foundation
import Testing
@testable import Classifier

/// The keyed hashes of `--redact` and the journal: HMAC-SHA256 exactly, whatever the key's length.
@Suite struct RedactorTests {
    @Test(arguments: ["k", "team key", String(repeating: "long key ", count: 20), "é🔑"])
    func hashesAreHMACSHA256(key: String) {
        let redactor = Redactor(key: key)
        // The last value is longer than the stack buffer the message is fed from.
        for (value, kind) in [("900000000000000001", "server"), ("Coin des Scred", "name"), ("", "channel"), ("日本語 🔞", "file"),
                              (String(repeating: "x", count: 600), "name")] {
            let expected = HMAC<SHA256>.authenticationCode(for: Data((kind + "\u{0}" + value).utf8),
                                                           using: SymmetricKey(data: Data(key.utf8)))
            #expect(redactor.code(value, kind: kind) == expected.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }, "\(key) \(kind) \(value)")
            #expect(redactor.hash(value, kind: kind) == kind + "-" + expected.prefix(8).map { String(format: "%02x", $0) }.joined())
        }
    }

    /// SipHash-2-4 against the reference vectors (key 00…0f, message 00…len-1), output as little-endian bytes.
    @Test func sipHashMatchesTheReferenceVectors() {
        let vectors: [Int: [UInt8]] = [
            0: [0x31, 0x0e, 0x0e, 0xdd, 0x47, 0xdb, 0x6f, 0x72], 1: [0xfd, 0x67, 0xdc, 0x93, 0xc5, 0x39, 0xf8, 0x74],
            7: [0x37, 0xd1, 0x01, 0x8b, 0xf5, 0x00, 0x02, 0xab], 8: [0x62, 0x24, 0x93, 0x9a, 0x79, 0xf5, 0xf5, 0x93],
            15: [0xe5, 0x45, 0xbe, 0x49, 0x61, 0xca, 0x29, 0xa1],
        ]
        let sip = SipHash24(key: Array(0..<16))
        for (length, expected) in vectors {
            let message = [UInt8]((0..<length).map { UInt8($0) })
            let value = message.withUnsafeBytes { sip.hash($0) }
            #expect((0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) } == expected, "length \(length)")
        }
    }

    @Test func journalTagsAreKeyedAndSeparatedByDomain() {
        // As the journal shows them: 16 hex digits of the 64-bit tag.
        func tag(_ key: String, _ name: String, _ domain: Unicode.Scalar = "n") -> String {
            let hex = String(Redactor(key: key).tag(name, domain: domain), radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }
        #expect(tag("k", "général") == tag("k", "général") && tag("k", "général").count == 16)
        #expect(tag("k", "général").allSatisfy { $0.isHexDigit })
        #expect(tag("k", "général") != tag("other key", "général"), "another key, another tag")
        #expect(tag("k", "général") != tag("k", "general"))
        #expect(tag("k", "général") != tag("k", "général", "h"), "a name and a channel id never share a tag")
        let long = String(repeating: "é", count: 400)  // past the stack buffer
        #expect(tag("k", long) == tag("k", long) && tag("k", long) != tag("k", long + "x"))
    }
}
