import Synchronization

/// A cap on classifications running at once. A request that finds every slot taken is answered 503 at once rather
/// than queued: a bot can retry, while a queue would only hold memory and stretch every caller's latency.
public final class ConcurrencyLimit: Sendable {
    /// Slots in all.
    public let capacity: Int
    private let used = Mutex(0)

    /// A limit of `capacity` slots (at least 1).
    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Takes a slot, or returns false when all are taken. Every true must be matched by one ``release()``.
    public func tryAcquire() -> Bool {
        used.withLock { count in
            guard count < capacity else { return false }
            count += 1
            return true
        }
    }

    /// Gives a slot back.
    public func release() {
        used.withLock { $0 -= 1 }
    }

    /// Slots in use now.
    public var inUse: Int { used.withLock { $0 } }
}

/// One taken slot of a ``ConcurrencyLimit``, given back exactly once: by the request when it fails before any
/// classification starts, else by the classification when it ends - which may be after a timed-out request has
/// been answered, so the cap counts the work really running.
final class Slot: Sendable {
    private let limit: ConcurrencyLimit
    private let held = Mutex(true)

    init(_ limit: ConcurrencyLimit) { self.limit = limit }

    /// Gives the slot back; later calls do nothing.
    func release() {
        let wasHeld = held.withLock { held -> Bool in
            defer { held = false }
            return held
        }
        if wasHeld { limit.release() }
    }
}
