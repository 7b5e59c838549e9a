/// An error reported by Z3, or detected by the wrapper before it reaches Z3.
///
/// The wrapper never lets Z3 terminate the process: every failing call surfaces as
/// a thrown `SMTError`, after which the context remains usable.
///
/// ```swift
/// let ctx = try Context()
/// do {
///     _ = try ctx.boolConst("p") + ctx.intConst("x")
/// } catch let error as SMTError {
///     print(error.message)   // "Sort mismatch at argument #1 for function ..."
/// }
/// ```
public enum SMTError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Z3 rejected a call. `code` is the raw `Z3_error_code`, `message` Z3's explanation.
    case z3(code: UInt32, message: String)
    /// Terms, solvers or models of two different contexts were combined.
    case contextMismatch
    /// A model could not turn a term into the requested Swift value
    /// (no value, not a numeral, out of `Int` range, or not a Boolean constant).
    case evaluationFailed(String)
    /// libz3 could not be loaded; the associated text lists the files tried and why each failed.
    case z3Unavailable(String)

    /// A human-readable explanation of the error.
    public var message: String {
        switch self {
        case .z3(_, let message):
            return message
        case .contextMismatch:
            return "terms from different Z3 contexts cannot be combined"
        case .evaluationFailed(let message):
            return message
        case .z3Unavailable(let attempts):
            return "Z3 could not be loaded: \(attempts). Install it (Debian/Ubuntu: sudo apt-get install libz3-4, "
                + "or libz3-dev; macOS: brew install z3), or set KRIPKE_LIBZ3 to the path of libz3"
        }
    }

    public var description: String { "SMTError: \(message)" }
}
