import Foundation
import Testing
@testable import Classifier

@Suite struct PCRE2Tests {
    let scratch = MatchScratch()

    @Test func compileErrorCarriesMessageAndOffset() {
        #expect(throws: PatternError.self) { try CompiledPattern("leaks(") }
        do {
            _ = try CompiledPattern("ab[c")
            Issue.record("expected a compile error")
        } catch {
            guard case let .compile(message, offset) = error else { Issue.record("wrong error \(error)"); return }
            #expect(message.contains("missing terminating ]"))
            #expect(offset == 4)
        }
    }

    @Test func caselessUnicodeByDefault() throws {
        let pattern = try CompiledPattern(#"\bsœurs?\b"#)
        #expect(try pattern.firstMatch(in: "SŒURS-sexy", using: scratch) == 0..<6)
        #expect(pattern.isJIT)
        // UCP: \w covers accented letters, so "é" does not make a word boundary.
        let word = try CompiledPattern(#"\blyc\b"#)
        #expect(try word.firstMatch(in: "lycée", using: scratch) == nil)
    }

    @Test func caseSensitiveFlag() throws {
        let pattern = try CompiledPattern("CP", flags: PatternFlags(names: ["case-sensitive"]))
        #expect(try pattern.firstMatch(in: "cp", using: scratch) == nil)
        #expect(try pattern.firstMatch(in: "CP", using: scratch) == 0..<2)
    }

    @Test func invalidUTF8SubjectIsTolerated() throws {
        let pattern = try CompiledPattern("leaks")
        let bytes: [UInt8] = [0xFF, 0xC3, 0x28] + Array("leaks".utf8) + [0xE2, 0x82]
        let range = try bytes.withUnsafeBufferPointer { buffer in try pattern.firstMatch(in: buffer, using: scratch) }
        #expect(range == 3..<8)
    }

    @Test func catastrophicPatternIsAReportedErrorNotAHang() throws {
        let pattern = try CompiledPattern("^(a+)+$")
        let subject = String(repeating: "a", count: 40) + "!"
        let started = Date()
        #expect(throws: PatternError.self) { try pattern.firstMatch(in: subject, using: scratch) }
        do {
            _ = try pattern.firstMatch(in: subject, using: scratch)
        } catch {
            guard case .limitExceeded = error else { Issue.record("expected a limit error, got \(error)"); return }
        }
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func interpreterAlsoHonoursLimits() throws {
        // Same catastrophic pattern without JIT: (*NO_JIT) forces the interpreter.
        let pattern = try CompiledPattern("(*NO_JIT)^(a+)+$")
        #expect(!pattern.isJIT)
        #expect(throws: PatternError.self) {
            try pattern.firstMatch(in: String(repeating: "a", count: 40) + "!", using: scratch)
        }
    }

    @Test func allMatchesAdvancesPastEmptyMatches() throws {
        let pattern = try CompiledPattern("x*")
        let ranges = try Array("aé".utf8).withUnsafeBufferPointer { try pattern.allMatches(in: $0, using: scratch) }
        #expect(ranges == [0..<0, 1..<1, 3..<3])
    }

    @Test func sharedPatternMatchesFromManyThreads() throws {
        let pattern = try CompiledPattern(#"\bdemande[-_ ]?leaks?\b"#)
        let subjects = (0..<2000).map { $0 % 3 == 0 ? "salon-\($0)-demande-leak" : "salon-\($0)" }
        let expected = subjects.map { $0.contains("demande-leak") }
        let results = ResultBox(count: subjects.count)
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            let scratch = MatchScratch()  // one per thread, reused for every match
            for index in stride(from: worker, to: subjects.count, by: 4) {
                results.set(index, (try? pattern.firstMatch(in: subjects[index], using: scratch)) != nil)
            }
        }
        #expect(results.values == expected)
    }
}

/// Collects results written from several threads at distinct indices.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Bool]
    init(count: Int) { storage = Array(repeating: false, count: count) }
    func set(_ index: Int, _ value: Bool) { lock.lock(); storage[index] = value; lock.unlock() }
    var values: [Bool] { lock.lock(); defer { lock.unlock() }; return storage }
}
