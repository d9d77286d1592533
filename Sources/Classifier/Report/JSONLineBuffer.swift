#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A JSON Lines record written straight into bytes: keys are static, strings are escaped into the buffer by
/// ``JSONOutput/appendQuoted(_:to:)`` (so the bytes equal ``JSONOutput/serialized(pretty:)``'s), and nothing is
/// built per field. Each thread keeps one buffer, reused from record to record; only the finished line becomes a
/// String.
package struct JSONLineBuffer {
    private(set) var bytes: [UInt8]
    /// Whether the next member or item needs a comma before it.
    private var needsComma = false

    /// Runs `body` on this thread's buffer, emptied, and returns the line it wrote.
    package static func line(_ body: (inout JSONLineBuffer) -> Void) -> String {
        let box = ThreadBuffer.current
        var buffer = JSONLineBuffer(bytes: box.bytes)
        box.bytes = []  // one owner at a time, so appends do not copy
        buffer.bytes.removeAll(keepingCapacity: true)
        body(&buffer)
        let line = String(decoding: buffer.bytes, as: UTF8.self)
        // A record with a huge name must not keep megabytes per thread for the rest of the run.
        if buffer.bytes.capacity <= 1 << 20 { box.bytes = buffer.bytes }
        return line
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    package mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); needsComma = false }
    package mutating func endObject() { bytes.append(UInt8(ascii: "}")); needsComma = true }
    package mutating func beginArray() { separate(); bytes.append(UInt8(ascii: "[")); needsComma = false }
    package mutating func endArray() { bytes.append(UInt8(ascii: "]")); needsComma = true }

    /// A member's key; its value follows.
    package mutating func key(_ key: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    package mutating func string(_ value: String) { separate(); JSONOutput.appendQuoted(value, to: &bytes); needsComma = true }
    package mutating func string(_ value: String?) { if let value { string(value) } else { null() } }
    package mutating func int(_ value: Int?) {
        separate()
        if let value { appendDecimal(value) } else { appendLiteral("null") }
        needsComma = true
    }
    package mutating func bool(_ value: Bool) { separate(); appendLiteral(value ? "true" : "false"); needsComma = true }
    package mutating func null() { separate(); appendLiteral("null"); needsComma = true }

    package mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// A string value whose bytes `write` appends between the quotes: only for text that needs no escaping (hex
    /// digits, ASCII identifiers), so nothing is copied into a String first.
    package mutating func unescapedString(_ write: (inout [UInt8]) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        write(&bytes)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func appendLiteral(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// `String(value)`'s digits, without the String.
    private mutating func appendDecimal(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: enough for 20 digits
        var count = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            repeat {
                raw[23 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[(24 - count)...]))
        }
    }
}

/// One byte buffer per thread, freed with its thread.
private final class ThreadBuffer {
    var bytes: [UInt8] = []

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            guard let pointer else { return }
            Unmanaged<ThreadBuffer>.fromOpaque(pointer).release()
        }
        return key
    }()

    static var current: ThreadBuffer {
        if let pointer = pthread_getspecific(key) { return Unmanaged<ThreadBuffer>.fromOpaque(pointer).takeUnretainedValue() }
        let box = ThreadBuffer()
        pthread_setspecific(key, Unmanaged.passRetained(box).toOpaque())
        return box
    }
}
