import Kripke
import Specs
import Symbolic
import Testing

/// The shipped inductive invariant of centralized mutual exclusion: mutual exclusion with its five
/// lemmas is 0-inductive, for several sizes; the blind-grant variant carries no lemmas.
@Suite struct CentralizedMutexProofTests {
    @Test(arguments: [[String: Int](), ["N": 4, "R": 3]])
    func mutualExclusionIsProved(parameters: [String: Int]) throws {
        let result = try KInduction(CentralizedMutex.correct.instantiate(parameters)).run(maxK: 1)
        guard case .proved(0) = result.verdict else {
            Issue.record("mutual exclusion with its lemmas is 0-inductive: \(result.verdict)")
            return
        }
        #expect(result.consecution.count == 6)
        #expect(result.consecution.allSatisfy { $0.holds })
        let exclusion = try #require(result.consecution.first)
        #expect(exclusion.property == "mutual exclusion" && !exclusion.isLemma)
        #expect(result.consecution.filter(\.isLemma).count == 5)
    }

    @Test func blindGrantVariantHasNoLemmas() throws {
        let result = try KInduction(CentralizedMutex.blindGrant.instantiate()).run(maxK: 0)
        #expect(result.consecution.allSatisfy { !$0.isLemma })
        if case .proved = result.verdict {
            Issue.record("the blind-grant variant violates mutual exclusion: \(result.verdict)")
        }
    }
}
