import Explorer
import Kripke
import KripkeTestSupport
import Symbolic
import Testing

/// BMC reads sequence variables as the explorer does: the same shortest violation, and nothing
/// up to the diameter of the correct queue.
@Suite struct SequenceVariableBMCTests {
    @Test func bmcFindsTheTwoHoldersAtTheExplorersLength() throws {
        let ir = try SequenceSpecs.lockQueue(grantWhileHeld: true)
        guard case .violated(let found) = try BoundedModelChecker(ir).run(depth: 6).verdict else {
            Issue.record("expected a violation")
            return
        }
        #expect(found.trace.length == 4)
        #expect(found.property == .invariant("mutual exclusion"))
        #expect(try TraceReplay(ir).replay(found.trace) == .replays)
    }

    @Test func bmcFindsNothingInTheCorrectQueue() throws {
        guard case .holdsToDepth(5) = try BoundedModelChecker(SequenceSpecs.lockQueue()).run(depth: 5).verdict else {
            Issue.record("expected nothing up to depth 5")
            return
        }
    }
}
