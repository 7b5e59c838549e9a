import Explorer
import Kripke
import Specs
import Testing

/// Partial-order reduction on every spec of the library: the same verdict as the full search,
/// with and without symmetry reduction, never more states when the properties hold, a
/// counterexample that replays on the full system, the same result for any number of workers,
/// and pinned reduced state counts.
@Suite struct PartialOrderReductionTests {
    /// Invariants only (as `--no-lemmas`): lemmas read most of the state, so every step is
    /// visible to them and the reduction has nothing to do.
    static func check(_ name: String, partialOrder: Bool, symmetry: Bool = true, workers: Int = 1) throws -> CheckResult {
        var options = SearchOptions(partialOrder: partialOrder)
        options.symmetry = symmetry
        options.workers = workers
        return try BreadthFirstSearch(try SpecHarness.spec(name).instantiate().withoutLemmas, options: options).run()
    }

    @Test(arguments: SpecLibrary.all.map(\.name))
    func reductionAgreesWithFullSearch(name: String) throws {
        let symmetric = try SpecHarness.spec(name).instantiate().roles.contains { $0.symmetric && $0.count > 1 }
        for symmetry in symmetric ? [true, false] : [true] {
            let reduced = try Self.check(name, partialOrder: true, symmetry: symmetry)
            let full = try Self.check(name, partialOrder: false, symmetry: symmetry)
            switch (reduced.verdict, full.verdict) {
            case (.holds, .holds):
                #expect(reduced.statistics.states <= full.statistics.states)
            case (.violated(let a), .violated(let b)):
                #expect(a.kind == b.kind, "\(name): \(a.property) vs \(b.property)")
                #expect(a.trace.length >= b.trace.length)
                #expect(!reduced.counterexampleIsShortest)
                let ir = try SpecHarness.spec(name).instantiate().withoutLemmas
                #expect(try TraceReplay(ir).replay(a.trace) == .replays)
            default:
                Issue.record("\(name) (symmetry \(symmetry)): reduced \(reduced.verdict), full \(full.verdict)")
            }
            guard symmetry else { continue }
            let counts = (reduced.statistics.states, reduced.statistics.transitions)
            #expect(Self.pinned[name].map { $0 == counts } ?? false, "\(name): \(counts)")
            let parallel = try Self.check(name, partialOrder: true, workers: 3)
            #expect(parallel.statistics.states == reduced.statistics.states)
            #expect(parallel.statistics.transitions == reduced.statistics.transitions)
            if case .violated(let a) = reduced.verdict, case .violated(let b) = parallel.verdict {
                #expect(a.trace.steps == b.trace.steps)
            }
        }
    }

    /// `shortestCounterexample` re-searches without reduction: the golden (shortest) length.
    @Test func shortestCounterexampleMatchesTheFullSearch() throws {
        var options = SearchOptions()
        options.shortestCounterexample = true
        let ir = try SpecHarness.spec("lamport-mutex-no-replies").instantiate()
        let result = try BreadthFirstSearch(ir, options: options).run()
        guard case .violated(let violation) = result.verdict else {
            Issue.record("expected a violation")
            return
        }
        #expect(result.counterexampleIsShortest)
        #expect(violation.trace.length == 4)
    }

    static let pinned: [String: (Int, Int)] = [
        "ricart-agrawala": (3049, 8262),
        "ricart-agrawala-tie-bug": (3926, 10652),
        "centralized-mutex": (1079, 2262),
        "centralized-mutex-blind-grant": (87, 144),
        "lamport-mutex": (5381, 10902),
        "lamport-mutex-unordered": (4193, 8551),
        "lamport-mutex-no-replies": (165, 243),
        "token-ring": (754, 1424),
        "token-ring-regenerate": (72, 120),
        "suzuki-kasami": (1345, 3537),
        "suzuki-kasami-outdated-request": (1593, 3845),
        "suzuki-kasami-forget-ln": (1820, 4301),
        "majority-voting": (7276, 19894),
        "majority-voting-half": (2442, 6630),
        "majority-voting-amnesia": (17498, 45291),
        "bully": (2976, 9357),
        "bully-early-timeout": (57, 89),
        "ring-election": (840, 1570),
        "ring-election-drop-when-participating": (66, 103),
        "chang-roberts": (116, 281),
        "chang-roberts-forward-smaller": (149, 311),
        "hirschberg-sinclair": (86165, 350854),
        "hirschberg-sinclair-one-way-relay": (11327, 39293),
        "raft-election": (1108, 3900),
        "raft-election-double-vote": (247, 456),
        "raft-election-split-votes": (1108, 3900),
        "paxos": (27986, 349961),
        "paxos-ignore-promised-values": (16528, 147389),
        "paxos-accept-below-promise": (24152, 202317),
        "paxos-duelling-proposers": (17621, 41320),
        "chandy-lamport": (16092, 62265),
        "chandy-lamport-no-channel-state": (13749, 49012),
        "chandy-lamport-late-markers": (203, 338),
        "ewd840": (302, 1625),
        "ewd840-token-stays-white": (227, 1067),
        "quorum-replication": (70, 154),
        "quorum-replication-last-reply": (46, 86),
        "two-phase-commit": (371, 663),
        "two-phase-commit-majority": (275, 465),
        "total-order-multicast": (2102, 5469),
        "total-order-multicast-early-delivery": (1195, 1593),
    ]
}
