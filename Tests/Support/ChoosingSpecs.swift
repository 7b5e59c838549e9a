import Kripke

/// Small specs for actions that choose several values (`choosing: r1, r2`) and for `Assert`,
/// shared by the explorer's and the symbolic engine's tests.
///
/// ```swift
/// let ir = try ChoosingSpecs.raise(agreement: false).instantiate()
/// ```
public enum ChoosingSpecs {
    /// Two processes each raise their ballot to a higher one (1 or 2) and pick a value (0 or 1)
    /// in one step: `choosing: 1...2, 0...1`. Each process has 5 local states ((0,0), then (b, v)
    /// for b ∈ 1...2, v ∈ 0...1) and 8 local transitions (4 from ballot 0, 2 from each state at
    /// ballot 1), so 5 × 5 = 25 states and 2 × 5 × 8 = 80 transitions. With `agreement`, the
    /// invariant "two processes at ballot 2 hold one value" fails after 2 steps.
    public static func raise(agreement: Bool) -> SpecDefinition {
        SpecDefinition(name: "raise", summary: "ballot and value chosen in one step", parameters: [],
                       expectation: agreement ? .violated : .holds) { s in
            let procs = s.processes("p", count: 2)
            let ballot = s.variable("ballot", per: procs, in: .range(0...2), initial: 0)
            let value = s.variable("value", per: procs, in: .range(0...1), initial: 0)
            s.action("raise", for: procs, choosing: 1...2, 0...1) { i, b, v in
                Require(ballot[i] < b)
                ballot[i] <- b
                value[i] <- v
            }
            s.validEndState(ForAll(procs) { i in ballot[i] == 2 })
            if agreement {
                s.invariant("one value at ballot 2", ForAll(procs) { i in
                    ForAll(procs) { j in (ballot[i] == 2).and(ballot[j] == 2).implies(value[i] == value[j]) }
                })
            }
        }
    }

    /// `raise` written as TLA+ users had to before several choices: one action per value, each
    /// choosing only the ballot. Same states and transitions (25 and 80).
    public static let raiseByHand = SpecDefinition(name: "raise-by-hand", summary: "one action per value",
                                                   parameters: [], expectation: .holds) { s in
        let procs = s.processes("p", count: 2)
        let ballot = s.variable("ballot", per: procs, in: .range(0...2), initial: 0)
        let value = s.variable("value", per: procs, in: .range(0...1), initial: 0)
        s.action("raise v0", for: procs, choosing: 1...2) { i, b in
            Require(ballot[i] < b)
            ballot[i] <- b
            value[i] <- 0
        }
        s.action("raise v1", for: procs, choosing: 1...2) { i, b in
            Require(ballot[i] < b)
            ballot[i] <- b
            value[i] <- 1
        }
        s.validEndState(ForAll(procs) { i in ballot[i] == 2 })
    }

    /// One process sets `x` to `2a + b` for a chosen pair (a, b) ∈ {0, 1}², until `x` is 3; must
    /// `x` eventually be 3? With weak fairness of each instance, yes: the instance (1, 1) stays
    /// enabled until it is taken. With the action fair as a whole, no: choosing (0, 0) for ever
    /// is a fair run (so fairness units must tell instances apart by every chosen value).
    public static func reachThree(eachInstance: Bool) -> SpecDefinition {
        SpecDefinition(name: "reach-three", summary: "fairness of each pair of choices", parameters: [],
                       expectation: eachInstance ? .holds : .violated) { s in
            let procs = s.processes("p", count: 1)
            let x = s.global("x", in: .range(0...3), initial: 0)
            s.action("set", for: procs, choosing: 0...1, 0...1) { _, a, b in
                Require(x != 3)
                x <- a + a + b
            }
            s.validEndState(x == 3)
            s.fair(.weak, action: "set", eachInstance: eachInstance)
            s.check(Eventually("x reaches 3", x == 3))
        }
    }

    /// The message of `boundedSum`'s assertion.
    public static let sumAssertion = "total stays at most 4"

    /// Two interchangeable processes add 1 or 2 to their own count (at most 3) and to a shared
    /// total; the step asserts the total stays at most 4. The total reaches 3 in two steps at the
    /// earliest, so the shortest violation is 3 steps long (e.g. p0 adds 2, p1 adds 1, p1 adds 2).
    /// An `Assert(false)` before a failing `Require` never fires: the step is not taken.
    public static let boundedSum = SpecDefinition(name: "bounded-sum", summary: "an Assert in a step",
                                                  parameters: [], expectation: .violated) { s in
        let procs = s.processes("p", count: 2, symmetric: true)
        let mine = s.variable("mine", per: procs, in: .range(0...3), initial: 0)
        let total = s.global("total", in: .range(0...6), initial: 0)
        s.action("add", for: procs, choosing: 1...2) { i, d in
            Require(mine[i] + d <= 3)
            Assert(total + d <= 4, sumAssertion)
            mine[i] <- mine[i] + d
            total <- total + d
        }
        s.action("never", for: procs) { i in
            Assert(mine[i] > 5, "never taken, never checked")
            Require(mine[i] > 5)
        }
        s.validEndState(ForAll(procs) { i in mine[i] >= 2 })
    }
}
