import Foundation
import Kripke
import SMT

/// Bounded liveness with Z3: the shortest fair lasso of at most `depth` steps that violates a
/// liveness property (Biere, Artho, Schuppan, "Liveness checking as safety checking", and the
/// lasso-shaped BMC of Biere et al. 1999). For k = 0, 1, …: frames 0…k linked by steps, and a
/// loop back from frame k to some frame l ≤ k (l = k: the run stutters in frame k for ever, as a
/// run may unless fairness forbids it). The loop must keep the conclusion false from the premise
/// on, and be fair: every weakly fair unit is taken on it or disabled in one of its frames; every
/// strongly fair unit is taken on it or disabled in all of them. Finds lassos, never proves
/// their absence beyond the bound; the explorer's `LivenessChecker` does that.
///
/// ```swift
/// let results = try BoundedLivenessChecker(ir, semantics: semantics).run(depth: 12)
/// results.first?.lasso?.loop   // where the cycle starts
/// ```
public struct BoundedLivenessChecker {
    public let ir: SpecIR
    public let semantics: any ConcreteSemantics

    public init(_ ir: SpecIR, semantics: any ConcreteSemantics) {
        self.ir = ir
        self.semantics = semantics
    }

    /// One property (one process's instance of a per-process one) and the lasso found, if any.
    public struct Result: Sendable {
        public let name: String
        public let declaration: Int
        /// The shortest fair violating lasso of at most the depth asked, replayed; nil if none.
        public let lasso: Trace?
    }

    public func run(depth: Int) throws -> [Result] {
        guard ir.stateConstraints.isEmpty else {
            throw SymbolicError.unsupported("bounded liveness does not handle state constraints (a run may end at a "
                                            + "state they cut off); `kripke check` checks liveness on the whole graph")
        }
        return try ir.liveness.enumerated().flatMap { index, declaration -> [Result] in
            let values: [Int?] = declaration.domain.map { Array($0.values(roles: ir.roles)) } ?? [nil]
            return try values.map { value in
                let name = value.map { "\(declaration.name) (\(ir.processName($0)))" } ?? declaration.name
                var premise = declaration.premise, conclusion = declaration.conclusion
                if let value, let binding = declaration.binding {
                    premise = premise.substituting(binding, with: value)
                    conclusion = conclusion.substituting(binding, with: value)
                }
                let lasso = try search(premise: declaration.kind == .eventually ? nil : premise, conclusion: conclusion,
                                       depth: depth)
                return Result(name: name, declaration: index, lasso: lasso)
            }
        }
    }

    /// The shortest lasso for one property; `premise` nil: from the initial state (`eventually`).
    private func search(premise: Expr?, conclusion: Expr, depth: Int) throws -> Trace? {
        let context = try Context()
        let solver = try Solver(context: context)
        try solver.setParameter("smt.arith.solver", 2)
        try solver.setParameter("smt.relevancy", 0)
        let encoder = try SpecEncoder(ir, context: context)
        let units = BoundedFairnessUnits(ir, instances: encoder.instances)
        var frames = [try encoder.frame(0)]
        var selectors: [Term] = []
        var reached: [Term] = []        // per frame: the conclusion holds
        var started: [Term] = []        // per frame: the premise holds
        var enabled: [[Term]] = []      // per frame and unit: some step of the unit is enabled
        try solver.assert(encoder.initial(frames[0]))
        try solver.assert(encoder.domains(frames[0]))
        for k in 0...max(depth, 0) {
            let current = frames[k]
            let next = try encoder.frame(k + 1)
            let step = try encoder.transition(from: current, to: next)
            reached.append(try encoder.condition(conclusion, in: current))
            started.append(try premise.map { try encoder.condition($0, in: current) } ?? context.bool(k == 0))
            enabled.append(try units.members.map { members in try context.or(members.map { step.enabled[$0] }) })
            var lassos: [Term] = []
            for loop in 0...k {
                let closes = loop == k ? try context.bool(true) : try encoder.same(frames[k], frames[loop])
                // From some frame where the premise holds, the conclusion never holds again; the
                // cycle's frames recur, so they are among those after the premise.
                var violations: [Term] = []
                for start in 0...k {
                    let from = min(start, loop)
                    violations.append(try context.and([started[start]] + (from...k).map { try reached[$0].not() }))
                }
                let fair = try units.members.indices.map { unit -> Term in
                    let taken = try (loop..<k).map { j in try context.or(units.members[unit].map { try selectors[j] == $0 }) }
                    let cycleFrames = loop == k ? [k] : Array(loop..<k)
                    let disabled = try cycleFrames.map { try enabled[$0][unit].not() }
                    switch units.kinds[unit] {
                    case .weak: return try context.or(taken + disabled)
                    case .strong: return try context.or(taken + [try context.and(disabled)])
                    }
                }
                lassos.append(try context.and([closes, try context.or(violations)] + fair))
            }
            let query = try context.boolConst("lasso@\(k)")
            try solver.assert(query.implies(context.or(lassos)))
            if case .sat = try solver.check(assuming: [query]) {
                let model = try solver.model()
                let loop = try lassos.indices.first { try model.bool(lassos[$0]) } ?? k
                let trace = try CounterexampleDecoder(encoder: encoder, model: model).trace(frames: frames, selectors: selectors)
                return try semantics.replayed(trace.looping(at: loop), of: ir)
            }
            guard k < depth else { break }
            try solver.assert(step.relation)
            try solver.assert(encoder.domains(next))
            frames.append(next)
            selectors.append(step.selector)
        }
        return nil
    }

}

/// The spec's fairness as units of the encoder's step instances (as the explorer's
/// `FairnessUnits` makes them of its step labels): per instance of an action, per action, or per
/// process (crashes excepted).
struct BoundedFairnessUnits {
    var kinds: [FairnessDecl.Kind] = []
    var members: [[Int]] = []

    init(_ ir: SpecIR, instances: [SymbolicInstance]) {
        var keys: [String: Int] = [:]
        for (declaration, fairness) in ir.fairness.enumerated() {
            for (index, instance) in instances.enumerated() {
                guard let action = instance.action else { continue }
                let sender: Int
                let choice: Int
                switch instance.kind {
                case .local(let value): (sender, choice) = (-1, value)
                case .delivery(let key): (sender, choice) = (key.sender, 0)
                case .loss, .fifoLoss: continue
                }
                let key: String?
                switch fairness.scope {
                case .eachInstance(let target) where target == action:
                    key = "\(declaration)/\(instance.process)/\(choice)/\(sender)"
                case .wholeAction(let target) where target == action:
                    key = "\(declaration)"
                case .eachProcess(let role) where ir.actions[action].role == role && ir.actions[action].name != "crash":
                    key = "\(declaration)/\(instance.process)"
                default:
                    key = nil
                }
                guard let key else { continue }
                if let unit = keys[key] {
                    members[unit].append(index)
                } else {
                    keys[key] = kinds.count
                    kinds.append(fairness.kind)
                    members.append([index])
                }
            }
        }
    }
}
