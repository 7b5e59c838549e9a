import CZ3

/// libz3, loaded at run time: Kripke's binaries do not link it, so that commands without Z3
/// (the explorer) run on machines where it is not installed.
///
/// ``Context/init(timeoutMilliseconds:)`` loads it before its first Z3 call, so a missing or
/// unusable libz3 surfaces as ``SMTError/z3Unavailable(_:)`` instead of a loader error at start.
///
/// ```swift
/// try Z3Library.load()   // throws SMTError.z3Unavailable("tried libz3.so.4 (…), libz3.so (…)")
/// ```
enum Z3Library {
    /// Loads libz3 (`$KRIPKE_LIBZ3` when set, else the usual file names) and resolves every Z3
    /// function the wrapper calls. Thread-safe; only the first call loads, later ones return
    /// its outcome.
    static func load() throws {
        if let failure = kripke_z3_load() {
            throw SMTError.z3Unavailable(String(cString: failure))
        }
    }
}
