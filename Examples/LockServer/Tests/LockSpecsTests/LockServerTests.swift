import KripkeTesting
import LockSpecs
import Testing

@Suite struct LockServerTests {
    @Test func theLockServerIsSafe() throws {
        try expectHolds(LockServer.correct, parameters: ["N": 2], states: 6, transitions: 7)
    }

    @Test func anEagerServerBreaksMutualExclusion() throws {
        try expectViolation(LockServer.eager, parameters: ["N": 2], of: "mutual exclusion", within: 6)
    }
}
