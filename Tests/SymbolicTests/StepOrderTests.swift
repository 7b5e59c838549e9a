import Kripke
import Symbolic
import Verification
import Testing

/// Partial-order reduction in BMC: steps of different processes on their own variables commute,
/// so their order is fixed; steps on a shared variable do not; either way a violation reached
/// only by one interleaving is found at its shortest length.
@Suite struct StepOrderTests {
    /// p0 and p1 each count to 2; `shared` makes them touch one global as well.
    static func counters(shared: Bool) -> SpecDefinition {
        SpecDefinition(name: "counters", summary: "", parameters: [], expectation: .violated) { s in
            let procs = s.processes("p", count: 2)
            let x = s.variable("x", per: procs, in: .range(0...2), initial: 0)
            let last = s.global("last", in: .processOrNone(procs), initial: .none)
            s.action("inc", for: procs) { i in
                Require(x[i] < 2)
                x[i] <- x[i] + 1
                if shared { last <- i }
            }
            // Reached only by p0 counting to 2 while p1 is at 1 (and, when shared, p0 moving last).
            s.invariant("not p0 ahead", !(x[procs.process(0)] == 2 && x[procs.process(1)] == 1
                                          && (shared ? last == procs.process(0) : .constant(true))))
        }
    }

    @Test(arguments: [false, true])
    func violationKeepsItsShortestLength(shared: Bool) throws {
        let ir = try Self.counters(shared: shared).instantiate()
        for reduction in [true, false] {
            var checker = BoundedModelChecker(ir, checkDeadlock: false)
            checker.partialOrderReduction = reduction
            let result = try checker.run(depth: 5)
            #expect(result.statistics.commutingPairs == (reduction && !shared ? 1 : 0))
            guard case .violated(let counterexample) = result.verdict else {
                Issue.record("the violation is 3 steps deep (reduction \(reduction), shared \(shared))")
                continue
            }
            #expect(counterexample.trace.length == 3)
        }
    }

    /// A network with room for one message (in all, or per FIFO channel). The only 3-step
    /// violation is: p2 sends pong to p0, p0 takes it, p2 sends ping to p0. The last two steps
    /// commute by their footprints (on a FIFO channel, taking the head and appending do), but
    /// ping only fits once pong is out, so their order must not be fixed the other way round:
    /// the reduction applies only when the later step was already enabled before the earlier one.
    static func tightNetwork(fifo: Bool) -> SpecDefinition {
        SpecDefinition(name: "tight", summary: "", parameters: [], expectation: .violated) { s in
            let procs = s.processes("p", count: 3)
            let (p0, p2) = (procs.process(0), procs.process(2))
            let went = s.variable("went", per: procs, in: .bool, initial: false)
            let got = s.variable("got", per: procs, in: .bool, initial: false)
            let filled = s.global("filled", in: .bool, initial: false)
            let ping = s.message("ping"), pong = s.message("pong")
            s.network(fifo ? .fifo(capacity: 1) : .unordered(capacity: 1))
            s.action("go", for: procs) { i in
                Require(i == p2 && filled && !went[i])
                went[i] <- true
                Send(ping, from: i, to: p0)
            }
            s.action("fill", for: procs) { i in
                Require(i == p2 && !filled)
                filled <- true
                Send(pong, from: i, to: p0)
            }
            s.on(ping, at: procs) { _ in }
            s.on(pong, at: procs) { m in got[m.receiver] <- true }
            s.invariant("not both", !(went[p2] && got[p0]))
        }
    }

    @Test(arguments: [false, true])
    func aStepEnabledOnlyAfterTheOtherKeepsItsPlace(fifo: Bool) throws {
        let ir = try Self.tightNetwork(fifo: fifo).instantiate()
        let result = try BoundedModelChecker(ir, checkDeadlock: false).run(depth: 5)
        #expect(result.statistics.commutingPairs > 0)
        guard case .violated(let counterexample) = result.verdict else {
            Issue.record("the violation is 3 steps deep")
            return
        }
        #expect(counterexample.trace.length == 3)
        #expect(counterexample.trace.steps.map(\.action) == ["fill", "receive pong", "go"])
    }
}
