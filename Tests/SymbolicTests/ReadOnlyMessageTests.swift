import Explorer
import Kripke
import Symbolic
import Testing
import Verification

/// A message kind that no process handles but some condition reads with `InFlight` is a record of
/// what was sent (TLA+'s message set): valid, never delivered, and the same to both engines.
@Suite struct ReadOnlyMessageTests {
    /// Each voter casts one vote into the network; a vote is only ever counted, never received.
    static let ballot = SpecDefinition(name: "ballot", summary: "", parameters: [], expectation: .violated) { s in
        let voters = s.processes("v", count: 3)
        let box = s.process("box")
        let voted = s.variable("voted", per: voters, in: .bool, initial: false)
        let vote = s.message("vote")
        s.network(.unordered(capacity: 3))
        s.action("cast", for: voters) { i in
            Require(!voted[i])
            voted[i] <- true
            Send(vote, from: i, to: box.only)
        }
        s.invariant("at most three votes", InFlight(vote) <= 3)
        s.invariant("not everyone votes", InFlight(vote) < 3)
        s.validEndState(InFlight(vote) == 3)
    }

    @Test func aKindThatIsOnlyReadIsValidAndBothEnginesAgree() throws {
        let ir = try Self.ballot.instantiate()   // no "no process handles message kind 'vote'"
        let explored = try BreadthFirstSearch(ir, options: SearchOptions(partialOrder: false)).run()
        guard case .violated(let violation) = explored.verdict else {
            Issue.record("the explorer finds no violation")
            return
        }
        #expect(violation.kind == .invariant("not everyone votes"))
        #expect(violation.trace.length == 3)
        guard case .violated(let counterexample) = try BoundedModelChecker(ir).run(depth: 4).verdict else {
            Issue.record("BMC finds no violation")
            return
        }
        #expect(counterexample.property == .invariant("not everyone votes"))
        #expect(counterexample.trace.length == 3)
    }

    /// A kind neither handled nor read is still a mistake.
    @Test func aKindNeitherHandledNorReadIsRejected() {
        let spec = SpecDefinition(name: "lost", summary: "", parameters: [], expectation: .holds) { s in
            let procs = s.processes("p", count: 2)
            let ping = s.message("ping")
            s.network(.unordered(capacity: 1))
            s.action("send", for: procs) { i in Send(ping, from: i, to: procs.next(i)) }
        }
        #expect(throws: SpecError.self) { try spec.instantiate() }
    }
}
