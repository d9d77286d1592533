import Dispatch
import Foundation
import Synchronization

/// What became of one input record in a batch.
public enum BatchItem: Sendable {
    case classified(ClassificationResult)
    case failed(InputError)
}

/// Classifies a stream of records on several threads and hands the results back in input order.
///
/// One thread splits the input (``RecordStream``); `jobs` workers parse, classify and render records in batches,
/// each with its own ``MatchScratch``; while they work on one batch, the caller's thread emits the batch before it,
/// in order, and reads the batch after it. Memory is bounded by three batches, whatever the size of the input, and
/// the output is the same for any `jobs`.
public final class BatchRunner: Sendable {
    /// The classifier every worker uses; one instance is shared, as a ``Classifier`` is immutable.
    public let classifier: Classifier
    /// Worker threads that parse, classify and render at once; at least 1 (`init` raises smaller values to 1).
    public let jobs: Int
    /// Records per batch; small enough to keep memory flat, large enough to keep every worker busy.
    public let batchSize: Int
    /// Record the SHA-256 of each record's bytes (for reports that cite their input).
    public let hashInputs: Bool
    /// Input bytes per batch at most (a batch also ends at `batchSize` records): 300 records of 4 MB each must not
    /// make a 1.2 GB batch. A record larger than this is a batch of its own.
    public let batchBytes: Int

    /// Prepares a run; nothing is read until ``run(_:render:emit:progress:)``.
    /// - Parameters:
    ///   - classifier: shared by every worker.
    ///   - jobs: worker threads; values below 1 count as 1.
    ///   - batchSize: records per batch; nil picks 512 per job, at least 64.
    ///   - hashInputs: record the SHA-256 of each record's bytes in its server's ``SourceRef/sha256``.
    ///   - batchBytes: input bytes per batch at most (default 64 MiB); values below 1 count as 1.
    public init(classifier: Classifier, jobs: Int, batchSize: Int? = nil, hashInputs: Bool = false,
                batchBytes: Int = 64 << 20) {
        self.classifier = classifier
        self.hashInputs = hashInputs
        self.batchBytes = max(1, batchBytes)
        self.jobs = max(1, jobs)
        self.batchSize = batchSize ?? max(64, 512 * max(1, jobs))
    }

    /// Progress after each batch: records done, input bytes read and, when known, the total.
    public struct Progress: Sendable {
        /// Records emitted so far, records that could not be read included.
        public let records: Int
        /// Input bytes read so far; as the next batch is read while one is classified, this runs one batch ahead.
        public let bytesRead: Int
        /// Size of all the input files in bytes (``RecordStream/totalBytes``); nil when standard input is one of them.
        public let totalBytes: Int?
        /// Seconds since the run started, on the monotonic clock.
        public let elapsed: Double
    }

    /// Runs the whole stream.
    /// - Parameters:
    ///   - stream: the records to read, split on this thread.
    ///   - render: called on a worker thread for every record, in no particular order; turn the item into what
    ///     `emit` needs (for instance the output line), so that the costly part runs in parallel.
    ///   - emit: called on the caller's thread, once per record, in input order.
    ///   - progress: called on the caller's thread after each batch.
    public func run<Rendered: Sendable>(
        _ stream: RecordStream,
        render: @escaping @Sendable (BatchItem) -> Rendered,
        emit: (Rendered) -> Void,
        progress: ((Progress) -> Void)? = nil
    ) {
        let start = DispatchTime.now().uptimeNanoseconds
        let scratches = ScratchPool(count: jobs)
        var done = 0
        // A batch classified on the workers while the caller's thread emits the one before it and reads the one
        // after: emitting (writing output, a journal's transaction) must not leave the workers idle.
        var inFlight: (work: [RawRecord], results: ResultSlots<Rendered>, group: DispatchGroup)?
        var batch = readBatch(stream)
        while !batch.isEmpty || inFlight != nil {
            // One batch on the workers at a time: they share the scratch pool.
            inFlight?.group.wait()
            var started: (work: [RawRecord], results: ResultSlots<Rendered>, group: DispatchGroup)?
            if !batch.isEmpty {
                let results = ResultSlots<Rendered>(count: batch.count)
                let group = DispatchGroup()
                let work = batch
                DispatchQueue.global().async(group: group) { [self] in
                    process(work, into: results, scratches: scratches, render: render)
                }
                started = (work, results, group)
            }
            if let previous = inFlight {
                for index in 0..<previous.work.count { emit(previous.results.take(index)) }
                done += previous.work.count
                progress?(Progress(records: done, bytesRead: stream.bytesRead, totalBytes: stream.totalBytes,
                                   elapsed: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
            }
            inFlight = started
            batch = started == nil ? [] : readBatch(stream)
        }
    }

    private func readBatch(_ stream: RecordStream) -> [RawRecord] {
        var batch: [RawRecord] = []
        batch.reserveCapacity(batchSize)
        var bytes = 0
        while batch.count < batchSize, bytes < batchBytes, let record = stream.next() {
            batch.append(record)
            bytes += record.byteCount
        }
        return batch
    }

    private func process<Rendered: Sendable>(_ batch: [RawRecord], into results: ResultSlots<Rendered>,
                                             scratches: ScratchPool,
                                             render: @Sendable (BatchItem) -> Rendered) {
        let next = Atomic<Int>(0)
        let step = 8
        DispatchQueue.concurrentPerform(iterations: min(jobs, (batch.count + step - 1) / step)) { worker in
            let scratch = scratches.scratch(for: worker)
            while true {
                let first = next.add(step, ordering: .relaxed).oldValue
                if first >= batch.count { break }
                for index in first..<min(first + step, batch.count) {
                    let item: BatchItem
                    switch ServerReader.decode(batch[index], hashInput: hashInputs) {
                    case let .success(server): item = .classified(classifier.classify(server, scratch: scratch))
                    case let .failure(error): item = .failed(error)
                    }
                    results.store(render(item), at: index)
                }
            }
        }
    }
}

/// One ``MatchScratch`` per worker. Worker `i` of `concurrentPerform` is the only user of scratch `i`, which is
/// what makes sharing the pool safe.
private final class ScratchPool: @unchecked Sendable {
    private let scratches: [MatchScratch]

    init(count: Int) { scratches = (0..<count).map { _ in MatchScratch() } }

    func scratch(for worker: Int) -> MatchScratch { scratches[worker] }
}

/// One slot per record of a batch; each index is written by exactly one worker and read after they all finish.
private final class ResultSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ value: Value, at index: Int) { slots[index] = value }

    func take(_ index: Int) -> Value {
        defer { slots[index] = nil }
        return slots[index]!
    }
}
