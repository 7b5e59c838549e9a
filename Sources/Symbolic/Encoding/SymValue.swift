import SMT

/// A value while encoding a step: a constant known without Z3, an integer term, or a Boolean term.
/// Process ids, loop variables and message fields are constants in every action instance, so most
/// of an action's arithmetic folds away and only state reads reach Z3.
///
/// ```swift
/// let algebra = Algebra(context: ctx)
/// let sum = try algebra.binary(.add, .constant(2), .constant(3))      // .constant(5)
/// let test = try algebra.binary(.lt, .integer(x), .constant(3))       // .boolean(x < 3)
/// ```
enum SymValue {
    case constant(Int)
    case integer(Term)
    case boolean(Term)

    static var `true`: SymValue { .constant(1) }
    static var `false`: SymValue { .constant(0) }

    /// The value when it is known without Z3.
    var known: Int? {
        if case .constant(let value) = self { return value }
        return nil
    }

    /// Whether two values are the same constant or the same Z3 term (so a slot is unchanged).
    func isSame(as other: SymValue) -> Bool {
        switch (self, other) {
        case (.constant(let a), .constant(let b)): return a == b
        case (.integer(let a), .integer(let b)), (.boolean(let a), .boolean(let b)): return a.isIdentical(to: b)
        default: return false
        }
    }
}

/// Builds `SymValue`s with the IR's meaning (booleans are 0/1, `modulo` is non-negative),
/// folding constants and creating Z3 terms only for what depends on the state.
///
/// ```swift
/// let guardHolds = try algebra.and([pc, algebra.binary(.eq, phase, .constant(1))])
/// ```
struct Algebra {
    let context: Context

    /// The value as an integer term (a Boolean becomes 0/1).
    func integer(_ value: SymValue) throws -> Term {
        switch value {
        case .constant(let c): return try context.int(c)
        case .integer(let term): return term
        case .boolean(let term): return try term.ite(then: context.int(1), else: context.int(0))
        }
    }

    /// The value as a Boolean term (an integer is true when non-zero).
    func condition(_ value: SymValue) throws -> Term {
        switch value {
        case .constant(let c): return try context.bool(c != 0)
        case .integer(let term): return try term != 0
        case .boolean(let term): return term
        }
    }

    func not(_ value: SymValue) throws -> SymValue {
        if let c = value.known { return .constant(c == 0 ? 1 : 0) }
        return .boolean(try condition(value).not())
    }

    func and(_ values: [SymValue]) throws -> SymValue {
        var terms: [Term] = []
        for value in values {
            if let c = value.known {
                if c == 0 { return .false }
            } else {
                terms.append(try condition(value))
            }
        }
        if terms.isEmpty { return .true }
        return terms.count == 1 ? .boolean(terms[0]) : .boolean(try context.and(terms))
    }

    func or(_ values: [SymValue]) throws -> SymValue {
        var terms: [Term] = []
        for value in values {
            if let c = value.known {
                if c != 0 { return .true }
            } else {
                terms.append(try condition(value))
            }
        }
        if terms.isEmpty { return .false }
        return terms.count == 1 ? .boolean(terms[0]) : .boolean(try context.or(terms))
    }

    func implies(_ premise: SymValue, _ conclusion: SymValue) throws -> SymValue {
        try or([not(premise), conclusion])
    }

    /// `if condition then yes else no`, keeping Booleans Boolean.
    func ite(_ condition: SymValue, _ yes: SymValue, _ no: SymValue) throws -> SymValue {
        if let c = condition.known { return c != 0 ? yes : no }
        if yes.isSame(as: no) { return yes }
        let test = try self.condition(condition)
        if case .boolean(let a) = yes, case .boolean(let b) = no { return .boolean(try test.ite(then: a, else: b)) }
        return .integer(try test.ite(then: integer(yes), else: integer(no)))
    }

    /// The sum of integer values.
    func sum(_ values: [SymValue]) throws -> SymValue {
        var constant = 0
        var terms: [Term] = []
        for value in values {
            if let c = value.known { constant += c } else { terms.append(try integer(value)) }
        }
        if terms.isEmpty { return .constant(constant) }
        if constant != 0 { terms.append(try context.int(constant)) }
        return .integer(terms.count == 1 ? terms[0] : try context.sum(terms))
    }

    /// `low ≤ value ≤ high`.
    func within(_ value: SymValue, _ low: Int, _ high: Int) throws -> SymValue {
        try and([binary(.ge, value, .constant(low)), binary(.le, value, .constant(high))])
    }
}

/// Inside this module `Term` is a Z3 term (`Kripke.Term` is the DSL's typed term).
typealias Term = SMT.Term
