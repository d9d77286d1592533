import CPCRE2

/// Per-thread matching state: PCRE2 match data, a match context carrying the limits, and a JIT stack.
///
/// Allocated once per worker and reused for every match it runs; never share one between threads.
public final class MatchScratch {
    /// The limits every match run with this scratch is held to; the engine reports a match that exceeds them
    /// as a ``RuleError`` rather than as no match.
    public let limits: MatchLimits
    private let matchData: OpaquePointer
    private let context: OpaquePointer
    private let jitStack: OpaquePointer?

    /// Allocates PCRE2 match data, a match context carrying `limits`, and a JIT stack. Make one per thread.
    public init(limits: MatchLimits = .default) {
        self.limits = limits
        // Only the whole-match offsets are read; PCRE2 still reports a match when groups do not fit.
        matchData = pcre2_match_data_create_8(1, nil)
        context = pcre2_match_context_create_8(nil)
        pcre2_set_match_limit_8(context, limits.matchLimit)
        pcre2_set_depth_limit_8(context, limits.depthLimit)
        pcre2_set_heap_limit_8(context, limits.heapLimitKiB)
        jitStack = pcre2_jit_stack_create_8(32 * 1024, max(32 * 1024, limits.jitStackBytes), nil)
        if let jitStack { pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack)) }
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(context)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    }

    func match(_ pattern: CompiledPattern, subject: UnsafeBufferPointer<UInt8>, from start: Int)
        throws(PatternError) -> Range<Int>? {
        try match(code: pattern.code, subject: subject, from: start)
    }

    /// Matches compiled code directly: the engine's loop keeps raw pointers so that threads do not contend on the
    /// reference counts of shared pattern objects.
    func match(code: OpaquePointer, subject: UnsafeBufferPointer<UInt8>, from start: Int)
        throws(PatternError) -> Range<Int>? {
        // An empty buffer may have a nil base address; PCRE2 wants a valid pointer with length 0.
        let rc: Int32
        if let base = subject.baseAddress {
            rc = pcre2_match_8(code, base, subject.count, start, 0, matchData, context)
        } else {
            var empty: UInt8 = 0
            rc = pcre2_match_8(code, &empty, 0, 0, 0, matchData, context)
        }
        if rc >= 0 {
            let ovector = pcre2_get_ovector_pointer_8(matchData)!
            return Int(ovector[0])..<Int(ovector[1])
        }
        switch rc {
        case PCRE2_ERROR_NOMATCH:
            return nil
        case PCRE2_ERROR_MATCHLIMIT, PCRE2_ERROR_DEPTHLIMIT, PCRE2_ERROR_HEAPLIMIT, PCRE2_ERROR_JIT_STACKLIMIT:
            throw .limitExceeded(message: PatternError.message(for: rc))
        default:
            throw .match(code: rc, message: PatternError.message(for: rc))
        }
    }
}
