import CZ3

/// A Z3 sort (type of terms), such as `Int` or `Bool`.
///
/// ```swift
/// let ctx = try Context()
/// let flag = try ctx.constant("flag@0", sort: ctx.boolSort)
/// assert(flag.sort.isBool)
/// ```
public final class Sort: CustomStringConvertible {
    /// The context this sort belongs to (kept alive by the sort).
    public let context: Context
    let raw: Z3_sort

    init(context: Context, raw: Z3_sort) {
        self.context = context
        self.raw = raw
        Z3_inc_ref(context.raw, Z3_sort_to_ast(context.raw, raw))
    }

    deinit {
        Z3_dec_ref(context.raw, Z3_sort_to_ast(context.raw, raw))
    }

    /// Whether this is the Boolean sort.
    public var isBool: Bool { Z3_get_sort_kind(context.raw, raw) == Z3_BOOL_SORT }

    /// Whether this is the integer sort.
    public var isInt: Bool { Z3_get_sort_kind(context.raw, raw) == Z3_INT_SORT }

    /// The sort in SMT-LIB syntax, for example `Int`.
    public var description: String { String(cString: Z3_sort_to_string(context.raw, raw)) }
}
