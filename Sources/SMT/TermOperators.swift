/// Operator spellings of the ``Term`` combinators, with integer literals on either
/// side where that reads naturally. Each operator throws like its named twin.
///
/// ```swift
/// let step = try x1 == x0 + 1 && (busy1 || !busy0)
/// let bounded = try x0 >= 0 && 3 * x0 <= 12
/// ```
extension Term {
    // MARK: Boolean connectives

    /// `lhs ∧ rhs`; see ``and(_:)``.
    public static func && (lhs: Term, rhs: Term) throws -> Term { try lhs.and(rhs) }

    /// `lhs ∨ rhs`; see ``or(_:)``.
    public static func || (lhs: Term, rhs: Term) throws -> Term { try lhs.or(rhs) }

    /// `¬operand`; see ``not()``.
    public static prefix func ! (operand: Term) throws -> Term { try operand.not() }

    // MARK: Comparisons

    /// `lhs = rhs`; see ``equals(_:)``.
    public static func == (lhs: Term, rhs: Term) throws -> Term { try lhs.equals(rhs) }

    /// `lhs = rhs` with an integer literal.
    public static func == (lhs: Term, rhs: Int) throws -> Term { try lhs.equals(lhs.context.int(rhs)) }

    /// `lhs ≠ rhs`; see ``notEquals(_:)``.
    public static func != (lhs: Term, rhs: Term) throws -> Term { try lhs.notEquals(rhs) }

    /// `lhs ≠ rhs` with an integer literal.
    public static func != (lhs: Term, rhs: Int) throws -> Term { try lhs.notEquals(lhs.context.int(rhs)) }

    /// `lhs < rhs`; see ``lessThan(_:)``.
    public static func < (lhs: Term, rhs: Term) throws -> Term { try lhs.lessThan(rhs) }

    /// `lhs < rhs` with an integer literal.
    public static func < (lhs: Term, rhs: Int) throws -> Term { try lhs.lessThan(lhs.context.int(rhs)) }

    /// `lhs ≤ rhs`; see ``lessThanOrEqual(_:)``.
    public static func <= (lhs: Term, rhs: Term) throws -> Term { try lhs.lessThanOrEqual(rhs) }

    /// `lhs ≤ rhs` with an integer literal.
    public static func <= (lhs: Term, rhs: Int) throws -> Term { try lhs.lessThanOrEqual(lhs.context.int(rhs)) }

    /// `lhs > rhs`; see ``greaterThan(_:)``.
    public static func > (lhs: Term, rhs: Term) throws -> Term { try lhs.greaterThan(rhs) }

    /// `lhs > rhs` with an integer literal.
    public static func > (lhs: Term, rhs: Int) throws -> Term { try lhs.greaterThan(lhs.context.int(rhs)) }

    /// `lhs ≥ rhs`; see ``greaterThanOrEqual(_:)``.
    public static func >= (lhs: Term, rhs: Term) throws -> Term { try lhs.greaterThanOrEqual(rhs) }

    /// `lhs ≥ rhs` with an integer literal.
    public static func >= (lhs: Term, rhs: Int) throws -> Term { try lhs.greaterThanOrEqual(lhs.context.int(rhs)) }

    // MARK: Integer arithmetic

    /// `lhs + rhs`; see ``plus(_:)``.
    public static func + (lhs: Term, rhs: Term) throws -> Term { try lhs.plus(rhs) }

    /// `lhs + rhs` with an integer literal.
    public static func + (lhs: Term, rhs: Int) throws -> Term { try lhs.plus(lhs.context.int(rhs)) }

    /// `lhs - rhs`; see ``minus(_:)``.
    public static func - (lhs: Term, rhs: Term) throws -> Term { try lhs.minus(rhs) }

    /// `lhs - rhs` with an integer literal.
    public static func - (lhs: Term, rhs: Int) throws -> Term { try lhs.minus(lhs.context.int(rhs)) }

    /// `-operand`; see ``negated()``.
    public static prefix func - (operand: Term) throws -> Term { try operand.negated() }

    /// `lhs · rhs` by an integer literal; see ``times(_:)``.
    public static func * (lhs: Term, rhs: Int) throws -> Term { try lhs.times(rhs) }

    /// `lhs · rhs` by an integer literal; see ``times(_:)``.
    public static func * (lhs: Int, rhs: Term) throws -> Term { try rhs.times(lhs) }
}
