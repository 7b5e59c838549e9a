import SMT

extension CLIError {
    /// The error a symbolic command reports when Z3 fails: Z3's message after "Z3 failed:", or,
    /// when libz3 could not be loaded, the files tried and how to install it.
    ///
    /// ```swift
    /// catch let error as SMTError { throw report.error(CLIError(error), spec: selection.name) }
    /// ```
    init(_ error: SMTError) {
        if case .z3Unavailable = error {
            self.init(error.message)
        } else {
            self.init("Z3 failed: \(error.message)")
        }
    }
}
