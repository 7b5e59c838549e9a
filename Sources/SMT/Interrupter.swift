import CZ3
import Synchronization

/// A handle that cancels the checks running in one context, from any thread, until it is
/// disarmed.
///
/// Obtain it with ``Solver/makeInterrupter()`` on the thread that owns the context,
/// hand it to another thread or task, and call ``interrupt()`` there: the running
/// `check` returns `.unknown(reason:)` (`"interrupted"` or `"canceled"`) soon after.
/// When the check is over, call ``disarm()`` on the owning thread: once it returns, no
/// interrupt from this handle can reach the context any more, so a watchdog that is
/// slow to notice the check ended cannot cancel the next one.
///
/// ```swift
/// let interrupter = solver.makeInterrupter()
/// let watchdog = Thread { Thread.sleep(forTimeInterval: 1); interrupter.interrupt() }
/// watchdog.start()
/// let result = try solver.check()   // .unknown(reason: "canceled") if it ran past 1 s
/// interrupter.disarm()               // later checks are safe from the watchdog
/// ```
///
/// Why `@unchecked Sendable` is sound here: the handle's state is an immutable
/// reference to its ``Context`` and a mutex-protected flag. It only ever
/// (1) calls `Z3_interrupt`, which Z3 documents as callable from a thread other than
/// the one using the context (it takes the context's internal lock and only raises
/// a cancellation flag), always while holding the mutex and only while armed, and
/// (2) retains and releases the context, which Swift does atomically. Holding the
/// reference keeps the context alive, so `Z3_interrupt` never sees a deleted context;
/// if the handle holds the last reference, no other thread can be using the context
/// when it is deleted.
public final class Interrupter: @unchecked Sendable {
    private let context: Context
    private let armed = Mutex(true)

    init(context: Context) {
        self.context = context
    }

    /// Asks every check currently running in the context to stop, unless the handle
    /// was disarmed. Harmless when nothing is running: it does not affect later checks.
    public func interrupt() {
        armed.withLock { armed in
            if armed { Z3_interrupt(context.raw) }
        }
    }

    /// Turns the handle off for good: when this returns, every ``interrupt()`` in
    /// progress has finished and later ones do nothing.
    public func disarm() {
        armed.withLock { $0 = false }
    }
}
