import Synchronization

/// Hands a classification's results from the thread that runs it to the request that answers with them, in order.
/// Unbounded on purpose: a classification is bounded by the request body (`--max-body`), and the worker thread
/// must never block on a slow reader. A request that gives up (a timeout, a client gone) abandons the queue, and
/// what comes after is dropped.
final class EventQueue<Element: Sendable>: Sendable {
    private struct State: ~Copyable {
        var buffer: [Element] = []
        var head = 0
        var finished = false
        var abandoned = false
        var waiter: CheckedContinuation<Element?, Never>?
    }

    private let state = Mutex(State())

    /// Adds an element, or hands it straight to a waiting reader.
    func push(_ element: Element) {
        let waiter = state.withLock { state -> CheckedContinuation<Element?, Never>? in
            if state.abandoned || state.finished { return nil }
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            state.buffer.append(element)
            return nil
        }
        waiter?.resume(returning: element)
    }

    /// No element follows; a waiting reader gets nil.
    func finish() {
        let waiter = state.withLock { state -> CheckedContinuation<Element?, Never>? in
            state.finished = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: nil)
    }

    /// The reader goes away: a waiting `next()` returns nil, and later elements are dropped.
    func abandon() {
        let waiter = state.withLock { state -> CheckedContinuation<Element?, Never>? in
            state.abandoned = true
            state.buffer = []
            state.head = 0
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: nil)
    }

    /// The next element, or nil once finished or abandoned. One reader at a time; cancelling the reader's task
    /// abandons the queue.
    func next() async -> Element? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Element?, Never>) in
                let ready = state.withLock { state -> Element?? in
                    if state.head < state.buffer.count {
                        let element = state.buffer[state.head]
                        state.head += 1
                        if state.head == state.buffer.count {
                            state.buffer.removeAll(keepingCapacity: true)
                            state.head = 0
                        }
                        return .some(element)
                    }
                    if state.finished || state.abandoned { return .some(nil) }
                    state.waiter = continuation
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            abandon()
        }
    }
}
