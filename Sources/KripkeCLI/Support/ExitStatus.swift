/// The `kripke` exit codes, which let a CI gate tell "proved" from "bounded" from "broken".
///
/// ```swift
/// throw ExitCode(ExitStatus.violated.rawValue)
/// ```
public enum ExitStatus: Int32, Sendable {
    /// Every checked property holds (exhaustively, or proved).
    case holds = 0
    /// A property is violated; a counterexample was printed.
    case violated = 1
    /// Usage error, unknown spec, bad parameter, invalid spec, unreadable file.
    case error = 2
    /// A limit was reached, or the result is only bounded.
    case incomplete = 3
}
