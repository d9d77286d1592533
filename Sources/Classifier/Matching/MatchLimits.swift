/// Resource limits for one PCRE2 match call. They turn catastrophic backtracking into a reported error.
///
/// The defaults are far above what any reasonable pattern needs on a channel name, and low enough that a hostile
/// pattern on a 1 MB subject gives up in well under a second.
public struct MatchLimits: Sendable, Equatable {
    /// Maximum calls of PCRE2's internal match() (counts backtracking steps, JIT included).
    public var matchLimit: UInt32
    /// Maximum backtracking depth (interpreter only; the JIT is bounded by its stack).
    public var depthLimit: UInt32
    /// Maximum heap memory for backtracking, in KiB (interpreter only).
    public var heapLimitKiB: UInt32
    /// Size of the JIT stack each matcher owns, in bytes.
    public var jitStackBytes: Int

    /// Limits for each match call; by default a match limit of 1 000 000, depth 10 000, 20 000 KiB of heap
    /// and a 512 KiB JIT stack.
    public init(matchLimit: UInt32 = 1_000_000, depthLimit: UInt32 = 10_000, heapLimitKiB: UInt32 = 20_000,
                jitStackBytes: Int = 512 * 1024) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
        self.heapLimitKiB = heapLimitKiB
        self.jitStackBytes = jitStackBytes
    }

    /// The limits a ``MatchScratch`` gets unless told otherwise.
    public static let `default` = MatchLimits()
}
