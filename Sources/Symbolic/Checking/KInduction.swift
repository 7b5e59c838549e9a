import Foundation
import Kripke
import SMT

/// k-induction over the invariants: the base case is BMC (no violation in runs of at most k
/// steps); the inductive step asks Z3 for k+1 pairwise distinct states (the simple-path
/// constraint), each a step from the one before, all satisfying every invariant, followed by a
/// state that violates one. If there is none, the invariants hold in every reachable state. The
/// invariants serve as each other's lemmas: all of them are assumed on the first k+1 states.
///
/// When the step case still has a solution at `maxK`, that solution is a counterexample to
/// induction (CTI): an ordinary trace whose first state satisfies the invariants but may be
/// unreachable — a hint that an invariant needs strengthening by a lemma that excludes it. CTIs
/// cannot be replayed from the initial state; base-case counterexamples are replayed like BMC's.
///
/// ```swift
/// switch try KInduction(ir).run(maxK: 6).verdict {
/// case .proved(let k): print("inductive at k = \(k)")
/// case .violated(let counterexample): print(counterexample.trace)
/// case .notInductive(let k, let invariant, let cti): print("'\(invariant)' not \(k)-inductive", cti)
/// }
/// ```
public struct KInduction {
    public let ir: SpecIR

    public init(_ ir: SpecIR) {
        self.ir = ir
    }

    /// The outcome of a proof attempt.
    public struct Result: Sendable {
        public enum Verdict: Sendable {
            /// Every invariant holds in every reachable state; the step case closed at this k.
            case proved(k: Int)
            /// The base case found a run that violates an invariant.
            case violated(Counterexample)
            /// The step case fails at `k`: `cti` ends in a state violating `invariant`.
            case notInductive(k: Int, invariant: String, cti: Trace)
        }
        public let verdict: Verdict
        /// Step cases tried, in order: k and whether it closed (for `--explain`).
        public let stepCases: [(k: Int, closed: Bool)]
        public let seconds: Double
    }

    /// Tries k = 0, 1, …, `maxK`. Throws like `BoundedModelChecker.run`.
    public func run(maxK: Int) throws -> Result {
        let start = Date()
        var stepCases: [(k: Int, closed: Bool)] = []
        var lastCTI: (invariant: String, trace: Trace)?
        for k in 0...max(maxK, 0) {
            let cti = try stepCase(k)
            stepCases.append((k, cti == nil))
            lastCTI = cti
            if cti == nil { break }
        }
        let k = stepCases.last!.k
        let base = try BoundedModelChecker(ir, checkDeadlock: false).run(depth: k)
        let verdict: Result.Verdict
        if case .violated(let counterexample) = base.verdict {
            verdict = .violated(counterexample)
        } else if let lastCTI {
            verdict = .notInductive(k: k, invariant: lastCTI.invariant, cti: lastCTI.trace)
        } else {
            verdict = .proved(k: k)
        }
        return Result(verdict: verdict, stepCases: stepCases, seconds: Date().timeIntervalSince(start))
    }

    /// The inductive step at `k`: nil when it holds, else the failing invariant and the CTI.
    private func stepCase(_ k: Int) throws -> (invariant: String, trace: Trace)? {
        let context = try Context()
        let solver = try Solver(context: context)
        try solver.setParameter("smt.arith.solver", 2)
        try solver.setParameter("smt.relevancy", 0)
        let encoder = try SpecEncoder(ir, context: context)
        let frames = try (0...(k + 1)).map { try encoder.frame($0, name: "cti") }
        var selectors: [Term] = []
        for (index, frame) in frames.enumerated() {
            try solver.assert(encoder.domains(frame))
            if index <= k {
                for invariant in ir.invariants.indices { try solver.assert(encoder.invariant(invariant, in: frame)) }
                let step = try encoder.transition(from: frame, to: frames[index + 1])
                try solver.assert(step.relation)
                selectors.append(step.selector)
            }
            for earlier in frames[..<index] {   // simple path: no state repeats
                let differs = try zip(earlier.allTerms, frame.allTerms).map { try $0 != $1 }
                try solver.assert(context.or(differs))
            }
        }
        let last = try ir.invariants.indices.map { try encoder.invariant($0, in: frames[k + 1]) }
        try solver.assert(context.and(last).not())
        switch try solver.check() {
        case .unsat:
            return nil
        case .unknown(let reason):
            throw SymbolicError.solver("Z3 gave up on the step case at k = \(k) (\(reason))")
        case .sat:
            let model = try solver.model()
            let failed = try last.firstIndex { try !model.bool($0) } ?? 0
            let trace = try CounterexampleDecoder(encoder: encoder, model: model).trace(frames: frames, selectors: selectors)
            return (ir.invariants[failed].name, trace)
        }
    }
}
