/// Why the symbolic engine could not give a verdict.
///
/// ```swift
/// do { _ = try BoundedModelChecker(ir).run(depth: 10) }
/// catch let error as SymbolicError { print(error) }   // "unsupported by the symbolic engine: …"
/// ```
public enum SymbolicError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The spec uses an IR feature the encoder does not translate (yet); nothing was encoded wrongly.
    case unsupported(String)
    /// Z3 failed, or gave up (timeout, interrupt, incompleteness).
    case solver(String)
    /// A counterexample did not replay on the explorer: a bug in one of the two engines.
    case replayFailed(String)

    public var description: String {
        switch self {
        case .unsupported(let what): return "unsupported by the symbolic engine: \(what)"
        case .solver(let message): return "the SMT solver failed: \(message)"
        case .replayFailed(let message): return "internal error: the symbolic counterexample does not replay on the explorer: \(message)"
        }
    }
}
