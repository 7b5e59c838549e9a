@testable import Explorer
import Kripke
import Testing

/// Steps no process owns (`s.action(name) { … }`) belong to one `env` process, declared once.
@Suite struct EnvironmentActionTests {
    static func clock() throws -> SpecIR {
        try SpecDefinition(name: "clock", summary: "", parameters: [], expectation: .holds) { s in
            let clock = s.global("clock", in: .range(0...3), initial: 0)
            let arrivals = s.sequence("arrivals", of: .range(0...1), capacity: 2)
            s.action("tick") {
                Require(clock < 3)
                clock <- clock + 1
            }
            s.action("arrive", choosing: 0...1) { v in
                Require(!arrivals.isFull)
                arrivals.append(v)
            }
            s.invariant("clock below 3", clock < 3)
        }.instantiate()
    }

    @Test func environmentStepsShareOneProcess() throws {
        let ir = try Self.clock()
        #expect(ir.roles.map(\.name) == ["env"])
        #expect(ir.actions.map(\.role) == [RoleID(index: 0), RoleID(index: 0)])
    }

    /// 4 clock values × 7 arrival sequences (<>, <0>, <1>, <0,0>, …) = 28 states; the clock
    /// reaches 3 after three ticks, shown as steps of `env`.
    @Test func tracesShowTheEnvironment() throws {
        guard case .violated(let violation) = try BreadthFirstSearch(Self.clock(), options: SearchOptions(partialOrder: false)).run().verdict else {
            Issue.record("expected the clock to reach 3")
            return
        }
        #expect(violation.trace.steps.map(\.description) == ["env: tick", "env: tick", "env: tick"])
        var ir = try Self.clock()
        ir.invariants = []
        let all = try BreadthFirstSearch(ir, options: SearchOptions(partialOrder: false)).run()
        #expect(all.statistics.states == 28)
    }
}
