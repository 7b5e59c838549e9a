import Kripke
import Specs
import Symbolic
import Testing

/// The shipped inductive invariant of Ricart–Agrawala: mutual exclusion with its eight lemmas is
/// 0-inductive, for several sizes and several rounds per process; without the lemmas (the tie-bug
/// variant carries none) the step case fails.
@Suite struct RicartAgrawalaProofTests {
    @Test(arguments: [["N": 3, "R": 1], ["N": 2, "R": 2], ["N": 4, "R": 1]])
    func mutualExclusionIsProved(parameters: [String: Int]) throws {
        let result = try KInduction(RicartAgrawala.correct.instantiate(parameters)).run(maxK: 1)
        guard case .proved(0) = result.verdict else {
            Issue.record("mutual exclusion with its lemmas is 0-inductive: \(result.verdict)")
            return
        }
        #expect(result.consecution.count == 9)
        #expect(result.consecution.allSatisfy { $0.holds })
        let mutex = try #require(result.consecution.first)
        #expect(mutex.property == "mutual exclusion" && !mutex.isLemma)
        #expect(mutex.uses.contains("permission goes to the earlier request"))
    }

    /// With minimal cores, the proof of mutual exclusion names exactly the argument: N − 1 replies
    /// mean every permission, and permission goes to the earlier request.
    @Test func minimalCoresNameTheArgument() throws {
        let result = try KInduction(RicartAgrawala.correct.instantiate(["N": 2])).run(maxK: 0, minimalCores: true)
        guard case .proved(0) = result.verdict else {
            Issue.record("proved at k = 0: \(result.verdict)")
            return
        }
        #expect(result.consecution.first?.uses == ["replies count the permissions received",
                                                    "a process in the critical section has every reply",
                                                    "permission goes to the earlier request"])
    }

    @Test func withoutLemmasTheStepCaseFails() throws {
        let result = try KInduction(RicartAgrawala.tieBug.instantiate()).run(maxK: 0)
        guard case .notInductive(0, "mutual exclusion", let cti) = result.verdict else {
            Issue.record("the tie-bug variant has no lemmas: \(result.verdict)")
            return
        }
        #expect(cti.steps.count == 1)
    }
}
