import CZ3

/// An incremental Z3 solver: assert constraints, check, read a model or an unsat core.
///
/// Assertions can be scoped with ``push()`` and ``pop(_:)``, and a check can be made
/// under extra assumptions without asserting them, which is what bounded model
/// checking and k-induction need to reuse one solver across bounds.
///
/// ```swift
/// let ctx = try Context()
/// let solver = try Solver(context: ctx)
/// let x = try ctx.intConst("x"), y = try ctx.intConst("y")
/// try solver.assert(x + y == 10)
/// try solver.assert(x > y)
/// try solver.setTimeout(milliseconds: 2_000)
/// if try solver.check() == .sat {
///     let model = try solver.model()
///     print(try model.int(x), try model.int(y))
/// }
/// let property = try ctx.boolConst("p")
/// if try solver.check(assuming: [property]) == .unsat {
///     let core = try solver.unsatCore()   // a subset of the assumptions
/// }
/// ```
public final class Solver: CustomStringConvertible {
    /// The context this solver belongs to (kept alive by the solver).
    public let context: Context
    private let raw: Z3_solver

    /// Creates a general-purpose solver (`Z3_mk_solver`) in `context`.
    public init(context: Context) throws {
        let solver = Z3_mk_solver(context.raw)
        try context.checkError()
        guard let solver else {
            throw SMTError.z3(code: 0, message: "Z3 could not create a solver")
        }
        self.context = context
        raw = solver
        Z3_solver_inc_ref(context.raw, solver)
        // Z3 otherwise installs its own SIGINT handler during each check, which cancels the check
        // behind the program's back (and replaces the program's handler while it runs).
        try setParameter("ctrl_c", false)
    }

    deinit {
        Z3_solver_dec_ref(context.raw, raw)
    }

    /// Adds the Boolean `constraint` to the current scope.
    public func assert(_ constraint: Term) throws {
        try context.requireOwned([constraint])
        withExtendedLifetime(constraint) { Z3_solver_assert(context.raw, raw, constraint.ast) }
        try context.checkError()
    }

    /// Opens a scope: assertions made after it are removed by the matching ``pop(_:)``.
    public func push() throws {
        Z3_solver_push(context.raw, raw)
        try context.checkError()
    }

    /// Closes the `levels` innermost scopes, removing their assertions.
    /// Throws when fewer than `levels` scopes are open.
    public func pop(_ levels: Int = 1) throws {
        guard levels >= 0, levels <= scopeDepth else {
            throw SMTError.z3(
                code: Z3_IOB.rawValue,
                message: "cannot pop \(levels) scopes: only \(scopeDepth) are open"
            )
        }
        Z3_solver_pop(context.raw, raw, UInt32(levels))
        try context.checkError()
    }

    /// The number of scopes currently open with ``push()``.
    public var scopeDepth: Int { Int(Z3_solver_get_num_scopes(context.raw, raw)) }

    /// Checks whether the assertions are satisfiable.
    public func check() throws -> SatResult {
        let result = Z3_solver_check(context.raw, raw)
        return try satResult(result)
    }

    /// Checks whether the assertions together with the Boolean `assumptions` are
    /// satisfiable, without asserting the assumptions. Assumptions should be
    /// Boolean constants or their negations; after `.unsat`, ``unsatCore()`` tells
    /// which of them were needed.
    public func check(assuming assumptions: [Term]) throws -> SatResult {
        try context.requireOwned(assumptions)
        let result = withExtendedLifetime(assumptions) {
            let asts: [Z3_ast?] = assumptions.map(\.ast)
            return Z3_solver_check_assumptions(context.raw, raw, UInt32(asts.count), asts)
        }
        return try satResult(result)
    }

    private func satResult(_ result: Z3_lbool) throws -> SatResult {
        try context.checkError()
        switch result {
        case Z3_L_TRUE:
            return .sat
        case Z3_L_FALSE:
            return .unsat
        default:
            return .unknown(reason: String(cString: Z3_solver_get_reason_unknown(context.raw, raw)))
        }
    }

    /// The model of the last check; throws unless that check returned `.sat`.
    public func model() throws -> Model {
        let model = Z3_solver_get_model(context.raw, raw)
        try context.checkError()
        guard let model else {
            throw SMTError.z3(code: 0, message: "Z3 returned no model")
        }
        return Model(context: context, raw: model)
    }

    /// The assumptions of the last ``check(assuming:)`` that returned `.unsat` and
    /// suffice for unsatisfiability. Find a given assumption in it with
    /// ``Term/isIdentical(to:)``.
    public func unsatCore() throws -> [Term] {
        let vector = Z3_solver_get_unsat_core(context.raw, raw)
        try context.checkError()
        guard let vector else {
            throw SMTError.z3(code: 0, message: "Z3 returned no unsat core")
        }
        Z3_ast_vector_inc_ref(context.raw, vector)
        defer { Z3_ast_vector_dec_ref(context.raw, vector) }
        let count = Z3_ast_vector_size(context.raw, vector)
        return (0..<count).map { Term(context: context, ast: Z3_ast_vector_get(context.raw, vector, $0)) }
    }

    /// Makes each later check give up with `.unknown(reason:)` after `milliseconds`.
    public func setTimeout(milliseconds: UInt32) throws {
        try setParameter("timeout", milliseconds)
    }

    /// Sets the unsigned-integer solver parameter `name`, for example `"random_seed"`.
    /// Throws when the solver has no such parameter or it has another type.
    public func setParameter(_ name: String, _ value: UInt32) throws {
        try updateParameters { Z3_params_set_uint(context.raw, $0, Z3_mk_string_symbol(context.raw, name), value) }
    }

    /// Sets the Boolean solver parameter `name`, for example `"core.minimize"`.
    /// Throws when the solver has no such parameter or it has another type.
    public func setParameter(_ name: String, _ value: Bool) throws {
        try updateParameters { Z3_params_set_bool(context.raw, $0, Z3_mk_string_symbol(context.raw, name), value) }
    }

    /// Builds a parameter set with `fill`, validates it against this solver's
    /// parameter descriptions and installs it.
    private func updateParameters(_ fill: (Z3_params) -> Void) throws {
        guard let params = Z3_mk_params(context.raw) else {
            try context.checkError()
            throw SMTError.z3(code: 0, message: "Z3 could not create a parameter set")
        }
        Z3_params_inc_ref(context.raw, params)
        defer { Z3_params_dec_ref(context.raw, params) }
        fill(params)
        guard let descriptions = Z3_solver_get_param_descrs(context.raw, raw) else {
            try context.checkError()
            throw SMTError.z3(code: 0, message: "Z3 returned no parameter descriptions")
        }
        Z3_param_descrs_inc_ref(context.raw, descriptions)
        defer { Z3_param_descrs_dec_ref(context.raw, descriptions) }
        Z3_params_validate(context.raw, params, descriptions)
        try context.checkError()
        Z3_solver_set_params(context.raw, raw, params)
        try context.checkError()
    }

    /// A handle that stops a running ``check()`` from another thread. Z3 interrupts
    /// per context, so it stops the checks of every solver of ``context``.
    public func makeInterrupter() -> Interrupter {
        Interrupter(context: context)
    }

    /// The assertions in SMT-LIB syntax.
    public var description: String { String(cString: Z3_solver_to_string(context.raw, raw)) }
}
