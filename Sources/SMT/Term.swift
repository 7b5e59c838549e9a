import CZ3

/// A Z3 expression (`Z3_ast`) of sort `Int` or `Bool`, reference-counted by Z3.
///
/// Build terms from a ``Context`` and combine them with the operators
/// (`+`, `==`, `&&`, ...) or their named twins (`plus`, `equals`, `and`, ...).
/// Every combinator throws ``SMTError`` when Z3 rejects it, for example when a
/// Boolean is added to an integer. A term keeps its context alive.
///
/// ```swift
/// let ctx = try Context()
/// let x = try ctx.intConst("x@0"), y = try ctx.intConst("y@0")
/// let sum = try x.plus(y)                   // x + y
/// let ok = try sum.equals(ctx.int(10))      // x + y == 10
/// let guarded = try ok.implies(x > y)       // (x + y == 10) => (x > y)
/// ```
public final class Term: CustomStringConvertible {
    /// The context this term belongs to (kept alive by the term).
    public let context: Context
    let ast: Z3_ast

    init(context: Context, ast: Z3_ast) {
        self.context = context
        self.ast = ast
        Z3_inc_ref(context.raw, ast)
    }

    deinit {
        Z3_dec_ref(context.raw, ast)
    }

    /// The sort of this term.
    public var sort: Sort { Sort(context: context, raw: Z3_get_sort(context.raw, ast)) }

    /// The term in SMT-LIB syntax, for example `(+ x@0 y@0)`.
    public var description: String { String(cString: Z3_ast_to_string(context.raw, ast)) }

    /// Whether `other` is structurally the same term of the same context.
    /// Z3 shares equal terms, so this is how to find a term in an unsat core.
    public func isIdentical(to other: Term) -> Bool {
        context === other.context && Z3_is_eq_ast(context.raw, ast, other.ast)
    }

    private func binary(_ other: Term, _ build: (Z3_context?, Z3_ast?, Z3_ast?) -> Z3_ast?) throws -> Term {
        try context.makeTerm([self, other]) { build(context.raw, $0[0], $0[1]) }
    }

    // MARK: Boolean connectives

    /// `self ∧ other`.
    public func and(_ other: Term) throws -> Term { try context.and([self, other]) }

    /// `self ∨ other`.
    public func or(_ other: Term) throws -> Term { try context.or([self, other]) }

    /// `¬self`.
    public func not() throws -> Term { try context.makeTerm([self]) { Z3_mk_not(context.raw, $0[0]) } }

    /// `self ⇒ other`.
    public func implies(_ other: Term) throws -> Term { try binary(other, Z3_mk_implies) }

    /// `self ⇔ other`.
    public func iff(_ other: Term) throws -> Term { try binary(other, Z3_mk_iff) }

    /// `if self then thenTerm else elseTerm`; `self` must be Boolean and both
    /// branches of one sort.
    public func ite(then thenTerm: Term, else elseTerm: Term) throws -> Term {
        try context.makeTerm([self, thenTerm, elseTerm]) { Z3_mk_ite(context.raw, $0[0], $0[1], $0[2]) }
    }

    // MARK: Comparisons

    /// `self = other` (for Booleans this is `⇔`).
    public func equals(_ other: Term) throws -> Term { try binary(other, Z3_mk_eq) }

    /// `self ≠ other`.
    public func notEquals(_ other: Term) throws -> Term { try context.distinct([self, other]) }

    /// `self < other` on integers.
    public func lessThan(_ other: Term) throws -> Term { try binary(other, Z3_mk_lt) }

    /// `self ≤ other` on integers.
    public func lessThanOrEqual(_ other: Term) throws -> Term { try binary(other, Z3_mk_le) }

    /// `self > other` on integers.
    public func greaterThan(_ other: Term) throws -> Term { try binary(other, Z3_mk_gt) }

    /// `self ≥ other` on integers.
    public func greaterThanOrEqual(_ other: Term) throws -> Term { try binary(other, Z3_mk_ge) }

    // MARK: Integer arithmetic

    /// `self + other`.
    public func plus(_ other: Term) throws -> Term { try context.sum([self, other]) }

    /// `self - other`.
    public func minus(_ other: Term) throws -> Term {
        try context.makeTerm([self, other]) { Z3_mk_sub(context.raw, 2, $0) }
    }

    /// `-self`.
    public func negated() throws -> Term { try context.makeTerm([self]) { Z3_mk_unary_minus(context.raw, $0[0]) } }

    /// SMT-LIB `div`: the Euclidean quotient q with `self = other · q + r`, `0 ≤ r < |other|`
    /// (unspecified for `other = 0`). Linear when `other` is a literal.
    public func euclideanQuotient(_ other: Term) throws -> Term { try binary(other, Z3_mk_div) }

    /// SMT-LIB `mod`: the remainder r of `euclideanQuotient`, `0 ≤ r < |other|`.
    public func euclideanRemainder(_ other: Term) throws -> Term { try binary(other, Z3_mk_mod) }

    /// `self · factor` for an integer literal `factor` (keeps the problem linear).
    public func times(_ factor: Int) throws -> Term {
        let literal = try context.int(factor)
        return try context.makeTerm([literal, self]) { Z3_mk_mul(context.raw, 2, $0) }
    }
}
