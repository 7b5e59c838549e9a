import Kripke

/// The outcome of checking a spec: the verdict and the statistics of the search.
///
/// ```swift
/// let result = try Explorer.check(ir)
/// switch result.verdict {
/// case .holds: print("all invariants hold in \(result.statistics.states) states")
/// case .violated(let violation): print(violation.trace)
/// case .incomplete(let reason): print("incomplete: \(reason)")
/// }
/// ```
public struct CheckResult: Sendable {
    public let verdict: Verdict
    public let statistics: SearchStatistics
    /// Whether a counterexample is known to be a shortest one: always without partial-order
    /// reduction (breadth-first search), and with it only after the `shortestCounterexample` re-search.
    public let counterexampleIsShortest: Bool

    public init(verdict: Verdict, statistics: SearchStatistics, counterexampleIsShortest: Bool = true) {
        self.verdict = verdict
        self.statistics = statistics
        self.counterexampleIsShortest = counterexampleIsShortest
    }
}

/// What a check concluded.
///
/// ```swift
/// if case .violated(let v) = verdict { print(v.property, v.trace.length) }
/// ```
public enum Verdict: Sendable, Equatable {
    /// Every property holds in every reachable state (the search was exhaustive).
    case holds
    /// A property fails; the trace is a run that shows it (a shortest one unless partial-order
    /// reduction found it: see `CheckResult.counterexampleIsShortest`).
    case violated(Violation)
    /// A limit ended the search (or the network capacity was reached) before it was exhaustive.
    case incomplete(reason: String)
}

/// A property failure with the run that shows it.
///
/// ```swift
/// print(violation.property)   // "invariant 'mutual exclusion'"
/// ```
public struct Violation: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case invariant(String)
        /// The trace's last step executed the `Assert` with this message with a false condition.
        case assertion(String)
        case deadlock
    }
    public let kind: Kind
    public let trace: Trace

    public init(kind: Kind, trace: Trace) {
        self.kind = kind
        self.trace = trace
    }

    /// The property's name as reports show it.
    public var property: String {
        switch kind {
        case .invariant(let name): return "invariant '\(name)'"
        case .assertion(let message): return "assertion '\(message)'"
        case .deadlock: return "deadlock freedom"
        }
    }
}

/// A modelling error met while running a step (a value outside its domain, an index out of
/// range, a variable written twice): the spec is wrong, not the algorithm. Carries the run
/// that reaches it.
///
/// ```swift
/// catch let error as ModelFault { print(error.message, error.trace.length) }
/// ```
public struct ModelFault: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let action: String
    public let trace: Trace

    public var description: String { "modelling error in \(action): \(message)" }
}
