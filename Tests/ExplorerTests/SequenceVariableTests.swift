@testable import Explorer
import Kripke
import KripkeTestSupport
import Testing

/// Sequence variables: a FIFO queue as plain variables — counts equal to an independent
/// enumeration, canonical states (the freed cell is reset), traces that show the queue as one
/// sequence, and replay.
@Suite struct SequenceVariableTests {
    @Test func theLockQueueHasTheEnumeratedCounts() throws {
        let result = try BreadthFirstSearch(SequenceSpecs.lockQueue(), options: SearchOptions(partialOrder: false)).run()
        #expect(result.verdict == .holds)
        #expect(result.statistics.states == 31)
        #expect(result.statistics.transitions == 57)
        #expect(result.statistics.depth == 4)
        let reduced = try BreadthFirstSearch(SequenceSpecs.lockQueue()).run()
        #expect(reduced.verdict == .holds)
    }

    @Test func tracesShowTheQueueAsOneSequence() throws {
        let ir = try SequenceSpecs.lockQueue(grantWhileHeld: true)
        guard case .violated(let violation) = try BreadthFirstSearch(ir, options: SearchOptions(partialOrder: false)).run().verdict else {
            Issue.record("expected two holders")
            return
        }
        #expect(violation.kind == .invariant("mutual exclusion"))
        #expect(violation.trace.length == 4)
        #expect(violation.trace.variables == ["phase", "queue", "holder", "network"])
        #expect(violation.trace.states.map { $0["queue"]?.description } == ["<>", "<c0>", "<c0, c1>", "<c1>", "<>"])
        #expect(try TraceReplay(ir).replay(violation.trace) == .replays)
    }

    /// Removing from an empty sequence is a modelling error, not a silently disabled step.
    @Test func removingFromAnEmptySequenceIsAModellingError() throws {
        let ir = try SpecDefinition(name: "t", summary: "", parameters: [], expectation: .holds) { s in
            let procs = s.processes("p", count: 1)
            let queue = s.sequence("queue", of: .range(0...1), capacity: 2)
            s.action("take", for: procs) { _ in
                queue.removeFirst()
            }
        }.instantiate()
        #expect {
            try BreadthFirstSearch(ir).run()
        } throws: { error in
            (error as? ModelFault)?.message == "value -1 assigned to 'queue.count' is outside its domain 0...2"
        }
    }
}
