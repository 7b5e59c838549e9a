import Explorer
import Kripke
import KripkeTestSupport
import Testing

/// Quorum quantifiers in the explorer (`QuorumVoting`): the same states, transitions and verdicts
/// as the quorums spelled out by hand; fewer states with the acceptors symmetric (and, with
/// symmetry off, exactly the hand-written counts); partial-order reduction on or off, the same
/// verdict; the falsifying instance names the quorum.
@Suite struct QuorumQuantifierTests {
    static func check(_ definition: SpecDefinition, symmetry: Bool = true, partialOrder: Bool = false) throws -> CheckResult {
        var options = SearchOptions(partialOrder: partialOrder)
        options.symmetry = symmetry
        options.adaptivePartialOrder = false
        return try BreadthFirstSearch(try definition.instantiate(), options: options).run()
    }

    /// States, transitions, depth and the counterexample's length (0 when the invariants hold).
    static func summary(_ result: CheckResult) -> [Int] {
        var length = 0
        if case .violated(let violation) = result.verdict { length = violation.trace.length }
        return [result.statistics.states, result.statistics.transitions, result.statistics.depth, length]
    }

    /// Acceptors, quorum size, and the hand-unrolled spec's [states, transitions, depth, violation length].
    static let unrolled: [(Int, Int, [Int])] = [
        (3, 2, [69, 146, 5, 0]), (3, 1, [100, 186, 4, 4]), (4, 3, [135, 336, 6, 0]), (4, 2, [322, 766, 6, 6]),
    ]

    @Test(arguments: unrolled)
    func quantifiedMatchesUnrolled(acceptors: Int, size: Int, expected: [Int]) throws {
        let byHand = try Self.check(QuorumVoting.spec(acceptors: acceptors, size: size, style: .unrolled))
        let quantified = try Self.check(QuorumVoting.spec(acceptors: acceptors, size: size, symmetric: false))
        #expect(Self.summary(byHand) == expected)
        #expect(Self.summary(quantified) == expected)
    }

    /// Symmetric acceptors: fewer states, the same verdict and counterexample length; with
    /// symmetry off, the hand-unrolled counts.
    @Test(arguments: [(3, 2, [28, 56, 5, 0]), (3, 1, [39, 72, 4, 4]), (4, 3, [33, 76, 6, 0]), (4, 2, [67, 136, 6, 6])])
    func symmetryReducesAndAgrees(acceptors: Int, size: Int, expected: [Int]) throws {
        let spec = QuorumVoting.spec(acceptors: acceptors, size: size)
        #expect(Self.summary(try Self.check(spec)) == expected)
        let full = try #require(Self.unrolled.first { $0.0 == acceptors && $0.1 == size }?.2)
        #expect(Self.summary(try Self.check(spec, symmetry: false)) == full)
    }

    /// Partial-order reduction on and off: the same verdict (and here the same depth of violation).
    @Test(arguments: [(3, 2, [28, 52, 5, 0]), (3, 1, [35, 67, 4, 4]), (4, 3, [33, 72, 6, 0]), (4, 2, [67, 126, 6, 6])])
    func partialOrderReductionAgrees(acceptors: Int, size: Int, expected: [Int]) throws {
        let spec = QuorumVoting.spec(acceptors: acceptors, size: size)
        let reduced = try Self.check(spec, partialOrder: true)
        #expect(Self.summary(reduced) == expected)
        let full = try Self.check(spec)
        #expect((Self.summary(reduced)[3] == 0) == (Self.summary(full)[3] == 0))
        if case .violated(let violation) = reduced.verdict {
            #expect(try TraceReplay(try spec.instantiate()).replay(violation.trace) == .replays)
        }
    }

    /// `majorities(of:)` is the holding size N/2+1.
    @Test func majoritiesAreQuorumsOfHalfPlusOne() throws {
        #expect(Self.summary(try Self.check(QuorumVoting.spec(acceptors: 4))) == [33, 76, 6, 0])
    }

    /// A violated invariant over quorums names the quorum that falsifies it by its members.
    @Test func falsifyingInstanceNamesTheQuorum() throws {
        let spec = SpecDefinition(name: "pairs", summary: "", parameters: [], expectation: .violated) { s in
            let acceptors = s.processes("acceptor", count: 3, symmetric: true)
            let voted = s.variable("voted", per: acceptors, in: .bool, initial: false)
            s.action("vote", for: acceptors) { a in
                Require(!voted[a])
                voted[a] <- true
            }
            s.invariant("no pair voted", ForAll(quorums(of: acceptors, size: 2)) { q in
                Exists(q) { a in !voted[a] }
            })
            s.validEndState(true)
        }
        let result = try Self.check(spec)
        guard case .violated(let violation) = result.verdict else {
            Issue.record("two votes make a pair that voted")
            return
        }
        let ir = try spec.instantiate()
        let instance = try TraceReplay(ir).falsifyingInstance(of: "no pair voted", at: violation.trace)
        #expect(instance?.instance == ["{acceptor0, acceptor1}"])
    }
}
