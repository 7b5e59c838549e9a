@testable import Explorer
import Kripke
import KripkeTestSupport
import Testing

/// Steps no process owns (`s.action(name) { … }`) belong to one `env` process, declared once.
@Suite struct EnvironmentActionTests {
    @Test func environmentStepsShareOneProcess() throws {
        let ir = try DSLSpecs.clock()
        #expect(ir.roles.map(\.name) == ["env"])
        #expect(ir.actions.map(\.role) == [RoleID(index: 0), RoleID(index: 0)])
    }

    /// 4 clock values × 7 arrival sequences (<>, <0>, <1>, <0,0>, …) = 28 states; the clock
    /// reaches 3 after three ticks, shown as steps of `env`.
    @Test func tracesShowTheEnvironment() throws {
        guard case .violated(let violation) = try BreadthFirstSearch(DSLSpecs.clock(), options: SearchOptions(partialOrder: false)).run().verdict else {
            Issue.record("expected the clock to reach 3")
            return
        }
        #expect(violation.trace.steps.map(\.description) == ["env: tick", "env: tick", "env: tick"])
        let all = try BreadthFirstSearch(DSLSpecs.clock(invariant: false), options: SearchOptions(partialOrder: false)).run()
        #expect(all.verdict == .holds)
        #expect(all.statistics.states == 28)
    }
}
