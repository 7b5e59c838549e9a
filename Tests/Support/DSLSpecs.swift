import Kripke

/// Small specs of the newer DSL constructs, shared by the explorer's and Z3's tests so that the
/// two engines are cross-checked on the very same IR.
///
/// ```swift
/// let ir = try DSLSpecs.decide()   // a scalarset of 3 values, 9 initial states
/// ```
public enum DSLSpecs {
    /// Two writers each propose one of 3 interchangeable values (a scalarset; any proposal, 9
    /// initial states); the first to decide fixes the decision. With `wrongDecision`, a writer
    /// decides w0's proposal: "w1 decides its own" fails after 1 step.
    public static func decide(wrongDecision: Bool = false) throws -> SpecIR {
        try SpecDefinition(name: "decide", summary: "", parameters: [], expectation: .holds) { s in
            let values = s.scalarset("v", count: 3)
            let writers = s.processes("w", count: 2)
            let proposal = s.variable("proposal", per: writers, in: .scalar(values), initially: .scalar(values))
            let decision = s.global("decision", in: .scalarOrNone(values), initial: .none)
            s.action("decide", for: writers) { w in
                Require(decision == .none)
                decision <- (wrongDecision ? proposal[writers.process(0)] : proposal[w])
            }
            let proposed = Exists(writers) { w in proposal[w] == decision }
            s.invariant("the decision was proposed by the decider", (decision == .none) || proposed)
            if wrongDecision {
                let decided = Exists(values) { v in decision == v }
                s.invariant("w1 decides its own", decided.implies(proposal[writers.process(1)] == decision))
            }
            s.validEndState(true)
        }.instantiate()
    }

    /// Each of 2 processes may send ping(v), v in 0...2, to the other over `network`; a ping
    /// received is recorded in `heard`. With `heardBelow`, the invariant "heard below B" fails
    /// after 2 steps (send, receive).
    public static func pings(_ network: Network, heardBelow bound: Int? = nil) throws -> SpecIR {
        try SpecDefinition(name: "pings", summary: "", parameters: [], expectation: .holds) { s in
            let procs = s.processes("p", count: 2)
            let heard = s.variable("heard", per: procs, in: .range(0...2), initial: 0)
            let value = Field("v", .range(0...2))
            let ping = s.message("ping", value)
            s.network(network)
            s.action("send", for: procs, choosing: 0...2) { i, v in
                Send(ping.with(value, v), from: i, to: procs.next(i))
            }
            s.on(ping, at: procs) { m in
                heard[m.receiver] <- m[value]
            }
            if let bound { s.invariant("heard below \(bound)", ForAll(procs) { i in heard[i] < .constant(bound) }) }
            s.validEndState(true)
        }.instantiate()
    }

    /// An environment that ticks a clock to 3 and appends arrivals 0 or 1 to a sequence of 2:
    /// 4 × 7 = 28 states; "clock below 3" fails after 3 ticks.
    public static func clock(invariant: Bool = true) throws -> SpecIR {
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
            if invariant { s.invariant("clock below 3", clock < 3) }
            s.validEndState(true)
        }.instantiate()
    }
}
