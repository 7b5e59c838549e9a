/// What one engine run concluded about one spec instance, in the one form every report renders
/// from: the verdict, one entry per property, the trace that shows it (if any), the options and
/// statistics by name, the reductions used, and warnings. The `Verification` module builds it from
/// the results of `check`, `bmc` and `prove`; text, JSON, JUnit, SARIF and the charts read nothing else.
///
/// ```swift
/// let options = SearchOptions()
/// let outcome = Outcome(try BreadthFirstSearch(ir, options: options).run(), ir: ir, options: options)   // Verification
/// print(outcome.verdict.name)                      // "violated"
/// print(outcome.properties.map(\.displayName))     // ["invariant 'mutual exclusion'", "deadlock freedom"]
/// if let run = outcome.trace { print(run.kind, run.trace.length) }
/// ```
public struct Outcome: Sendable {
    /// The command that ran (`check`, `bmc`, `prove`), as the text header and reports name it.
    public let command: String
    /// The engine, as the JSON names it (`explorer`, `bmc`, `k-induction`).
    public let engine: String
    /// How the engine searched, for the text header (e.g. "explorer, breadth-first, partial-order reduction").
    public let method: String
    public let spec: String
    public let parameters: [String: Int]
    /// Where the spec is declared (reports locate deadlock and incomplete results there).
    public let specLocation: SourceLocation?
    public var verdict: OutcomeVerdict
    /// What the verdict means for this run, in a sentence (the text after "Result: VERDICT — ").
    public var summary: String
    /// Every property the run checked, in report order: invariants, lemmas, deadlock freedom.
    public var properties: [PropertyOutcome]
    /// The run that shows the verdict: a counterexample, a counterexample to induction, or the
    /// run to a state the engine could not go past.
    public var trace: OutcomeTrace?
    /// The options the engine ran with, by name.
    public var options: [Statistic]
    /// The engine's figures, by name (states, transitions, depth, seconds, …).
    public var statistics: [Statistic]
    /// The reductions the run used, e.g. "partial-order reduction", "symmetry (p)".
    public var reductions: [String]
    /// Further text lines the engine reports after the result (statistics, proof obligations).
    public var details: [String]
    /// Text lines after the trace (e.g. candidate lemmas for a counterexample to induction).
    public var notes: [String]
    /// Engine-specific members of the JSON result beyond the common ones (e.g. `k`, `candidateLemmas`).
    public var extensions: [Statistic]
    /// Things the user should know that do not change the verdict (an action no reachable state
    /// enables, a report not written): on stderr and in the JSON's `warnings`.
    public var warnings: [String]

    public init(command: String, engine: String, method: String, spec: String, parameters: [String: Int],
                specLocation: SourceLocation?, verdict: OutcomeVerdict, summary: String,
                properties: [PropertyOutcome], trace: OutcomeTrace? = nil, options: [Statistic] = [],
                statistics: [Statistic] = [], reductions: [String] = [], details: [String] = [],
                notes: [String] = [], extensions: [Statistic] = [], warnings: [String] = []) {
        self.command = command
        self.engine = engine
        self.method = method
        self.spec = spec
        self.parameters = parameters
        self.specLocation = specLocation
        self.verdict = verdict
        self.summary = summary
        self.properties = properties
        self.trace = trace
        self.options = options
        self.statistics = statistics
        self.reductions = reductions
        self.details = details
        self.notes = notes
        self.extensions = extensions
        self.warnings = warnings
    }

    /// An error that ended the run before a verdict (a modelling error in the spec, a solver
    /// failure), with the run that reaches it when there is one.
    ///
    /// ```swift
    /// let outcome = Outcome.error("modelling error in send: index 3 out of range", command: "check",
    ///                             engine: "explorer", spec: ir)
    /// ```
    public static func error(_ message: String, command: String, engine: String, spec: SpecIR,
                             trace: Trace? = nil) -> Outcome {
        Outcome(command: command, engine: engine, method: engine, spec: spec.name, parameters: spec.parameters,
                specLocation: spec.location, verdict: .error(message), summary: message,
                properties: PropertyOutcome.all(of: spec, deadlock: false, verdict: .unknown),
                trace: trace.map { OutcomeTrace(kind: .toError, trace: $0, description: message) })
    }

    /// The spec and its parameters as reports title them: `paxos (B=2, N=3)`.
    public var title: String {
        guard !parameters.isEmpty else { return spec }
        return spec + " (" + parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            .joined(separator: ", ") + ")"
    }

    /// The statistic named `name`, if the engine reported it.
    public func statistic(_ name: String) -> Statistic.Value? {
        statistics.first { $0.name == name }?.value
    }

    /// How long the run took, as its `seconds` statistic says (0 when it reports none).
    public var seconds: Double {
        if case .number(let seconds)? = statistic("seconds") { return seconds }
        return 0
    }
}
