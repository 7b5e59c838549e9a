import Foundation
import Kripke
import SMT

/// k-induction over the invariants and lemmas: the base case is BMC (no violation in runs of at
/// most k steps); the inductive step asks Z3 for k+1 pairwise distinct states (the simple-path
/// constraint), each a step from the one before, all satisfying every invariant and lemma, followed
/// by a state that violates one. If there is none, they all hold in every reachable state. Lemmas
/// (`SpecBuilder.lemma`) are proved exactly like invariants and assumed in everyone's consecution,
/// which is how a user strengthens an invariant that is not inductive on its own (as in Ivy).
///
/// At the last k tried, consecution is checked once per invariant and lemma, so the result lists
/// each obligation: discharged (with the invariants and lemmas Z3 assumed for it), or failing with
/// a counterexample to induction (CTI): an ordinary trace whose first state satisfies every
/// invariant and lemma but may be unreachable. CTIs cannot be replayed from the initial state;
/// base-case counterexamples are replayed like BMC's.
///
/// A send into a full network makes the explorer's search incomplete, so it must not be proved
/// away: the base case reports one reachable within k steps (`.networkFull`), and the step case
/// assumes none in its first k+1 states, which is sound only once no reachable state has one
/// (``capacityObligation``): proved k-inductive with the invariants, or else established by the
/// explorer enumerating the instance (``Capacity/explored(states:)``). When neither succeeds the
/// verdict is `.notInductive` for that obligation.
///
/// ```swift
/// let result = try KInduction(ir, semantics: ExplorerSemantics()).run(maxK: 6)
/// switch result.verdict {
/// case .proved(let k): print("inductive at k = \(k)")
/// case .violated(let counterexample): print(counterexample.trace)
/// case .notInductive(let k, let invariant, let cti): print("'\(invariant)' not \(k)-inductive", cti)
/// }
/// for obligation in result.consecution where !obligation.holds { print(obligation.property) }
/// ```
public struct KInduction {
    public let ir: SpecIR
    /// What base-case counterexamples are replayed on, and what enumerates an instance when the
    /// capacity obligation is not inductive.
    public let semantics: any ConcreteSemantics
    /// Wall-clock limit for the whole run; when it runs out the verdict is `.stopped(interrupted: false)`.
    public var maxSeconds: Double?
    /// Stops the run early (SIGINT/SIGTERM in `kripke`): the verdict is then `.stopped(interrupted: true)`.
    public var cancellation: Cancellation?

    /// The name a `.notInductive` verdict gives the obligation that no send finds the network full.
    public static let capacityObligation = "no send finds the network full"

    public init(_ ir: SpecIR, semantics: any ConcreteSemantics) {
        self.ir = ir
        self.semantics = semantics
    }

    /// The outcome of a proof attempt.
    public struct Result: Sendable {
        public enum Verdict: Sendable {
            /// Every invariant and lemma holds in every reachable state; the step case closed at this k.
            case proved(k: Int)
            /// The base case found a run that violates an invariant or lemma.
            case violated(Counterexample)
            /// The step case fails at `k`: `cti` ends in a state violating `invariant` (the first
            /// failing invariant or lemma in declaration order).
            case notInductive(k: Int, invariant: String, cti: Trace)
            /// The base case found a run to a state where a send finds the network full: the model's
            /// runs are cut short there, so nothing is proved (the explorer says incomplete).
            case networkFull(NetworkOverflow)
            /// The time limit ran out (or the run was interrupted) before a verdict; `stepCases` lists
            /// the step cases finished.
            case stopped(interrupted: Bool)
        }
        public let verdict: Verdict
        /// Step cases tried, in order: k and whether it closed (for `--explain`).
        public let stepCases: [(k: Int, closed: Bool)]
        /// Consecution at the last k tried, one entry per invariant and lemma, in declaration order.
        public let consecution: [Consecution]
        /// How the step case's assumption that no send finds the network full was established.
        public let capacity: Capacity
        public let seconds: Double
    }

    /// How ``capacityObligation`` was discharged.
    ///
    /// ```swift
    /// if case .explored(let states) = result.capacity { print("no overflow in \(states) reachable states") }
    /// ```
    public enum Capacity: Sendable, Equatable {
        /// k-inductive together with the invariants and lemmas.
        case inductive
        /// Not inductive, but the explorer enumerated every reachable state (this many): no send overflows.
        case explored(states: Int)
        /// Neither, or not tried because an invariant or lemma is not inductive (the verdict says why).
        case unproved
    }

    /// The most states the explorer enumerates to establish ``capacityObligation`` when it is not
    /// inductive (Raft N=3 T=2 has 1,047,610; 53 s in a debug build, 4 s in release).
    public var capacityStates = 1_500_000

    /// The consecution obligation of one invariant or lemma at the last k tried.
    ///
    /// ```swift
    /// // Consecution(property: "agreement", isLemma: false, holds: true, uses: ["accepted in a quorum"])
    /// ```
    public struct Consecution: Sendable, Equatable {
        public let property: String
        public let isLemma: Bool
        /// No run of k+1 states satisfying everything steps to a state violating it.
        public let holds: Bool
        /// The other invariants and lemmas Z3 assumed to discharge it (sufficient; minimal when asked).
        public let uses: [String]
    }

    /// Tries k = 0, 1, …, `maxK`. With `minimalCores`, each discharged obligation lists only
    /// lemmas its proof cannot do without (Z3's core minimisation: 3–5× slower; for `--explain`).
    /// Throws like `BoundedModelChecker.run`; `SymbolicError.unsupported` for a spec with `Assert`
    /// statements (k-induction does not check assertions: `bmc` and `check` do).
    public func run(maxK: Int, minimalCores: Bool = false) throws -> Result {
        guard !ir.hasAssertions else {
            throw SymbolicError.unsupported("Assert statements ('\(ir.assertions[0].message)'): prove does not check "
                                            + "assertions yet; check them with 'kripke check' or 'kripke bmc'")
        }
        let start = Date()
        var stepCases: [(k: Int, closed: Bool)] = []
        do {
            return try prove(maxK: maxK, minimalCores: minimalCores, start: start, stepCases: &stepCases)
        } catch let exhausted as Budget.Exhausted {
            return Result(verdict: .stopped(interrupted: exhausted.cancelled), stepCases: stepCases, consecution: [],
                          capacity: .unproved, seconds: Date().timeIntervalSince(start))
        }
    }

    private func prove(maxK: Int, minimalCores: Bool, start: Date, stepCases: inout [(k: Int, closed: Bool)]) throws -> Result {
        let budget = Budget(maxSeconds: maxSeconds, cancellation: cancellation, start: start)
        var query = try StepCaseQuery(ir, k: 0, minimalCores: minimalCores, budget: budget)
        while true {
            let closed = try query.anyFails() == nil
            stepCases.append((query.k, closed))
            if closed || query.k >= maxK { break }
            query = try StepCaseQuery(ir, k: query.k + 1, minimalCores: minimalCores, budget: budget)
        }
        var consecution: [Consecution] = []
        var firstCTI: (invariant: String, trace: Trace)?
        for (index, property) in ir.invariants.enumerated() {
            let (cti, uses) = try query.consecution(of: index)
            consecution.append(Consecution(property: property.name, isLemma: property.isLemma, holds: cti == nil,
                                           uses: uses.map { ir.invariants[$0].name }))
            if let cti, firstCTI == nil { firstCTI = (property.name, cti) }
        }
        var capacity = Capacity.inductive
        if firstCTI != nil {
            capacity = .unproved   // not inductive anyway: the explorer's enumeration would be wasted
        } else if let cti = try query.overflowConsecution() {
            capacity = try exploredWithoutOverflow(budget).map { .explored(states: $0) } ?? .unproved
            if capacity == .unproved { firstCTI = (Self.capacityObligation, cti) }
        }
        var baseChecker = BoundedModelChecker(ir, checkDeadlock: false, semantics: semantics)
        baseChecker.maxSeconds = budget.deadline.map { max($0.timeIntervalSinceNow, 0.001) }
        baseChecker.cancellation = cancellation
        let base = try baseChecker.run(depth: query.k)
        if case .timedOut = base.verdict { throw Budget.Exhausted(cancelled: base.statistics.cancelled) }
        let verdict: Result.Verdict
        if case .violated(let counterexample) = base.verdict {
            verdict = .violated(counterexample)
        } else if case .networkFull(let overflow, _) = base.verdict {
            verdict = .networkFull(overflow)
        } else if let firstCTI {
            verdict = .notInductive(k: query.k, invariant: firstCTI.invariant, cti: firstCTI.trace)
        } else {
            verdict = .proved(k: query.k)
        }
        return Result(verdict: verdict, stepCases: stepCases, consecution: consecution, capacity: capacity,
                      seconds: Date().timeIntervalSince(start))
    }

    /// The number of reachable states when the explorer enumerates them all (within
    /// ``capacityStates``) and no send in any of them finds the network full; nil otherwise.
    private func exploredWithoutOverflow(_ budget: Budget) throws -> Int? {
        var plain = ir
        plain.invariants = []
        let cancellation = cancellation
        let limits = EnumerationLimits(maxStates: capacityStates,
                                       maxSeconds: budget.deadline.map { max($0.timeIntervalSinceNow, 0.001) },
                                       isCancelled: { cancellation?.isCancelled ?? false })
        let states = try? semantics.statesWithoutOverflow(of: plain, limits: limits)
        if states == nil { try budget.requireLeft() }
        return states ?? nil
    }

    /// Whether consecution of invariant or lemma `index` holds at `k`, every other invariant and
    /// lemma assumed: how `--explain` tells whether a candidate lemma would close a failing step.
    ///
    /// ```swift
    /// let closes = try KInduction(strengthened, semantics: ExplorerSemantics()).consecutionHolds(of: 0, k: 0)
    /// ```
    public func consecutionHolds(of index: Int, k: Int) throws -> Bool {
        try StepCaseQuery(ir, k: k).consecution(of: index).cti == nil
    }
}
