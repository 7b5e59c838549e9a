import Explorer
import Kripke
import Symbolic

/// The explorer as the symbolic engine's concrete semantics: it replays every BMC and k-induction
/// counterexample (`TraceReplay`), returning its own rendition (with each step's sent messages), and enumerates an instance to establish that no send finds the
/// network full (a breadth-first search without partial-order reduction, which preserves
/// violations and deadlocks but not every state in which a channel is full).
///
/// ```swift
/// let result = try BoundedModelChecker(ir, semantics: ExplorerSemantics()).run(depth: 10)
/// ```
public struct ExplorerSemantics: ConcreteSemantics {
    public init() {}

    public func replayed(_ trace: Trace, of ir: SpecIR) throws -> Trace {
        let replay = try TraceReplay(ir).rebuild(trace)
        if case .mismatch(let step, let reason) = replay.outcome { throw SymbolicError.replayFailed("step \(step): \(reason)") }
        guard let rebuilt = replay.rebuilt else { throw SymbolicError.replayFailed("the trace does not replay") }
        return rebuilt
    }

    public func statesWithoutOverflow(of ir: SpecIR, limits: EnumerationLimits) throws -> Int? {
        var options = SearchOptions(partialOrder: false)
        options.checkDeadlock = false
        options.maxStates = limits.maxStates
        options.maxSeconds = limits.maxSeconds
        options.shouldStop = limits.isCancelled
        guard let result = try? BreadthFirstSearch(ir, options: options).run(), case .holds = result.verdict else { return nil }
        return result.statistics.states
    }
}

extension BoundedModelChecker {
    /// A bounded model checker whose counterexamples are replayed on the explorer.
    public init(_ ir: SpecIR, checkDeadlock: Bool = true) {
        self.init(ir, checkDeadlock: checkDeadlock, semantics: ExplorerSemantics())
    }
}

extension BoundedLivenessChecker {
    /// Bounded liveness whose lassos are replayed on the explorer.
    public init(_ ir: SpecIR) {
        self.init(ir, semantics: ExplorerSemantics())
    }
}

extension KInduction {
    /// k-induction whose counterexamples are replayed on the explorer.
    public init(_ ir: SpecIR) {
        self.init(ir, semantics: ExplorerSemantics())
    }
}
