import ServiceLifecycle
import Synchronization

/// Whether the service is still taking work: it stops when a graceful shutdown begins, so `/readyz` turns 503
/// and load balancers send no more requests while those in flight finish.
final class ServiceState: Sendable {
    private let isDraining = Mutex(false)

    init() {}

    /// True once shutdown has begun.
    var draining: Bool { isDraining.withLock { $0 } }

    func startDraining() { isDraining.withLock { $0 = true } }
}

/// Marks the service as draining when a graceful shutdown begins.
struct DrainWatcher: Service {
    let state: ServiceState

    func run() async throws {
        try? await gracefulShutdown()
        state.startDraining()
    }
}
