import Explorer
import Kripke
import Specs
import Symbolic
import Testing

/// BMC on buggy specs of the library with small counterexamples, one per network flavour (FIFO
/// queues, unordered bags, crash faults): the violation is found at exactly the explorer's
/// (shortest) length and is the same property.
@Suite struct SpecLibraryBMCTests {
    @Test(arguments: [
        "lamport-mutex-no-replies",        // FIFO, 4 steps
        "token-ring-regenerate",           // FIFO, 5 steps
        "chandy-lamport-late-markers",     // FIFO, 3 steps
        "centralized-mutex-blind-grant",   // FIFO, 6 steps
        "bully-early-timeout",             // unordered with crashes, 5 steps
        "raft-election-double-vote",       // unordered, 6 steps
    ])
    func bmcFindsTheExplorersShortestCounterexample(spec name: String) throws {
        let ir = try #require(SpecLibrary.all.first { $0.name == name }).instantiate()
        guard case .violated(let expected) = try BreadthFirstSearch(ir).run().verdict else {
            Issue.record("the explorer finds no violation of \(name)")
            return
        }
        let result = try BoundedModelChecker(ir).run(depth: expected.trace.length)
        guard case .violated(let found) = result.verdict else {
            Issue.record("BMC finds no violation of \(name) up to depth \(expected.trace.length)")
            return
        }
        #expect(found.trace.length == expected.trace.length)
        #expect(found.description == expected.property)
        #expect(try TraceReplay(ir).replay(found.trace) == .replays)
    }
}
