import Explorer
import Kripke
import Symbolic
import Testing
import Verification

/// `Broadcast` is a `ForEach` over the role with a `Send` in it: both engines see the same system
/// either way — the explorer the same states and transitions, BMC the same shortest violation.
@Suite struct BroadcastTests {
    /// Each process says hello once to all the others; "nobody hears from everyone" fails once
    /// some process has heard N − 1 hellos.
    static func gossip(broadcast: Bool) -> SpecDefinition {
        SpecDefinition(name: "gossip", summary: "", parameters: [ParameterDecl(name: "N", defaultValue: 3, range: 2...4)],
                       expectation: .violated) { s in
            let n = s.parameter("N")
            let procs = s.processes("p", count: n)
            let spoke = s.variable("spoke", per: procs, in: .bool, initial: false)
            let heard = s.variable("heard", per: procs, in: .range(0...n), initial: 0)
            let hello = s.message("hello")
            s.network(.unordered(capacity: n * n))
            s.action("speak", for: procs) { i in
                Require(!spoke[i])
                spoke[i] <- true
                if broadcast {
                    Broadcast(hello, from: i, to: procs, except: i)
                } else {
                    ForEach(procs, except: i) { j in Send(hello, from: i, to: j) }
                }
            }
            s.on(hello, at: procs) { m in heard[m.receiver] <- heard[m.receiver] + 1 }
            s.invariant("nobody hears from everyone", ForAll(procs) { i in heard[i] < .constant(n - 1) })
        }
    }

    @Test func bothEnginesSeeTheSameSystem() throws {
        let broadcast = try Self.gossip(broadcast: true).instantiate()
        let loop = try Self.gossip(broadcast: false).instantiate()
        var options = SearchOptions(partialOrder: false)
        options.checkDeadlock = false
        let explored = try BreadthFirstSearch(broadcast, options: options).run()
        let looped = try BreadthFirstSearch(loop, options: options).run()
        #expect(explored.statistics.states == looped.statistics.states)
        #expect(explored.statistics.transitions == looped.statistics.transitions)
        guard case .violated(let violation) = explored.verdict, case .violated(let other) = looped.verdict else {
            Issue.record("the explorer finds no violation")
            return
        }
        #expect(violation.trace == other.trace)
        #expect(violation.trace.steps.first?.sent.count == 2)   // one hello to each other process
        let bmc = try BoundedModelChecker(broadcast, checkDeadlock: false).run(depth: violation.trace.length)
        guard case .violated(let counterexample) = bmc.verdict else {
            Issue.record("BMC finds no violation")
            return
        }
        #expect(counterexample.trace.length == violation.trace.length)
    }
}
