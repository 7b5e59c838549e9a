import Explorer
import Kripke
import Specs
import Testing

/// A violated invariant names the instance that falsifies it in the counterexample's last state:
/// the processes its quantifiers and counts pick out, and the values it reads there.
@Suite struct FalsifyingInstanceTests {
    private func instance(_ name: String, _ parameters: [String: Int] = [:]) throws -> FalsifyingInstance? {
        let violation = try #require(SpecHarness.violation(try SpecHarness.check(name, parameters)))
        guard case .invariant(let invariant) = violation.kind else { return nil }
        return try TraceReplay(SpecHarness.spec(name).instantiate(parameters)).falsifyingInstance(of: invariant, at: violation.trace)
    }

    /// `Count(procs) { phase = critical } <= 1`: the processes counted.
    @Test func mutualExclusionNamesTheProcessesInTheCriticalSection() throws {
        #expect(try instance("ricart-agrawala-tie-bug", ["N": 2])?.description
                == "p0, p1: phase[p0] = critical, phase[p1] = critical")
    }

    /// `!(∃ committed ∧ ∃ aborted)`: a witness of each existential.
    @Test func atomicCommitmentNamesACommittedAndAnAbortedParticipant() throws {
        #expect(try instance("two-phase-commit-majority")
                == FalsifyingInstance(instance: ["participant1", "participant2"],
                                      reads: ["state[participant1] = committed", "state[participant2] = aborted"]))
    }

    /// A conjunction over pairs of values of disjunctions over ballots of counts: the two majorities.
    @Test func paxosAgreementNamesBothMajorities() throws {
        #expect(try instance("paxos-accept-below-promise")?.description
                == "acceptor0, acceptor1, acceptor1, acceptor2: votes[acceptor0, 0] = 1, votes[acceptor1, 0] = 1, "
                + "votes[acceptor1, 1] = 2, votes[acceptor2, 1] = 2")
    }

    /// An implication without quantifiers: the premise that holds and the conclusion's reads.
    @Test func readYourWritesNamesTheReadResult() throws {
        #expect(try instance("quorum-replication-last-reply")?.description == "readPhase[reader] = done, result[reader] = 0")
    }

    /// Nothing to name where the invariant holds in the trace's last state.
    @Test func anInvariantThatHoldsHasNoInstance() throws {
        let violation = try #require(SpecHarness.violation(try SpecHarness.check("ricart-agrawala-tie-bug", ["N": 2])))
        let ir = try SpecHarness.spec("ricart-agrawala-tie-bug").instantiate(["N": 2])
        let shorter = Trace(spec: violation.trace.spec, parameters: violation.trace.parameters, variables: violation.trace.variables,
                            ghosts: violation.trace.ghosts, states: Array(violation.trace.states.dropLast()),
                            steps: Array(violation.trace.steps.dropLast()))
        #expect(try TraceReplay(ir).falsifyingInstance(of: "mutual exclusion", at: shorter) == nil)
    }
}
