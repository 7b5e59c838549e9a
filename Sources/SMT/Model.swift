import CZ3

/// A satisfying assignment found by a ``Solver``.
///
/// Evaluation uses model completion: a constant the model leaves unconstrained
/// gets a default value instead of staying symbolic.
///
/// ```swift
/// if try solver.check() == .sat {
///     let model = try solver.model()
///     let x = try model.int(ctx.intConst("x@2"))     // Int
///     let done = try model.bool(ctx.boolConst("done@2")) // Bool
/// }
/// ```
public final class Model: CustomStringConvertible {
    /// The context this model belongs to (kept alive by the model).
    public let context: Context
    let raw: Z3_model

    init(context: Context, raw: Z3_model) {
        self.context = context
        self.raw = raw
        Z3_model_inc_ref(context.raw, raw)
    }

    deinit {
        Z3_model_dec_ref(context.raw, raw)
    }

    /// The value of `term` in this model, as a term (a literal for Int and Bool terms).
    public func evaluate(_ term: Term) throws -> Term {
        try context.requireOwned([term])
        var result: Z3_ast?
        let ok = withExtendedLifetime(term) { Z3_model_eval(context.raw, raw, term.ast, true, &result) }
        try context.checkError()
        guard ok, let result else {
            throw SMTError.evaluationFailed("the model cannot evaluate \(term)")
        }
        return Term(context: context, ast: result)
    }

    /// The integer value of the integer term `term` in this model.
    public func int(_ term: Term) throws -> Int {
        let value = try evaluate(term)
        var number: Int64 = 0
        guard Z3_get_numeral_int64(context.raw, value.ast, &number), let int = Int(exactly: number) else {
            throw SMTError.evaluationFailed("\(term) evaluates to \(value), which is not an Int")
        }
        return int
    }

    /// The truth value of the Boolean term `term` in this model.
    public func bool(_ term: Term) throws -> Bool {
        let value = try evaluate(term)
        switch Z3_get_bool_value(context.raw, value.ast) {
        case Z3_L_TRUE:
            return true
        case Z3_L_FALSE:
            return false
        default:
            throw SMTError.evaluationFailed("\(term) evaluates to \(value), which is not a Boolean")
        }
    }

    /// The model's assignments, one `name -> value` line per constant.
    public var description: String { String(cString: Z3_model_to_string(context.raw, raw)) }
}
