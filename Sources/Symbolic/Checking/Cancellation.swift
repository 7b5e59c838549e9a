import SMT
import Synchronization

/// A request to stop symbolic (and explorer) runs early, from any thread — what `kripke` raises on
/// SIGINT or SIGTERM. Checks made through a ``Budget`` register their solver's interrupter while
/// they run, so ``cancel()`` also stops a Z3 check in progress; the run then ends incomplete.
///
/// ```swift
/// let cancellation = Cancellation()
/// var checker = BoundedModelChecker(ir)
/// checker.cancellation = cancellation
/// // on another thread: cancellation.cancel()   → verdict .timedOut(checked: depth so far)
/// ```
public final class Cancellation: Sendable {
    private let state = Mutex<(cancelled: Bool, running: [ObjectIdentifier: Interrupter])>((false, [:]))

    public init() {}

    /// Whether ``cancel()`` was called.
    public var isCancelled: Bool { state.withLock { $0.cancelled } }

    /// Stops every registered check now and every later one before it starts.
    public func cancel() {
        state.withLock { state in
            state.cancelled = true
            for interrupter in state.running.values { interrupter.interrupt() }
        }
    }

    /// Runs `body` with `interrupter` registered; afterwards disarms it, so no interrupt can land later.
    func whileRegistered<T>(_ interrupter: Interrupter, _ body: () throws -> T) rethrows -> T {
        let key = ObjectIdentifier(interrupter)
        let cancelled = state.withLock { state in
            state.running[key] = interrupter
            return state.cancelled
        }
        if cancelled { interrupter.interrupt() }
        defer {
            state.withLock { _ = $0.running.removeValue(forKey: key) }
            interrupter.disarm()
        }
        return try body()
    }
}

