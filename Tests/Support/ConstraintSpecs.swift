import Kripke

/// A spec bounded only by a state constraint, for the engines' tests: two clocks in 0...5 that
/// tick without a guard; the constraint "clocks ≤ 3" stops the search at 4 (a tick from 5 would
/// leave the domain: a modelling error, unless the constraint cuts the run off first).
///
/// Reachable: every (a, b) in 0...4 × 0...4 but (4, 4) — 24 states, 8 of them outside the
/// constraint; the 16 inside take 2 ticks each: 32 transitions; depth 7.
///
/// ```swift
/// let ir = try ConstraintSpecs.clocks(sumBelow: 7)   // violated at (3, 4), after 7 ticks
/// ```
public enum ConstraintSpecs {
    public static func clocks(sumBelow bound: Int? = nil, constrained: Bool = true, fair: Bool = false) throws -> SpecIR {
        try SpecDefinition(name: "clocks", summary: "", parameters: [], expectation: .holds) { s in
            let procs = s.processes("p", count: 2)
            let clock = s.variable("clock", per: procs, in: .range(0...5), initial: 0)
            s.action("tick", for: procs) { i in
                clock[i] <- clock[i] + 1
            }
            if constrained { s.constraint("clocks ≤ 3", ForAll(procs) { i in clock[i] <= 3 }) }
            if let bound { s.invariant("sum below \(bound)", Sum(procs) { i in clock[i] } < .constant(bound)) }
            if fair { s.fair(.weak, action: "tick") }
            s.check(Eventually("a clock reaches 4", Exists(procs) { i in clock[i] == 4 }))
        }.instantiate()
    }
}
