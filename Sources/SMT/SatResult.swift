/// The outcome of a satisfiability check.
///
/// ```swift
/// switch try solver.check() {
/// case .sat: print(try solver.model())
/// case .unsat: print("no counterexample")
/// case .unknown(let reason): print("gave up: \(reason)")   // e.g. "timeout", "interrupted"
/// }
/// ```
public enum SatResult: Equatable, Sendable {
    /// The assertions (and assumptions) are satisfiable; a model is available.
    case sat
    /// The assertions (and assumptions) are unsatisfiable; with assumptions, an
    /// unsat core is available.
    case unsat
    /// Z3 gave up, for example on a timeout or an interrupt; `reason` is Z3's explanation.
    case unknown(reason: String)
}
