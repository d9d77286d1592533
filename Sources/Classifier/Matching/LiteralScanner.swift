/// Finds, in one pass over a text, which patterns' required literals occur in it (Aho-Corasick over ASCII-lower-cased
/// bytes). Patterns without literals are always candidates.
///
/// Built once per rule set and shared read-only between threads; candidates go into a caller's ``CandidateSet``.
package struct LiteralScanner: Sendable {
    /// Byte → input class; 0 for bytes that occur in no literal.
    private let classOf: [UInt8]
    private let classCount: Int
    /// State × class → next state; state 0 is the root.
    private let transitions: [Int32]
    /// For each state, the range of `outputs` listing the patterns whose literal ends there (failure links merged).
    private let outputStart: [Int32]
    private let outputs: [Int32]
    /// Patterns that run on every text.
    public let alwaysCandidates: [Int32]
    public let patternCount: Int

    /// - Parameter literals: for each pattern, its required literals, or nil when it must always run.
    public init(literals: [Set<String>?]) {
        patternCount = literals.count
        var always: [Int32] = []
        var entries: [([UInt8], Int32)] = []
        for (pattern, set) in literals.enumerated() {
            guard let set, !set.isEmpty else {
                always.append(Int32(pattern))
                continue
            }
            for literal in set {
                let bytes = Array(literal.utf8).map(Self.lower)
                if bytes.isEmpty {
                    always.append(Int32(pattern))
                    break
                }
                entries.append((bytes, Int32(pattern)))
            }
        }
        alwaysCandidates = Array(Set(always)).sorted()

        // Byte classes: one per distinct byte used by a literal.
        var classOf = [UInt8](repeating: 0, count: 256)
        var count = 1
        for (bytes, _) in entries {
            for byte in bytes where classOf[Int(byte)] == 0 {
                classOf[Int(byte)] = UInt8(count)
                count += 1
            }
        }
        // Upper-case ASCII letters share the class of their lower case.
        for byte in UInt8(0x41)...UInt8(0x5A) { classOf[Int(byte)] = classOf[Int(byte | 0x20)] }
        self.classOf = classOf
        classCount = count

        // Trie.
        var goto: [[Int32]] = [[Int32](repeating: -1, count: count)]
        var terminal: [[Int32]] = [[]]
        for (bytes, pattern) in entries {
            var state = 0
            for byte in bytes {
                let symbol = Int(classOf[Int(byte)])
                if goto[state][symbol] < 0 {
                    goto[state][symbol] = Int32(goto.count)
                    goto.append([Int32](repeating: -1, count: count))
                    terminal.append([])
                }
                state = Int(goto[state][symbol])
            }
            terminal[state].append(pattern)
        }

        // Breadth-first failure links, turning the trie into a full automaton.
        var fail = [Int32](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for symbol in 0..<count {
            if goto[0][symbol] < 0 { goto[0][symbol] = 0 } else {
                fail[Int(goto[0][symbol])] = 0
                queue.append(Int(goto[0][symbol]))
            }
        }
        var head = 0
        var merged = terminal
        while head < queue.count {
            let state = queue[head]
            head += 1
            merged[state] += merged[Int(fail[state])]
            for symbol in 0..<count {
                let next = goto[state][symbol]
                if next < 0 {
                    goto[state][symbol] = goto[Int(fail[state])][symbol]
                } else {
                    fail[Int(next)] = goto[Int(fail[state])][symbol]
                    queue.append(Int(next))
                }
            }
        }
        transitions = goto.flatMap { $0 }
        var starts: [Int32] = []
        var flat: [Int32] = []
        for outputs in merged {
            starts.append(Int32(flat.count))
            flat += Array(Set(outputs)).sorted()
        }
        starts.append(Int32(flat.count))
        outputStart = starts
        outputs = flat
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// Marks in `candidates` every pattern whose literal occurs in `text`, and every pattern that always runs.
    /// - Parameter ascii: the caller knows the text is ASCII, which skips the look for the Kelvin sign and long s.
    public func scan(_ text: UnsafeBufferPointer<UInt8>, ascii: Bool = false, into candidates: inout CandidateSet) {
        candidates.reset(patternCount)
        for pattern in alwaysCandidates { candidates.insert(Int(pattern)) }
        if !ascii, Self.hasNonASCIICaseFoldingToASCII(text) {
            candidates.insertAll(patternCount)
            return
        }
        classOf.withUnsafeBufferPointer { classOf in
            transitions.withUnsafeBufferPointer { transitions in
                outputStart.withUnsafeBufferPointer { outputStart in
                    outputs.withUnsafeBufferPointer { outputs in
                        var state = 0
                        let width = classCount
                        for byte in text {
                            state = Int(transitions[state * width + Int(classOf[Int(byte)])])
                            let start = Int(outputStart[state]), end = Int(outputStart[state + 1])
                            if start != end {
                                for index in start..<end { candidates.insert(Int(outputs[index])) }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The Kelvin sign (U+212A) matches k, and the long s (U+017F) matches s, in a caseless pattern; the byte scan
    /// cannot see them, so a text holding either runs every pattern.
    static func hasNonASCIICaseFoldingToASCII(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.count >= 2 else { return false }
        for index in 0..<(text.count - 1) {
            switch text[index] {
            case 0xE2 where index + 2 < text.count && text[index + 1] == 0x84 && text[index + 2] == 0xAA: return true
            case 0xC5 where text[index + 1] == 0xBF: return true
            default: continue
            }
        }
        return false
    }
}

/// The patterns worth running on one text: a bit set reused from text to text.
package struct CandidateSet: Sendable {
    private var words: [UInt64] = []

    public init() {}

    mutating func reset(_ count: Int) {
        // Reuse the words from text to text: one allocation per server, not per text.
        let needed = (count + 63) / 64
        if words.count != needed { words = [UInt64](repeating: 0, count: needed) } else {
            for index in words.indices { words[index] = 0 }
        }
    }

    mutating func insert(_ pattern: Int) {
        words[pattern >> 6] |= 1 << UInt64(pattern & 63)
    }

    mutating func insertAll(_ count: Int) {
        for pattern in 0..<count { insert(pattern) }
    }

    public func contains(_ pattern: Int) -> Bool {
        words[pattern >> 6] & (1 << UInt64(pattern & 63)) != 0
    }

    /// Calls `body` with every pattern in the set, in increasing order.
    func forEach(_ body: (Int) -> Void) {
        for (index, word) in words.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                let bit = bits.trailingZeroBitCount
                body(index << 6 | bit)
                bits &= bits - 1
            }
        }
    }
}
