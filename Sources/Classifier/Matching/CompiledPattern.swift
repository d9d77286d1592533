import CPCRE2

/// A PCRE2 pattern compiled once and JIT-compiled, safe to share between threads.
///
/// PCRE2 compiled code is read-only once `pcre2_jit_compile` has run, so many threads may match with it at the same
/// time as long as each brings its own match data and JIT stack (see ``MatchScratch``).
package final class CompiledPattern: @unchecked Sendable {
    /// The pattern's source text, as written in the rule pack.
    public let source: String
    public let flags: PatternFlags
    /// Whether PCRE2's JIT compiler accepted the pattern (otherwise the interpreter runs it, with the same limits).
    public let isJIT: Bool
    let code: OpaquePointer

    public init(_ source: String, flags: PatternFlags = PatternFlags()) throws(PatternError) {
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let bytes = Array(source.utf8)
        let compiled = bytes.withUnsafeBufferPointer { buffer in
            pcre2_compile_8(buffer.baseAddress, buffer.count, flags.compileOptions, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            throw .compile(message: PatternError.message(for: errorCode), offset: errorOffset)
        }
        self.code = compiled
        self.source = source
        self.flags = flags
        // JIT before the code is shared: compiling it lazily from several threads would race.
        // (*NO_JIT) in a pattern makes jit_compile succeed without compiling: ask for the JIT code's size instead.
        var jitSize: Int = 0
        if pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0 {
            pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_JITSIZE), &jitSize)
        }
        self.isJIT = jitSize > 0
    }

    deinit { pcre2_code_free_8(code) }

    /// The shortest match PCRE2 knows the pattern can make, in characters: 0 when it can match the empty string
    /// somewhere (`x*`, `(?=a)|\b`) - such a pattern would hit every text.
    public var minimumLength: Int {
        var length: UInt32 = 0
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_MINLENGTH), &length)
        return Int(length)
    }

    /// Number of capture groups, so callers can size match data if they need groups.
    public var captureCount: Int {
        var count: UInt32 = 0
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        return Int(count)
    }

    /// First match at or after `start` (a byte offset) in a UTF-8 subject; the range is in bytes.
    public func firstMatch(in subject: UnsafeBufferPointer<UInt8>, from start: Int = 0,
                           using scratch: MatchScratch) throws(PatternError) -> Range<Int>? {
        try scratch.match(self, subject: subject, from: start)
    }

    /// Convenience for tests and one-off use: first match in a Swift string, as a byte range of its UTF-8.
    public func firstMatch(in text: String, using scratch: MatchScratch) throws(PatternError) -> Range<Int>? {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer throws(PatternError) in
            try firstMatch(in: buffer, using: scratch)
        }
    }

    /// All non-overlapping matches in a UTF-8 subject, as byte ranges.
    public func allMatches(in subject: UnsafeBufferPointer<UInt8>, using scratch: MatchScratch)
        throws(PatternError) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        while start <= subject.count, let range = try scratch.match(self, subject: subject, from: start) {
            ranges.append(range)
            // Step past an empty match by one whole UTF-8 character so the scan always advances.
            if range.isEmpty {
                var next = range.upperBound + 1
                while next < subject.count, subject[next] & 0xC0 == 0x80 { next += 1 }
                start = next
            } else {
                start = range.upperBound
            }
        }
        return ranges
    }
}
