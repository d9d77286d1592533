/// SipHash-2-4 (Aumasson and Bernstein, 2012): a keyed hash made for short inputs. The journal's structure
/// fingerprint hashes the name of every channel of every server it records; HMAC-SHA256 costs two SHA-256
/// compressions a name, SipHash a few dozen additions and rotations. swift-crypto does not export BoringSSL's
/// `SIPHASH_24`, so it is written here, checked against the reference vectors (`RedactorTests`).
package struct SipHash24: Sendable {
    private let k0: UInt64, k1: UInt64

    /// - Parameter key: 16 bytes, read as two little-endian words (as the reference implementation reads them).
    package init(key: [UInt8]) {
        precondition(key.count == 16, "SipHash takes a 128-bit key")
        func word(_ offset: Int) -> UInt64 {
            (0..<8).reduce(UInt64(0)) { $0 | UInt64(key[offset + $1]) << (8 * UInt64($1)) }
        }
        k0 = word(0)
        k1 = word(8)
    }

    /// The 64-bit hash of `bytes`.
    package func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var v0: UInt64 = 0x736f6d6570736575 ^ k0
        var v1: UInt64 = 0x646f72616e646f6d ^ k1
        var v2: UInt64 = 0x6c7967656e657261 ^ k0
        var v3: UInt64 = 0x7465646279746573 ^ k1
        @inline(__always) func round() {
            v0 &+= v1; v1 = v1.rotated(13); v1 ^= v0; v0 = v0.rotated(32)
            v2 &+= v3; v3 = v3.rotated(16); v3 ^= v2
            v0 &+= v3; v3 = v3.rotated(21); v3 ^= v0
            v2 &+= v1; v1 = v1.rotated(17); v1 ^= v2; v2 = v2.rotated(32)
        }
        let count = bytes.count
        let whole = count & ~7
        var offset = 0
        while offset < whole {
            let m = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            v3 ^= m
            round(); round()
            v0 ^= m
            offset += 8
        }
        var last = UInt64(truncatingIfNeeded: count) << 56
        for index in 0..<(count - whole) {
            last |= UInt64(bytes[whole + index]) << (8 * UInt64(index))
        }
        v3 ^= last
        round(); round()
        v0 ^= last
        v2 ^= 0xff
        round(); round(); round(); round()
        return v0 ^ v1 ^ v2 ^ v3
    }
}

private extension UInt64 {
    @inline(__always) func rotated(_ count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}
