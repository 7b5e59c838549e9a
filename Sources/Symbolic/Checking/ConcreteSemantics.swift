import Kripke

/// The explicit-state semantics the symbolic engine checks its answers against, supplied by the
/// caller (the `Verification` module passes the explorer's), so that `Symbolic` depends on no
/// other engine: every counterexample is replayed on it before it is returned — and returned as
/// it renders it, with each step's sent messages as executing it showed them — and k-induction
/// asks it to enumerate an instance when "no send finds the network full" is not inductive.
///
/// ```swift
/// struct Trusting: ConcreteSemantics {
///     func replayed(_ trace: Trace, of ir: SpecIR) throws -> Trace { trace }   // trusts every trace
///     func statesWithoutOverflow(of ir: SpecIR, limits: EnumerationLimits) throws -> Int? { nil }
/// }
/// let result = try BoundedModelChecker(ir, semantics: Replayer()).run(depth: 8)
/// ```
public protocol ConcreteSemantics: Sendable {
    /// `trace` as this semantics renders it when it is a run of `ir` from its initial state; throws
    /// `SymbolicError.replayFailed` saying where and why it is not (e.g. "step 3: … is not enabled").
    func replayed(_ trace: Trace, of ir: SpecIR) throws -> Trace

    /// The number of reachable states of `ir` when every one of them was enumerated within
    /// `limits` and no send in any of them finds the network full; nil otherwise.
    func statesWithoutOverflow(of ir: SpecIR, limits: EnumerationLimits) throws -> Int?
}

/// How far ``ConcreteSemantics/statesWithoutOverflow(of:limits:)`` may go.
///
/// ```swift
/// let limits = EnumerationLimits(maxStates: 1_500_000, maxSeconds: 10, isCancelled: { false })
/// ```
public struct EnumerationLimits: Sendable {
    public let maxStates: Int
    public let maxSeconds: Double?
    public let isCancelled: @Sendable () -> Bool

    public init(maxStates: Int, maxSeconds: Double?, isCancelled: @escaping @Sendable () -> Bool) {
        self.maxStates = maxStates
        self.maxSeconds = maxSeconds
        self.isCancelled = isCancelled
    }
}
