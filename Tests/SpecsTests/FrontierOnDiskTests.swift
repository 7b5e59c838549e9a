@testable import Explorer
import Kripke
import Specs
import Testing

/// A frontier kept in a temporary file changes nothing: every level's full blocks (of 16 states
/// per worker here, so that small specs have many) go to the file (no memory budget) and come
/// back in order, and the search finds the same states, transitions, depth and counterexample as
/// with the frontier in memory in chunks of the usual size — with and without partial-order
/// reduction (whose cycle proviso reads the level once more), for one worker and for three.
@Suite struct FrontierOnDiskTests {
    static func check(_ name: String, onDisk: Bool, partialOrder: Bool, workers: Int) throws -> CheckResult {
        var options = SearchOptions(partialOrder: partialOrder)
        options.workers = workers
        if onDisk {
            options.frontierMemoryBytes = 0
            options.chunkStatesPerWorker = 16
            options.frontierBlockChunks = 1
        }
        return try BreadthFirstSearch(try SpecHarness.spec(name).instantiate().withoutLemmas, options: options).run()
    }

    @Test(arguments: ["ricart-agrawala", "ricart-agrawala-tie-bug", "two-phase-commit", "quorum-replication",
                      "lamport-mutex-no-replies"])
    func sameResultWithTheFrontierOnDisk(name: String) throws {
        for partialOrder in [false, true] {
            for workers in [1, 3] {
                let inMemory = try Self.check(name, onDisk: false, partialOrder: partialOrder, workers: workers)
                let onDisk = try Self.check(name, onDisk: true, partialOrder: partialOrder, workers: workers)
                let label = "\(name), POR \(partialOrder), \(workers) workers"
                #expect(onDisk.statistics.states == inMemory.statistics.states, "\(label)")
                #expect(onDisk.statistics.transitions == inMemory.statistics.transitions, "\(label)")
                #expect(onDisk.statistics.depth == inMemory.statistics.depth, "\(label)")
                switch (inMemory.verdict, onDisk.verdict) {
                case (.holds, .holds): break
                case (.violated(let a), .violated(let b)): #expect(a.trace.steps == b.trace.steps, "\(label)")
                default: Issue.record("\(label): \(inMemory.verdict) in memory, \(onDisk.verdict) on disk")
                }
            }
        }
    }

    /// At the usual block size (16,384 states per worker): Paxos, whose widest levels span several.
    @Test func paxosWithBlocksOfTheUsualSize() throws {
        var options = SearchOptions(partialOrder: false)
        options.frontierMemoryBytes = 0
        let ir = try SpecHarness.spec("paxos").instantiate().withoutLemmas
        let result = try BreadthFirstSearch(ir, options: options).run()
        #expect(result.statistics.states == 28_224)
        #expect(result.statistics.transitions == 369_768)
        #expect(result.statistics.depth == 23)
    }
}
