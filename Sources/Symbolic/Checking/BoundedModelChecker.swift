import Foundation
import Kripke
import SMT

/// Incremental bounded model checking: one solver, frames added one step at a time; at each depth
/// "some invariant fails or (optionally) the state is deadlocked" is checked under an assumption
/// literal, so the first counterexample found is a shortest one. A depth with no failure is then
/// asserted as a fact (its states satisfy the invariants and are not deadlocked), which removes no
/// run and prunes the deeper queries (15% faster on the Suzuki–Kasami deadlock to depth 11).
/// Every counterexample is replayed on the concrete semantics (`ConcreteSemantics`, the explorer's
/// in `Verification`) before it is returned; one that does not replay is an internal error.
///
/// Adjacent steps that commute are explored in one order only (`StepOrder`, partial-order
/// reduction), which keeps every reachable state and every shortest counterexample's length.
///
/// Deadlock is checked as the explorer does: a state where no instance is enabled and no send
/// overflowed, that is not a declared valid end state. An `Assert` fails at depth k when the step
/// into frame k executes it with a false condition (the selected instance's failure condition, from
/// `SpecEncoder.Transition.assertionFailed`), so its counterexample has the explorer's length.
/// Within one depth, invariants are checked first, then assertions, then deadlock.
/// A send into a full network is not a failure but, as in the explorer, makes the result incomplete
/// (`.networkFull`, with the run that reaches it) unless a property fails within the depth.
///
/// ```swift
/// let ir = try RicartAgrawala.tieBug.instantiate(["N": 2])
/// let result = try BoundedModelChecker(ir, semantics: ExplorerSemantics()).run(depth: 10)
/// ```
public struct BoundedModelChecker {
    public let ir: SpecIR
    /// What every counterexample is replayed on before it is returned.
    public let semantics: any ConcreteSemantics
    public var checkDeadlock: Bool
    /// Called after each depth with the statistics so far.
    public var progress: ((BMCStatistics) -> Void)?
    /// Wall-clock limit for the whole run; when it runs out the verdict is `.timedOut`.
    public var maxSeconds: Double?
    /// Stops the run early (SIGINT/SIGTERM in `kripke`): the verdict is then `.timedOut` with
    /// `statistics.cancelled` set.
    public var cancellation: Cancellation?
    /// Fix the order of adjacent commuting steps (`StepOrder`); off only to cross-check it.
    public var partialOrderReduction = true

    public init(_ ir: SpecIR, checkDeadlock: Bool = true, semantics: any ConcreteSemantics) {
        self.ir = ir
        self.checkDeadlock = checkDeadlock
        self.semantics = semantics
    }

    /// Checks every run of at most `depth` steps. Throws `SymbolicError` (unsupported feature,
    /// solver failure, replay failure), `SMTError` or `SpecError`.
    public func run(depth: Int) throws -> BMCResult {
        let start = Date()
        do {
            return try search(depth: depth, start: start)
        } catch let limit as TimeLimit {
            var statistics = limit.statistics
            statistics.seconds = Date().timeIntervalSince(start)
            statistics.cancelled = limit.cancelled
            return BMCResult(verdict: .timedOut(checked: statistics.depth - 1), statistics: statistics)
        }
    }

    /// Thrown out of `search` when `maxSeconds` runs out or the run is cancelled, with the statistics so far.
    private struct TimeLimit: Error {
        let statistics: BMCStatistics
        let cancelled: Bool
    }

    private func search(depth: Int, start: Date) throws -> BMCResult {
        let deadline = Budget(maxSeconds: maxSeconds, cancellation: cancellation, start: start)
        let context = try Context()
        let solver = try Solver(context: context)
        // Measured on the Ricart–Agrawala tie bug, N=3, depths 0–9 (debug): 25 s with Z3's defaults,
        // 4.9 s with the older simplex-based arithmetic solver and relevancy filtering off.
        try solver.setParameter("smt.arith.solver", 2)
        try solver.setParameter("smt.relevancy", 0)
        let encoder = try SpecEncoder(ir, context: context)
        var statistics = BMCStatistics()
        statistics.instances = encoder.instances.count
        statistics.messageKeys = encoder.layout.keys.count
        // Reordering commuting steps could route a run through a state the constraints cut off.
        let order = partialOrderReduction && ir.stateConstraints.isEmpty ? StepOrder(encoder) : nil
        statistics.commutingPairs = order?.commutingPairs ?? 0
        var previousStep: SpecEncoder.Transition?
        var frames = [try encoder.frame(0)]
        var selectors: [Term] = []
        var overflow: NetworkOverflow?
        try solver.assert(encoder.initial(frames[0]))
        try solver.assert(encoder.domains(frames[0]))

        for bound in 0...max(depth, 0) {
            statistics.depth = bound
            let current = frames[bound]
            let invariants = try context.and(ir.invariants.indices.map { try encoder.invariant($0, in: current) })
            // The step out of the last frame is built too: it says whether a send there overflows.
            let next = try encoder.frame(bound + 1)
            let step = try encoder.transition(from: current, to: next)
            // One query per depth for every kind of failure (most depths are unsatisfiable, and
            // one proof of that is cheaper than several); a model is re-checked for an invariant
            // violation at the same depth, which is reported first, then for a deadlock. Until one
            // is found, a send into a full network is sought too (the explorer's incompleteness).
            // A state outside the state constraints is not expanded: it neither deadlocks nor overflows.
            let expanded = try encoder.withinConstraints(current)
            let stuck = checkDeadlock ? try expanded.and(step.stuck).and(encoder.validEnd(in: current).not()) : nil
            let overflowing = overflow == nil ? try expanded.and(step.overflow(context)) : nil
            // The step into this frame failed an `Assert` (a run of `bound` steps, as the explorer's).
            let asserted = ir.hasAssertions ? previousStep?.assertionFailed : nil
            let failure = try context.boolConst("failure@\(bound)")
            try solver.assert(failure.implies(context.or([try invariants.not()] + [stuck, overflowing, asserted].compactMap { $0 })))
            var factsHere = [invariants] + (try stuck.map { [try $0.not()] } ?? []) + (try asserted.map { [try $0.not()] } ?? [])
            if try satisfied(solver, assuming: failure, deadline, statistics) {
                let violation = try context.boolConst("violation@\(bound)")
                try solver.assert(violation.implies(invariants.not()))
                if try satisfied(solver, assuming: violation, deadline, statistics) {
                    let model = try solver.model()
                    let failed = try ir.invariants.indices.firstIndex { try !model.bool(encoder.invariant($0, in: current)) } ?? 0
                    return try finish(.invariant(ir.invariants[failed].name), encoder, model, frames, selectors, statistics, start)
                }
                if let asserted, let previousStep {
                    let assertion = try context.boolConst("assertion@\(bound)")
                    try solver.assert(assertion.implies(asserted))
                    if try satisfied(solver, assuming: assertion, deadline, statistics) {
                        let model = try solver.model()
                        let failed = try previousStep.failedAssertion(in: model) ?? 0
                        return try finish(.assertion(ir.assertions[failed].message), encoder, model, frames, selectors,
                                          statistics, start)
                    }
                }
                if let stuck {
                    let deadlock = try context.boolConst("deadlock@\(bound)")
                    try solver.assert(deadlock.implies(stuck))
                    if try satisfied(solver, assuming: deadlock, deadline, statistics) {
                        return try finish(.deadlock, encoder, solver.model(), frames, selectors, statistics, start)
                    }
                }
                _ = try satisfied(solver, assuming: failure, deadline, statistics)
                overflow = try networkOverflow(encoder, step, solver.model(), frames, selectors)
            } else if let overflowing {
                factsHere.append(try overflowing.not())
            }
            // Nothing fails at this depth, so no state of this frame violates an invariant or is
            // stuck outside a valid end: stating it removes no run and prunes the deeper queries.
            try solver.assert(context.and(factsHere))
            statistics.secondsPerDepth.append(Date().timeIntervalSince(start))
            progress?(statistics)
            guard bound < depth else { break }
            try solver.assert(expanded)
            try solver.assert(step.relation)
            if let order, let previousStep { try solver.assert(order.constraint(after: previousStep, then: step, context: context)) }
            previousStep = step
            try solver.assert(encoder.domains(next))
            frames.append(next)
            selectors.append(step.selector)
        }
        statistics.seconds = Date().timeIntervalSince(start)
        if let overflow { return BMCResult(verdict: .networkFull(overflow, checked: max(depth, 0)), statistics: statistics) }
        return BMCResult(verdict: .holdsToDepth(max(depth, 0)), statistics: statistics)
    }

    /// The overflowing send in `model`'s last frame, with the run (replayed on the concrete semantics) that reaches it.
    private func networkOverflow(_ encoder: SpecEncoder, _ step: SpecEncoder.Transition, _ model: Model, _ frames: [Frame],
                                 _ selectors: [Term]) throws -> NetworkOverflow {
        let trace = try CounterexampleDecoder(encoder: encoder, model: model).trace(frames: frames, selectors: selectors)
        let replayed = try semantics.replayed(trace, of: ir)
        guard let index = try step.overflows.firstIndex(where: { try model.bool($0) }),
              let action = encoder.instances[index].action else {
            throw SymbolicError.solver("the model has no overflowing send (internal)")
        }
        return NetworkOverflow(trace: replayed, action: ir.actions[action].name,
                               process: ir.processName(encoder.instances[index].process))
    }

    /// Checks under `literal`, within what is left of the budget.
    private func satisfied(_ solver: Solver, assuming literal: Term, _ budget: Budget,
                           _ statistics: BMCStatistics) throws -> Bool {
        let result: SatResult
        do {
            result = try budget.check(solver, assuming: [literal])
        } catch let exhausted as Budget.Exhausted {
            throw TimeLimit(statistics: statistics, cancelled: exhausted.cancelled)
        }
        switch result {
        case .sat: return true
        case .unsat: return false
        case .unknown(let reason): throw SymbolicError.solver("Z3 gave up (\(reason))")
        }
    }

    private func finish(_ property: Counterexample.Property, _ encoder: SpecEncoder, _ model: Model, _ frames: [Frame],
                        _ selectors: [Term], _ statistics: BMCStatistics, _ start: Date) throws -> BMCResult {
        let trace = try CounterexampleDecoder(encoder: encoder, model: model).trace(frames: frames, selectors: selectors)
        let replayed = try semantics.replayed(trace, of: ir)
        var statistics = statistics
        statistics.secondsPerDepth.append(Date().timeIntervalSince(start))
        statistics.seconds = Date().timeIntervalSince(start)
        return BMCResult(verdict: .violated(Counterexample(property: property, trace: replayed)), statistics: statistics)
    }
}
