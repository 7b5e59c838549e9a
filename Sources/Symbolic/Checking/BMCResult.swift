import Kripke

/// A property that fails, with the run that shows it (replayed on the explorer).
///
/// ```swift
/// if case .violated(let counterexample) = result.verdict {
///     print(counterexample.property, counterexample.trace.length)   // "invariant 'mutual exclusion'" 8
/// }
/// ```
public struct Counterexample: Sendable {
    public enum Property: Sendable, Equatable {
        case invariant(String)
        /// A step executed the `Assert` with this message with a false condition (the last step).
        case assertion(String)
        case deadlock
    }
    public let property: Property
    public let trace: Trace

    /// The property as reports name it, the explorer's wording.
    public var description: String {
        switch property {
        case .invariant(let name): return "invariant '\(name)'"
        case .assertion(let message): return "assertion '\(message)'"
        case .deadlock: return "deadlock freedom"
        }
    }
}

/// A reachable state in which a send finds the network full: the explorer does not take that step
/// and reports its search incomplete ("network capacity reached"), so no engine may claim more.
///
/// ```swift
/// if case .networkFull(let overflow, _) = result.verdict {
///     print(overflow.action, overflow.process, overflow.trace.length)   // "send" "p0" 1
/// }
/// ```
public struct NetworkOverflow: Sendable {
    /// A run (replayed on the explorer) whose last state has the overflowing send.
    public let trace: Trace
    /// The action whose send finds the network full, and the process taking it.
    public let action: String
    public let process: String
}

/// The outcome of bounded model checking.
///
/// ```swift
/// let result = try BoundedModelChecker(ir).run(depth: 12)
/// switch result.verdict {
/// case .violated(let c): print(c.trace)
/// case .holdsToDepth(let k): print("no violation in runs of up to \(k) steps")
/// case .timedOut(let k): print("out of time; no violation in runs of up to \(k) steps")
/// case .networkFull(let overflow, let k): print("incomplete: the network is full after \(overflow.trace.length) steps")
/// }
/// ```
public struct BMCResult: Sendable {
    public enum Verdict: Sendable {
        /// A shortest counterexample (no run of fewer steps violates a property).
        case violated(Counterexample)
        /// No property fails in any run of at most this many steps.
        case holdsToDepth(Int)
        /// The time limit ran out (or the run was cancelled: `statistics.cancelled`) while checking the
        /// next depth; no property fails in any run of at most `checked` steps (−1: not even the
        /// initial state was checked).
        case timedOut(checked: Int)
        /// No property fails in any run of at most `checked` steps, but a send finds the network
        /// full within that depth: the runs beyond it are missing, so the check is incomplete.
        case networkFull(NetworkOverflow, checked: Int)
    }
    public let verdict: Verdict
    public let statistics: BMCStatistics
}

/// Figures of a BMC run.
///
/// ```swift
/// print(result.statistics.secondsPerDepth)   // cumulative solver time after each depth
/// ```
public struct BMCStatistics: Sendable, Equatable {
    /// Deepest frame checked.
    public var depth = 0
    /// Action instances the step selector chooses from.
    public var instances = 0
    /// Messages (sender, receiver, payload) that can be in flight; one counter or queue entry each.
    public var messageKeys = 0
    /// Pairs of instances whose order partial-order reduction fixes when they are adjacent.
    public var commutingPairs = 0
    public var seconds = 0.0
    /// The run was cancelled (SIGINT/SIGTERM), not stopped by its time limit.
    public var cancelled = false
    /// Elapsed time when each depth was finished (index = depth).
    public var secondsPerDepth: [Double] = []

    public init() {}
}
