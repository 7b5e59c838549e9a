/// An over-approximation of the values an expression can take, for static analysis: a small
/// explicit set, or "any value". Arithmetic on sets stays exact while the result has at most
/// `ValueSet.limit` values and widens to `.any` beyond.
///
/// ```swift
/// let i = ValueSet.of(1...3)
/// i.combine(.of([1]), +)      // {2, 3, 4}
/// ```
public enum ValueSet: Hashable, Sendable {
    case values(Set<Int>)
    case any

    /// The largest explicit set kept before widening to `.any`.
    public static let limit = 256

    public static func of<S: Sequence>(_ values: S) -> ValueSet where S.Element == Int {
        let set = Set(values)
        return set.count > limit ? .any : .values(set)
    }

    public static func constant(_ value: Int) -> ValueSet { .values([value]) }

    public static let boolean = ValueSet.values([0, 1])

    /// The single value, when there is exactly one.
    public var constant: Int? {
        if case .values(let set) = self, set.count == 1 { return set.first }
        return nil
    }

    public func union(_ other: ValueSet) -> ValueSet {
        guard case .values(let a) = self, case .values(let b) = other else { return .any }
        return .of(a.union(b))
    }

    /// `op` applied to every pair of values (exact while small).
    public func combine(_ other: ValueSet, _ op: (Int, Int) -> Int?) -> ValueSet {
        guard case .values(let a) = self, case .values(let b) = other, a.count * b.count <= ValueSet.limit * 4 else {
            return .any
        }
        var result = Set<Int>()
        for x in a { for y in b { if let value = op(x, y) { result.insert(value) } } }
        return .of(result)
    }

    public func map(_ op: (Int) -> Int) -> ValueSet {
        guard case .values(let a) = self else { return .any }
        return .of(a.map(op))
    }

    /// The values of a domain (any, when too many to list).
    public static func domain(_ domain: ValueDomain, roles: [RoleDecl]) -> ValueSet {
        let lower = domain.lowerBound(roles: roles), upper = domain.upperBound(roles: roles)
        guard upper >= lower, upper - lower < limit else { return upper < lower ? .values([]) : .any }
        return .of(lower...upper)
    }
}
