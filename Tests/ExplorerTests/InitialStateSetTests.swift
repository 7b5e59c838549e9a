@testable import Explorer
import Kripke
import Testing

/// Sets of initial states (`initially:` domains and `s.initially` conditions): every initial
/// state is at depth 0 and checked like any other, symmetry keeps one per orbit, traces start at
/// the initial state they came from, and replay accepts any initial state and only those.
@Suite struct InitialStateSetTests {
    private func spec(symmetric: Bool = false, _ body: @escaping @Sendable (SpecBuilder, Role) -> Void) throws -> SpecIR {
        try SpecDefinition(name: "t", summary: "", parameters: [], expectation: .holds) { s in
            body(s, s.processes("p", count: 3, symmetric: symmetric))
        }.instantiate()
    }

    /// Three flags, each starting up or down (8 initial states); a step raises one and counts it.
    private func flags(symmetric: Bool, invariant: Bool = false) throws -> SpecIR {
        try spec(symmetric: symmetric) { s, procs in
            let up = s.variable("up", per: procs, in: .bool, initially: .bool)
            let raised = s.global("raised", in: .range(0...3), initial: 0)
            s.action("raise", for: procs) { i in
                Require(!up[i])
                up[i] <- true
                raised <- raised + 1
            }
            if invariant { s.invariant("not all up", !ForAll(procs) { i in up[i] }) }
            s.validEndState(true)
        }
    }

    private func search(_ ir: SpecIR, symmetry: Bool = false, partialOrder: Bool = false) throws -> CheckResult {
        var options = SearchOptions(partialOrder: partialOrder)
        options.symmetry = symmetry
        return try BreadthFirstSearch(ir, options: options).run()
    }

    /// 8 initial states; a state is the flags (m up) and `raised` ≤ m (raised since the start):
    /// Σ_m C(3,m)·(m+1) = 20 states, each with 3 − m raises: Σ_m C(3,m)·(m+1)·(3−m) = 24 transitions.
    @Test func everyCombinationIsAnInitialState() throws {
        let result = try search(flags(symmetric: false))
        #expect(result.statistics.initialStates == 8)
        #expect(result.statistics.states == 20)
        #expect(result.statistics.transitions == 24)
        #expect(result.statistics.depth == 3)
    }

    /// Symmetry keeps one initial state per orbit — by how many flags are up: 4 — and 10 states
    /// in all: (m up, r of them raised since) for 0 ≤ r ≤ m ≤ 3.
    @Test func symmetryKeepsOneInitialStatePerOrbit() throws {
        let result = try search(flags(symmetric: true), symmetry: true)
        #expect(result.statistics.initialStates == 4)
        #expect(result.statistics.states == 10)
    }

    /// The initial state with every flag up breaks the invariant: a counterexample of no step,
    /// that state itself — with symmetry and partial-order reduction on or off.
    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func aViolatingInitialStateIsACounterexampleOfNoStep(symmetry: Bool, partialOrder: Bool) throws {
        let result = try search(flags(symmetric: true, invariant: true), symmetry: symmetry, partialOrder: partialOrder)
        guard case .violated(let violation) = result.verdict else {
            Issue.record("expected a violation, got \(result.verdict)")
            return
        }
        #expect(violation.trace.length == 0)
        #expect(violation.trace.states[0]["up"]?.description == "[p0: true, p1: true, p2: true]")
    }

    /// The shortest counterexample starts at an initial state nearest the violation — the first
    /// one in breadth-first order: with `raised` = 2 forbidden, two raises from the first initial
    /// state enumerated (every flag down).
    @Test func theTraceStartsAtTheInitialStateItCameFrom() throws {
        var ir = try flags(symmetric: false)
        let raised = Expr.variable(VariableID(index: 1), [])
        ir.invariants = [InvariantDecl(name: "fewer than 2 raised", condition: .binary(.lt, raised, .literal(2)),
                                       location: SourceLocation(file: "t", line: 1))]
        guard case .violated(let violation) = try search(ir).verdict else {
            Issue.record("expected a violation")
            return
        }
        #expect(violation.trace.length == 2)
        #expect(violation.trace.states[0]["up"]?.description == "[p0: false, p1: false, p2: false]")
        #expect(violation.trace.steps.map(\.process) == ["p0", "p1"])
        #expect(try TraceReplay(ir).replay(violation.trace) == .replays)
    }

    /// `s.initially` keeps the combinations where it holds: distinct ids among 0...2 are the 6
    /// permutations, one orbit under symmetry.
    @Test func initialConditionsFilterTheCombinations() throws {
        func ids(symmetric: Bool) throws -> SpecIR {
            try spec(symmetric: symmetric) { s, procs in
                let uid = s.variable("uid", per: procs, in: .range(0...2), initially: .range(0...2))
                s.initially(ForAll(procs) { i in ForAll(procs) { j in i == j || uid[i] != uid[j] } })
                s.validEndState(true)
            }
        }
        let plain = try search(ids(symmetric: false))
        #expect(plain.statistics.initialStates == 6)
        #expect(plain.statistics.states == 6)
        let reduced = try search(ids(symmetric: true), symmetry: true)
        #expect(reduced.statistics.initialStates == 1)
    }

    /// A trace whose first state is a reachable but not an initial state does not replay.
    @Test func replayRejectsATraceThatStartsElsewhere() throws {
        var ir = try flags(symmetric: false)
        ir.invariants = [InvariantDecl(name: "fewer than 2 raised",
                                       condition: .binary(.lt, .variable(VariableID(index: 1), []), .literal(2)),
                                       location: SourceLocation(file: "t", line: 1))]
        guard case .violated(let violation) = try search(ir).verdict else {
            Issue.record("expected a violation")
            return
        }
        let trace = violation.trace
        let suffix = Trace(spec: trace.spec, parameters: trace.parameters, variables: trace.variables, ghosts: trace.ghosts,
                           states: Array(trace.states.dropFirst()), steps: Array(trace.steps.dropFirst()))
        #expect(try TraceReplay(ir).replay(suffix) == .mismatch(step: 0, reason: "the first state is none of the spec's 8 initial states"))
    }

    @Test func choicesOutsideTheDomainAreRejected() throws {
        #expect {
            try spec { s, procs in _ = s.variable("x", per: procs, in: .range(0...2), initially: .range(1...3)) }
        } throws: { error in
            (error as? SpecError)?.problems.map(\.message) == ["initial choices are not all in the variable's domain"]
        }
    }

    @Test func noInitialStateIsAnError() throws {
        let ir = try spec { s, procs in
            let x = s.variable("x", per: procs, in: .bool, initially: .bool)
            s.initially(Exists(procs) { i in x[i] && !x[i] })
        }
        #expect {
            _ = try TransitionSystem(ir)
        } throws: { error in
            (error as? SpecError)?.problems.first?.message
                == "no initial state: no combination of the `initially:` choices satisfies the initial conditions"
        }
    }

    @Test func tooManyCombinationsIsAnErrorWithAdvice() throws {
        let ir = try SpecDefinition(name: "t", summary: "", parameters: [], expectation: .holds) { s in
            let procs = s.processes("p", count: 12)
            _ = s.variable("x", per: procs, in: .range(0...7), initially: .range(0...7))
        }.instantiate()
        #expect {
            _ = try TransitionSystem(ir)
        } throws: { error in
            (error as? SpecError)?.problems.first?.message.hasPrefix("the initial choices allow 6.87e+10 combinations") == true
        }
    }

    /// Simulation draws each run's initial state: the invariant fails only in the initial state
    /// with every flag up (1 of 8), and some run starts there; the same seed, the same run.
    @Test func simulationDrawsTheInitialState() throws {
        var ir = try flags(symmetric: false)
        // Every flag up (variable 0, processes 0...2), as an IR condition.
        let allUp = (0..<3).map { Expr.variable(VariableID(index: 0), [.literal($0)]) }.reduce(Expr.literal(1)) { .binary(.and, $0, $1) }
        ir.invariants = [InvariantDecl(name: "never all up at the start",
                                       condition: .unary(.not, .binary(.and, allUp, .binary(.eq, .variable(VariableID(index: 1), []), .literal(0)))),
                                       location: SourceLocation(file: "t", line: 1))]
        var options = SimulationOptions(seed: 11)
        options.runs = 100
        let first = try RandomSimulation(ir, options: options).run()
        let again = try RandomSimulation(ir, options: options).run()
        guard case .violated(let violation, let run) = first.verdict, case .violated(let repeated, let rerun) = again.verdict else {
            Issue.record("expected a violation: \(first.verdict)")
            return
        }
        #expect(violation.trace.length == 0)
        #expect(violation.trace.states[0]["up"]?.description == "[p0: true, p1: true, p2: true]")
        #expect(run.index > 0)
        #expect(run == rerun)
        #expect(violation.trace == repeated.trace)
    }
}
