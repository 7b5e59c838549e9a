/// One property a run checked, and what the run concluded about it.
///
/// ```swift
/// let property = PropertyOutcome(name: "mutual exclusion", kind: .invariant, verdict: .violated)
/// print(property.displayName)   // "invariant 'mutual exclusion'"
/// ```
public struct PropertyOutcome: Sendable, Equatable {
    /// What kind of property it is.
    public enum Kind: String, Sendable {
        case invariant, lemma, deadlock, liveness
        /// The `Assert` statements with one message (`SpecIR.assertions`).
        case assertion
    }

    /// What the run concluded about the property.
    public enum Verdict: Sendable, Equatable {
        case holds
        case proved
        case violated
        /// Holds in every run of at most this many steps.
        case holdsToDepth(Int)
        /// Its inductive step fails (a counterexample to induction ends in a state violating it).
        case notInductive
        /// It held in every state the random runs of a simulation visited (not a proof).
        case noViolationFound
        /// Not settled: the run stopped first (at another property's violation, or a limit).
        case unknown

        /// The verdict as the JSON result names it.
        public var name: String {
            switch self {
            case .holds: "holds"
            case .proved: "proved"
            case .violated: "violated"
            case .holdsToDepth: "holds-to-depth"
            case .notInductive: "not-inductive"
            case .noViolationFound: "no-violation-found"
            case .unknown: "unknown"
            }
        }
    }

    /// The property's own name (an invariant's or lemma's declared name; "deadlock freedom").
    public let name: String
    public let kind: Kind
    public var verdict: Verdict
    /// Where the property is declared (none for deadlock freedom).
    public let location: SourceLocation?
    /// Time spent on this property alone, where the engine knows it.
    public var seconds: Double?
    /// For a violated invariant: the instance that falsifies it in the trace's last state.
    public var falsifiedBy: FalsifyingInstance?

    public init(name: String, kind: Kind, verdict: Verdict, location: SourceLocation? = nil, seconds: Double? = nil) {
        self.name = name
        self.kind = kind
        self.verdict = verdict
        self.location = location
        self.seconds = seconds
    }

    /// The name reports show: `invariant 'mutual exclusion'`, `lemma 'acks'`, `assertion 'bounded'`,
    /// `deadlock freedom`.
    public var displayName: String {
        kind == .deadlock ? name : "\(kind.rawValue) '\(name)'"
    }

    /// The name of deadlock freedom as a property.
    public static let deadlockFreedom = "deadlock freedom"

    /// The spec's invariants and lemmas in declaration order, then its assertions, then deadlock
    /// freedom when checked, each with `verdict`.
    public static func all(of ir: SpecIR, deadlock: Bool, verdict: Verdict) -> [PropertyOutcome] {
        var list = ir.invariants.map {
            PropertyOutcome(name: $0.name, kind: $0.isLemma ? .lemma : .invariant, verdict: verdict, location: $0.location)
        }
        list += ir.assertions.map { PropertyOutcome(name: $0.message, kind: .assertion, verdict: verdict, location: $0.location) }
        if deadlock { list.append(PropertyOutcome(name: deadlockFreedom, kind: .deadlock, verdict: verdict)) }
        return list
    }
}
