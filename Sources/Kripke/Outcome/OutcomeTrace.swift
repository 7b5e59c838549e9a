/// The run an outcome shows, with what kind of run it is and how reports introduce it.
///
/// ```swift
/// if let run = outcome.trace, run.kind == .counterexample {
///     print(run.heading)       // "Counterexample (8 steps, shortest):"
///     print(run.conclusion)    // "⇒ invariant 'mutual exclusion' is violated in the last state."
/// }
/// ```
public struct OutcomeTrace: Sendable {
    /// What the run shows.
    public enum Kind: String, Sendable {
        /// A run from the initial state to a state violating a property.
        case counterexample
        /// A run whose first state satisfies every invariant and lemma (maybe unreachable) and
        /// whose last state violates one: the inductive step fails.
        case counterexampleToInduction = "counterexample-to-induction"
        /// A run from the initial state to a state where a send finds the network full: the runs
        /// beyond it are missing, so the check is incomplete.
        case toFullNetwork = "to-full-network"
        /// A run from the initial state to a state where a step meets a modelling error.
        case toError = "to-error"
        /// An infinite fair run violating a liveness property: a prefix, then a cycle repeated
        /// forever (`Trace.loop`).
        case lasso
    }

    public let kind: Kind
    public let trace: Trace
    /// The property it violates, as reports name it (`invariant 'agreement'`), if any.
    public let property: String?
    /// Whether no shorter run shows the same (nil when not known).
    public let isShortest: Bool?
    /// One line that introduces the trace in the text report.
    public let heading: String
    /// The line after the trace that says what it shows.
    public let conclusion: String
    /// The description ITF files carry (`invariant 'agreement' violated`).
    public let description: String
    /// Where each step's action is declared (`stepLocations[k]` for `trace.steps[k]`; nil for
    /// steps of the network, such as losing a message); empty when not known.
    public let stepLocations: [SourceLocation?]

    public init(kind: Kind, trace: Trace, property: String? = nil, isShortest: Bool? = nil,
                heading: String? = nil, conclusion: String? = nil, description: String,
                stepLocations: [SourceLocation?] = []) {
        self.kind = kind
        self.stepLocations = stepLocations
        self.trace = trace
        self.property = property
        self.isShortest = isShortest
        let steps = "\(trace.length) step\(trace.length == 1 ? "" : "s")"
        self.heading = heading ?? "Run (\(steps)):"
        self.conclusion = conclusion ?? property.map { "⇒ \($0) is violated in the last state." } ?? ""
        self.description = description
    }
}
