// Operators on terms. Each has a method twin for long expressions the Swift type checker
// would otherwise take long over (see DESIGN.md). Mixed `(Term, value)` overloads exist only
// for enumerations, whose case names have no literal form.

/// Terms that can be compared with `<`, `<=`, `>`, `>=`: integers and process ids.
///
/// ```swift
/// Require(clock[i] < 3)
/// ```
public protocol Ordered {}
extension Int: Ordered {}
extension ProcessID: Ordered {}

extension Term {
    public static func == (lhs: Term, rhs: Term) -> Term<Bool> { lhs.equals(rhs) }
    public static func != (lhs: Term, rhs: Term) -> Term<Bool> { lhs.differs(from: rhs) }
    public func equals(_ other: Term) -> Term<Bool> { Term<Bool>(.binary(.eq, expr, other.expr)) }
    public func differs(from other: Term) -> Term<Bool> { Term<Bool>(.binary(.ne, expr, other.expr)) }
}

extension Term where T: Enumeration {
    public static func == (lhs: Term, rhs: T) -> Term<Bool> { lhs.equals(.value(rhs)) }
    public static func != (lhs: Term, rhs: T) -> Term<Bool> { lhs.differs(from: .value(rhs)) }
}

extension Term where T: Ordered {
    public static func < (lhs: Term, rhs: Term) -> Term<Bool> { lhs.isLess(than: rhs) }
    public static func <= (lhs: Term, rhs: Term) -> Term<Bool> { Term<Bool>(.binary(.le, lhs.expr, rhs.expr)) }
    public static func > (lhs: Term, rhs: Term) -> Term<Bool> { Term<Bool>(.binary(.gt, lhs.expr, rhs.expr)) }
    public static func >= (lhs: Term, rhs: Term) -> Term<Bool> { Term<Bool>(.binary(.ge, lhs.expr, rhs.expr)) }
    public func isLess(than other: Term) -> Term<Bool> { Term<Bool>(.binary(.lt, expr, other.expr)) }
}

extension Term where T == Int {
    public static func + (lhs: Term, rhs: Term) -> Term { lhs.plus(rhs) }
    public static func - (lhs: Term, rhs: Term) -> Term { lhs.minus(rhs) }
    public static func * (lhs: Term, rhs: Term) -> Term { Term(.binary(.multiply, lhs.expr, rhs.expr)) }
    public static func / (lhs: Term, rhs: Term) -> Term { Term(.binary(.divide, lhs.expr, rhs.expr)) }
    public static func % (lhs: Term, rhs: Term) -> Term { Term(.binary(.modulo, lhs.expr, rhs.expr)) }
    public func plus(_ other: Term) -> Term { Term(.binary(.add, expr, other.expr)) }
    public func minus(_ other: Term) -> Term { Term(.binary(.subtract, expr, other.expr)) }
}

extension Term where T == Bool {
    public static func && (lhs: Term, rhs: Term) -> Term { lhs.and(rhs) }
    public static func || (lhs: Term, rhs: Term) -> Term { lhs.or(rhs) }
    public static prefix func ! (operand: Term) -> Term { Term(.unary(.not, operand.expr)) }
    public func and(_ other: Term) -> Term { Term(.binary(.and, expr, other.expr)) }
    public func or(_ other: Term) -> Term { Term(.binary(.or, expr, other.expr)) }
    /// Logical implication `self ⇒ other`.
    public func implies(_ other: Term) -> Term { Term(.binary(.implies, expr, other.expr)) }
}

/// `max(a, b)` of two integer terms.
public func Max(_ lhs: Term<Int>, _ rhs: Term<Int>) -> Term<Int> { Term(.binary(.max, lhs.expr, rhs.expr)) }

/// `min(a, b)` of two integer terms.
public func Min(_ lhs: Term<Int>, _ rhs: Term<Int>) -> Term<Int> { Term(.binary(.min, lhs.expr, rhs.expr)) }

/// `if condition then a else b` as a term.
public func Ite<T>(_ condition: Term<Bool>, _ then: Term<T>, _ otherwise: Term<T>) -> Term<T> {
    Term(.ite(condition.expr, then.expr, otherwise.expr))
}

/// Lamport's total order on requests: `(ts1, id1)` precedes `(ts2, id2)` when the timestamp is
/// smaller, or equal with a smaller process id.
///
/// ```swift
/// Require(Precedes(myTs, i, otherTs, j))
/// ```
public func Precedes(_ ts1: Term<Int>, _ id1: Term<ProcessID>, _ ts2: Term<Int>, _ id2: Term<ProcessID>) -> Term<Bool> {
    let earlier = ts1 < ts2
    let tie = ts1 == ts2
    let smallerID = id1 < id2
    return earlier || (tie && smallerID)
}
