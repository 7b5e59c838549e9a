import CZ3

/// A handle that cancels the checks running in one context, from any thread.
///
/// Obtain it with ``Solver/makeInterrupter()`` on the thread that owns the context,
/// hand it to another thread or task, and call ``interrupt()`` there: the running
/// `check` returns `.unknown(reason:)` (`"interrupted"` in Z3 4.8) soon after.
///
/// ```swift
/// let interrupter = solver.makeInterrupter()
/// let watchdog = Thread { Thread.sleep(forTimeInterval: 1); interrupter.interrupt() }
/// watchdog.start()
/// let result = try solver.check()   // .unknown(reason: "interrupted") if it ran past 1 s
/// ```
///
/// Why `@unchecked Sendable` is sound here: the handle's only state is an immutable
/// reference to its ``Context``, and the only things it ever does with it are
/// (1) call `Z3_interrupt`, which Z3 documents as callable from a thread other than
/// the one using the context (it takes the context's internal lock and only raises
/// a cancellation flag), and (2) retain and release the context, which Swift does
/// atomically. Holding the reference keeps the context alive, so `Z3_interrupt`
/// never sees a deleted context; if the handle holds the last reference, no other
/// thread can be using the context when it is deleted.
public final class Interrupter: @unchecked Sendable {
    private let context: Context

    init(context: Context) {
        self.context = context
    }

    /// Asks every check currently running in the context to stop. Harmless when
    /// nothing is running: it does not affect later checks.
    public func interrupt() {
        Z3_interrupt(context.raw)
    }
}
