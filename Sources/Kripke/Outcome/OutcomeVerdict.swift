/// What a run concluded, over all its properties. Each engine reaches some of these: the explorer
/// `holds`, `violated` or `incomplete`; BMC `violated`, `holdsToDepth` or `incomplete`; k-induction
/// `proved`, `violated`, `notInductive` or `incomplete`; random simulation `noViolationFound`,
/// `violated` or `incomplete`; any of them `error`.
///
/// ```swift
/// switch outcome.verdict {
/// case .holds, .proved: print("correct")
/// case .violated: print(outcome.trace!.trace)
/// default: print(outcome.verdict.label)
/// }
/// ```
public enum OutcomeVerdict: Sendable, Equatable {
    /// Every property holds in every reachable state: the search was exhaustive.
    case holds
    /// Every property holds in every reachable state, by a k-inductive proof.
    case proved(k: Int)
    /// A property fails; the outcome's trace shows how.
    case violated
    /// No property fails in any run of at most this many steps (bounded, not a proof).
    case holdsToDepth(Int)
    /// The inductive step fails at `k`; the outcome's trace is a counterexample to induction.
    case notInductive(k: Int)
    /// No property failed in any of `runs` random runs of at most `depth` steps each (random
    /// simulation: evidence, not a proof — the runs not taken may break one).
    case noViolationFound(runs: Int, depth: Int)
    /// A limit, an interrupt or a full network ended the run before it settled every property.
    case incomplete(reason: String)
    /// The run could not be carried out (a modelling error, a solver failure).
    case error(String)

    /// The verdict as the JSON result names it.
    public var name: String {
        switch self {
        case .holds: "holds"
        case .proved: "proved"
        case .violated: "violated"
        case .holdsToDepth: "holds-to-depth"
        case .notInductive: "not-inductive"
        case .noViolationFound: "no-violation-found"
        case .incomplete: "incomplete"
        case .error: "error"
        }
    }

    /// The verdict as the text result's headline says it: `HOLDS UP TO DEPTH 10`.
    public var label: String {
        switch self {
        case .holds: "HOLDS"
        case .proved: "PROVED"
        case .violated: "VIOLATED"
        case .holdsToDepth(let depth): "HOLDS UP TO DEPTH \(depth)"
        case .notInductive(let k): "NOT INDUCTIVE at k = \(k)"
        case .noViolationFound(let runs, let depth):
            "NO VIOLATION FOUND in \(runs) random run\(runs == 1 ? "" : "s") of up to \(depth) step\(depth == 1 ? "" : "s")"
        case .incomplete: "INCOMPLETE"
        case .error: "ERROR"
        }
    }

    /// Why the run is incomplete, for `incomplete` (and the error's message for `error`).
    public var reason: String? {
        switch self {
        case .incomplete(let reason): reason
        case .error(let message): message
        default: nil
        }
    }
}
