import CZ3

/// A Z3 context: the owner of every sort, term, solver and model built from it.
///
/// Creating the first context loads libz3, which Kripke does not link (when it cannot be
/// loaded, the initializer throws ``SMTError/z3Unavailable(_:)``). The context is created in
/// reference-counting mode (`Z3_mk_context_rc`) and with Z3's default error handler
/// removed, so Z3 errors never exit the process; they are thrown as ``SMTError`` instead.
/// Terms, solvers and models keep their context alive, and the context is deleted once
/// the last of them is gone.
///
/// A context is not thread-safe and therefore not `Sendable`: build terms and run
/// solvers of one context on one thread at a time. To cancel a running check from
/// another thread, use an ``Interrupter``.
///
/// ```swift
/// let ctx = try Context(timeoutMilliseconds: 5_000)
/// let x = try ctx.intConst("x@0")
/// let solver = try Solver(context: ctx)
/// try solver.assert(x > 3)
/// ```
public final class Context {
    let raw: Z3_context
    let intSortRaw: Z3_sort
    let boolSortRaw: Z3_sort

    /// Creates a context.
    ///
    /// - Parameter timeoutMilliseconds: a default timeout for every `check` of every
    ///   solver in this context; a check that runs out of time returns
    ///   `.unknown(reason:)`. `nil` means no timeout. A solver can override it
    ///   with ``Solver/setTimeout(milliseconds:)``.
    /// - Throws: ``SMTError/z3Unavailable(_:)`` when libz3 cannot be loaded.
    public init(timeoutMilliseconds: UInt32? = nil) throws {
        try Z3Library.load()
        guard let config = Z3_mk_config() else {
            throw SMTError.z3(code: 0, message: "Z3 could not create a configuration")
        }
        defer { Z3_del_config(config) }
        if let timeoutMilliseconds {
            Z3_set_param_value(config, "timeout", String(timeoutMilliseconds))
        }
        guard let raw = Z3_mk_context_rc(config) else {
            throw SMTError.z3(code: 0, message: "Z3 could not create a context")
        }
        Z3_set_error_handler(raw, nil)
        self.raw = raw
        intSortRaw = Z3_mk_int_sort(raw)
        Z3_inc_ref(raw, Z3_sort_to_ast(raw, intSortRaw))
        boolSortRaw = Z3_mk_bool_sort(raw)
        Z3_inc_ref(raw, Z3_sort_to_ast(raw, boolSortRaw))
    }

    deinit {
        Z3_dec_ref(raw, Z3_sort_to_ast(raw, intSortRaw))
        Z3_dec_ref(raw, Z3_sort_to_ast(raw, boolSortRaw))
        Z3_del_context(raw)
    }

    /// The sort of mathematical integers.
    public var intSort: Sort { Sort(context: self, raw: intSortRaw) }

    /// The sort of Booleans.
    public var boolSort: Sort { Sort(context: self, raw: boolSortRaw) }

    /// Throws the error Z3 recorded for the last call on this context, if any.
    func checkError() throws {
        let code = Z3_get_error_code(raw)
        guard code != Z3_OK else { return }
        throw SMTError.z3(code: code.rawValue, message: String(cString: Z3_get_error_msg(raw, code)))
    }

    /// Throws ``SMTError/contextMismatch`` unless every term belongs to this context.
    func requireOwned(_ terms: [Term]) throws {
        for term in terms where term.context !== self {
            throw SMTError.contextMismatch
        }
    }

    /// Runs a Z3 term constructor on the operands' ASTs and wraps its result,
    /// throwing if the operands belong to another context or Z3 reports an error.
    func makeTerm(_ operands: [Term], _ build: ([Z3_ast?]) -> Z3_ast?) throws -> Term {
        try requireOwned(operands)
        let ast = withExtendedLifetime(operands) { build(operands.map(\.ast)) }
        try checkError()
        guard let ast else {
            throw SMTError.z3(code: 0, message: "Z3 returned no term")
        }
        return Term(context: self, ast: ast)
    }
}
