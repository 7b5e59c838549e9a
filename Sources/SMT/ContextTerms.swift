import CZ3

/// Constants, literals and n-ary connectives built directly from a ``Context``.
///
/// ```swift
/// let ctx = try Context()
/// let xs = try (0..<3).map { try ctx.intConst("x@\($0)") }
/// let allDifferent = try ctx.distinct(xs)
/// let inRange = try ctx.and(xs.map { try $0 >= 0 && $0 < 3 })
/// ```
extension Context {
    /// An uninterpreted constant named `name` of the given sort.
    /// The same name and sort always denote the same constant.
    public func constant(_ name: String, sort: Sort) throws -> Term {
        guard sort.context === self else { throw SMTError.contextMismatch }
        return try withExtendedLifetime(sort) {
            try makeTerm([]) { _ in Z3_mk_const(raw, Z3_mk_string_symbol(raw, name), sort.raw) }
        }
    }

    /// An integer constant named `name`, for example `"x@3"` for `x` at time frame 3.
    public func intConst(_ name: String) throws -> Term {
        try constant(name, sort: intSort)
    }

    /// A Boolean constant named `name`.
    public func boolConst(_ name: String) throws -> Term {
        try constant(name, sort: boolSort)
    }

    /// The integer literal `value`.
    public func int(_ value: Int) throws -> Term {
        try makeTerm([]) { _ in Z3_mk_int64(raw, Int64(value), intSortRaw) }
    }

    /// The Boolean literal `value`.
    public func bool(_ value: Bool) throws -> Term {
        try makeTerm([]) { _ in value ? Z3_mk_true(raw) : Z3_mk_false(raw) }
    }

    /// The conjunction of `terms`; `true` when `terms` is empty.
    public func and(_ terms: [Term]) throws -> Term {
        try makeTerm(terms) { Z3_mk_and(raw, UInt32($0.count), $0) }
    }

    /// The disjunction of `terms`; `false` when `terms` is empty.
    public func or(_ terms: [Term]) throws -> Term {
        try makeTerm(terms) { Z3_mk_or(raw, UInt32($0.count), $0) }
    }

    /// The sum of integer `terms`; `0` when `terms` is empty.
    public func sum(_ terms: [Term]) throws -> Term {
        try requireOwned(terms)
        if terms.isEmpty { return try int(0) }
        return try makeTerm(terms) { Z3_mk_add(raw, UInt32($0.count), $0) }
    }

    /// Holds when all `terms` (of one sort) have pairwise different values;
    /// `true` when there are fewer than two terms.
    public func distinct(_ terms: [Term]) throws -> Term {
        try requireOwned(terms)
        if terms.count < 2 { return try bool(true) }
        return try makeTerm(terms) { Z3_mk_distinct(raw, UInt32($0.count), $0) }
    }
}
