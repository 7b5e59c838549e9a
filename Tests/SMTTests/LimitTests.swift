import Foundation
import SMT
import Synchronization
import Testing

/// Checks that give up: timeouts and interrupts turn into `.unknown`.
///
/// Serialized: each test keeps a core busy with a hard instance (and one a watchdog thread
/// besides), so running them side by side on a small, loaded CI machine starves Z3's timer
/// and watchdog threads — the cause of this suite's one flaky failure.
@Suite(.serialized, .timeLimit(.minutes(5))) struct LimitTests {
    /// A propositional pigeonhole instance far too hard to finish during a test.
    private func assertHardProblem(_ solver: Solver) throws {
        try solver.assert(Pigeonhole.propositional(solver.context, pigeons: 13, holes: 12))
    }

    /// Whether `result` is `.unknown` with a reason mentioning one of `words`.
    private func isUnknown(_ result: SatResult, because words: String...) -> Bool {
        guard case .unknown(let reason) = result else { return false }
        return words.contains { reason.contains($0) }
    }

    @Test func solverTimeoutReturnsUnknown() throws {
        let ctx = try Context()
        let solver = try Solver(context: ctx)
        try assertHardProblem(solver)
        try solver.setTimeout(milliseconds: 1)
        let result = try solver.check()
        #expect(isUnknown(result, because: "timeout"), "got \(result)")
    }

    @Test func contextTimeoutReturnsUnknown() throws {
        let ctx = try Context(timeoutMilliseconds: 1)
        let solver = try Solver(context: ctx)
        try assertHardProblem(solver)
        let result = try solver.check()
        #expect(isUnknown(result, because: "timeout"), "got \(result)")
    }

    @Test func interruptFromAnotherThreadReturnsUnknown() throws {
        let ctx = try Context()
        let solver = try Solver(context: ctx)
        try assertHardProblem(solver)
        let interrupter = solver.makeInterrupter()
        let finished = Finished()
        // Keep interrupting until the check is over, so an interrupt that lands
        // before the check starts cannot make the test hang.
        let watchdog = Thread {
            while !finished.flag.load(ordering: .acquiring) {
                Thread.sleep(forTimeInterval: 0.05)
                interrupter.interrupt()
            }
        }
        watchdog.start()
        let result = try solver.check()
        interrupter.disarm()
        finished.flag.store(true, ordering: .releasing)
        #expect(isUnknown(result, because: "interrupt", "cancel"), "got \(result)")

        // The context stays usable after an interrupt.
        let again = try Solver(context: ctx)
        try again.assert(ctx.intConst("x") == 1)
        #expect(try again.check() == .sat)
    }

    /// A watchdog that keeps interrupting after the handle was disarmed (as a slow one
    /// does, between noticing the check ended and stopping) never reaches a later check.
    @Test func disarmedInterrupterNeverReachesLaterChecks() throws {
        let ctx = try Context()
        let solver = try Solver(context: ctx)
        try solver.assert(Pigeonhole.propositional(ctx, pigeons: 8, holes: 7))
        let interrupter = solver.makeInterrupter()
        interrupter.disarm()
        let finished = Finished()
        let watchdog = Thread {
            while !finished.flag.load(ordering: .acquiring) {
                interrupter.interrupt()
                Thread.sleep(forTimeInterval: 0.0002)
            }
        }
        watchdog.start()
        defer { finished.flag.store(true, ordering: .releasing) }
        for _ in 0..<3 {
            #expect(try solver.check() == .unsat)
        }
    }

    @Test func interruptWhileIdleDoesNotAffectLaterChecks() throws {
        let ctx = try Context()
        let solver = try Solver(context: ctx)
        try solver.assert(ctx.intConst("x") == 1)
        solver.makeInterrupter().interrupt()
        #expect(try solver.check() == .sat)
    }
}

/// A flag shared between the test and its watchdog thread.
private final class Finished: Sendable {
    let flag = Atomic<Bool>(false)
}
