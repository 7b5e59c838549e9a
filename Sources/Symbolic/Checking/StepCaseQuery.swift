import Kripke
import SMT

/// The inductive step of k-induction at one k, as one solver: k+1 pairwise distinct states, each a
/// step from the one before, then a last state. Every invariant and lemma is assumed on the first
/// k+1 states through an assumption literal, so a check reports (in its unsat core) which of them
/// a proof needed. No send finds the network full in the first k+1 states (assumed: `KInduction`
/// establishes it separately, with ``overflowConsecution()`` or the explorer).
///
/// ```swift
/// let query = try StepCaseQuery(ir, k: 2)
/// if try query.anyFails() == nil { print("2-inductive") }
/// let consecution = try query.consecution(of: 0)   // holds? used which lemmas? or a CTI
/// ```
struct StepCaseQuery {
    let ir: SpecIR
    let k: Int
    private let context: Context
    private let solver: Solver
    private let encoder: SpecEncoder
    private let frames: [Frame]
    private let selectors: [Term]
    private let assumed: [Term]     // assumed[j]: property j holds on frames 0…k
    private let last: [Term]        // last[j]: property j holds in frame k+1
    private let lastOverflows: Term // a send finds the network full in frame k+1

    private let budget: Budget

    init(_ ir: SpecIR, k: Int, minimalCores: Bool = false, budget: Budget = Budget(maxSeconds: nil, cancellation: nil)) throws {
        self.ir = ir
        self.k = k
        self.budget = budget
        let context = try Context(), solver = try Solver(context: context)
        try solver.setParameter("smt.arith.solver", 2)
        try solver.setParameter("smt.relevancy", 0)
        if minimalCores { try solver.setParameter("core.minimize", true) }
        let encoder = try SpecEncoder(ir, context: context)
        let frames = try (0...(k + 1)).map { try encoder.frame($0, name: "cti") }
        let assumed = try ir.invariants.indices.map { try context.boolConst("assume \($0)") }
        var selectors: [Term] = []
        for (index, frame) in frames.enumerated() {
            try solver.assert(encoder.domains(frame))
            if index <= k {
                for (property, literal) in assumed.enumerated() {
                    try solver.assert(literal.implies(encoder.invariant(property, in: frame)))
                }
                try solver.assert(encoder.withinConstraints(frame))   // only such states have successors
                let step = try encoder.transition(from: frame, to: frames[index + 1])
                try solver.assert(step.relation)
                try solver.assert(step.overflow(context).not())
                selectors.append(step.selector)
            }
            for earlier in frames[..<index] {   // simple path: no state repeats
                let differs = try zip(earlier.allTerms, frame.allTerms).map { try $0 != $1 }
                try solver.assert(context.or(differs))
            }
        }
        (self.context, self.solver, self.encoder, self.frames, self.assumed, self.selectors) =
            (context, solver, encoder, frames, assumed, selectors)
        last = try ir.invariants.indices.map { try encoder.invariant($0, in: frames[k + 1]) }
        // The step out of the last frame is only built (not asserted) to say whether a send there overflows.
        let beyond = try encoder.frame(k + 2, name: "cti")
        lastOverflows = try encoder.withinConstraints(frames[k + 1])
            .and(encoder.transition(from: frames[k + 1], to: beyond).overflow(context))
    }

    /// A CTI whose last state violates some invariant or lemma, or nil when every one is k-inductive.
    func anyFails() throws -> Trace? {
        let fails = try context.boolConst("some property fails")
        try solver.assert(fails.implies(context.and(last).not()))
        return try check(assuming: fails)
    }

    /// A CTI ending in a state where a send finds the network full, or nil when no state reached
    /// as the step case describes has one.
    func overflowConsecution() throws -> Trace? {
        let fails = try context.boolConst("the network overflows")
        try solver.assert(fails.implies(lastOverflows))
        return try check(assuming: fails)
    }

    /// Consecution of property `index`: a CTI ending in a state that violates it, or the other
    /// invariants and lemmas Z3 assumed to discharge it (an unsat core: sufficient; with
    /// `minimalCores`, Z3 also drops every lemma the proof does without, at several times the cost).
    func consecution(of index: Int) throws -> (cti: Trace?, uses: [Int]) {
        let fails = try context.boolConst("property \(index) fails")
        try solver.assert(fails.implies(last[index].not()))
        if let cti = try check(assuming: fails) { return (cti, []) }
        let core = try solver.unsatCore()
        let uses = assumed.indices.filter { $0 != index && core.contains(where: assumed[$0].isIdentical) }
        return (nil, uses)
    }

    private func check(assuming goal: Term) throws -> Trace? {
        switch try budget.check(solver, assuming: assumed + [goal]) {
        case .unsat:
            return nil
        case .unknown(let reason):
            throw SymbolicError.solver("Z3 gave up on the step case at k = \(k) (\(reason))")
        case .sat:
            return try CounterexampleDecoder(encoder: encoder, model: solver.model()).trace(frames: frames, selectors: selectors)
        }
    }
}
