import Explorer
import Kripke
import Testing

/// One small spec per rule of the reduction, each of which the reduction would get wrong if the
/// rule were dropped (checked by mutation: removing the rule makes exactly that test fail).
@Suite struct ReductionRuleTests {
    static func verdicts(_ spec: SpecDefinition, deadlock: Bool = false) throws -> (reduced: CheckResult, full: CheckResult) {
        var options = SearchOptions()
        options.checkDeadlock = deadlock
        let ir = try spec.instantiate()
        let reduced = try BreadthFirstSearch(ir, options: options).run()
        options.partialOrder = false
        return (reduced, try BreadthFirstSearch(ir, options: options).run())
    }

    static func isViolated(_ result: CheckResult) -> Bool {
        if case .violated = result.verdict { return true }
        return false
    }

    /// p0 may set x to 1, or first receive p1's message, which sets x to 2 only while x is 0. The
    /// handler at p0 conflicts with p0's local step; it is disabled (no message yet), so p1's send,
    /// which can enable it, must be explored too (the necessary enabling set of an empty channel).
    static let raceWithAMessage = SpecDefinition(
        name: "race-with-a-message", summary: "a local step races a message that must win", parameters: [],
        expectation: .violated
    ) { s in
        let procs = s.processes("p", count: 2)
        let x = s.variable("x", per: procs, in: .range(0...2), initial: 0)
        let sent = s.variable("sent", per: procs, in: .bool, initial: false)
        let poke = s.message("poke")
        s.network(.fifo(capacity: 1))
        s.action("settle", for: procs) { i in
            Require(i == procs.process(0))
            Require(x[i] == 0)
            x[i] <- 1
        }
        s.action("poke", for: procs) { i in
            Require(i == procs.process(1))
            Require(!sent[i])
            sent[i] <- true
            Send(poke, from: i, to: procs.process(0))
        }
        s.on(poke, at: procs) { m in
            Require(x[m.receiver] == 0)
            x[m.receiver] <- 2
        }
        s.invariant("never two", ForAll(procs) { i in x[i] != 2 })
    }

    @Test func emptyChannelNeedsItsSenders() throws {
        let (reduced, full) = try Self.verdicts(Self.raceWithAMessage)
        #expect(Self.isViolated(full))
        #expect(Self.isViolated(reduced))
    }

    /// Two processes each enter and leave a critical section; leaving is visible (it can make a
    /// violated mutual exclusion true again), so it must not be taken ahead of the other's entry. (Declared first, it is the first candidate.)
    static let leaveIsVisible = SpecDefinition(
        name: "leave-is-visible", summary: "no lock at all", parameters: [], expectation: .violated
    ) { s in
        let procs = s.processes("p", count: 2)
        let inside = s.variable("inside", per: procs, in: .bool, initial: false)
        let done = s.variable("done", per: procs, in: .bool, initial: false)
        s.action("leave", for: procs) { i in
            Require(inside[i])
            inside[i] <- false
            done[i] <- true
        }
        s.action("enter", for: procs) { i in
            Require(!inside[i])
            Require(!done[i])
            inside[i] <- true
        }
        s.check(MutualExclusion(procs) { i in inside[i] })
    }

    @Test func stepsThatCanRepairAViolationAreVisible() throws {
        let (reduced, full) = try Self.verdicts(Self.leaveIsVisible)
        #expect(Self.isViolated(full))
        #expect(Self.isViolated(reduced))
    }

    /// Independent counters: the reduction explores one interleaving order, (K+1)·N states
    /// instead of (K+1)^N, and still reaches the only end state.
    static let counters = SpecDefinition(
        name: "counters", summary: "independent counters", parameters: [], expectation: .holds
    ) { s in
        let procs = s.processes("p", count: 4)
        let value = s.variable("value", per: procs, in: .range(0...3), initial: 0)
        s.action("increment", for: procs) { i in
            Require(value[i] < 3)
            value[i] <- value[i] + 1
        }
        s.validEndState(true)
    }

    @Test func independentStepsAreExploredInOneOrder() throws {
        let (reduced, full) = try Self.verdicts(Self.counters, deadlock: true)
        #expect(full.statistics.states == 256)
        #expect(reduced.statistics.states == 13)
        #expect(reduced.statistics.partialOrder?.reducedStates == 9)
    }
}
