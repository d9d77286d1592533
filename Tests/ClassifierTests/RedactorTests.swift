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
}
