/// The finite set of values a state variable, message field or parameter may take.
///
/// Every value in the IR is an `Int`; a domain says which `Int`s are legal and how to print them.
///
/// ```swift
/// let clock = ValueDomain.range(0, 3)                   // 0...3
/// let phase = ValueDomain.enumeration(name: "Phase", cases: ["idle", "waiting", "critical"])
/// clock.contains(4)                                     // false
/// ```
public enum ValueDomain: Hashable, Sendable, CustomStringConvertible {
    /// `false` = 0, `true` = 1.
    case bool
    /// The integers `lower...upper`.
    case range(Int, Int)
    /// The cases of a Swift enum, numbered from 0 in declaration order.
    case enumeration(name: String, cases: [String])
    /// A process id of `role`; with `optional`, the value `ProcessID.noneValue` (-1) stands for "none".
    case process(role: RoleID, optional: Bool)

    /// The smallest legal value, given the roles' process-id ranges.
    public func lowerBound(roles: [RoleDecl]) -> Int {
        switch self {
        case .bool: return 0
        case .range(let lower, _): return lower
        case .enumeration: return 0
        case .process(let role, let optional): return optional ? -1 : roles[role.index].firstID
        }
    }

    /// The largest legal value, given the roles' process-id ranges.
    public func upperBound(roles: [RoleDecl]) -> Int {
        switch self {
        case .bool: return 1
        case .range(_, let upper): return upper
        case .enumeration(_, let cases): return cases.count - 1
        case .process(let role, _): return roles[role.index].firstID + roles[role.index].count - 1
        }
    }

    /// Whether `value` belongs to the domain; process ids must also lie in the role's range.
    public func contains(_ value: Int, roles: [RoleDecl]) -> Bool {
        if case .process(_, true) = self, value == -1 { return true }
        if case .process(let role, _) = self {
            return roles[role.index].contains(value)
        }
        return value >= lowerBound(roles: roles) && value <= upperBound(roles: roles)
    }

    /// Every legal value, in increasing order (`none` first for an optional process id).
    public func values(roles: [RoleDecl]) -> [Int] {
        let upper = upperBound(roles: roles)
        if case .process(let role, true) = self { return [-1] + Array(roles[role.index].firstID...upper) }
        return Array(lowerBound(roles: roles)...upper)
    }

    /// Whether every value of this domain is also one of `other`.
    public func isSubdomain(of other: ValueDomain, roles: [RoleDecl]) -> Bool {
        values(roles: roles).allSatisfy { other.contains($0, roles: roles) }
    }

    /// Number of distinct values.
    public func size(roles: [RoleDecl]) -> Int {
        upperBound(roles: roles) - lowerBound(roles: roles) + 1
    }

    public var description: String {
        switch self {
        case .bool: return "Bool"
        case .range(let lower, let upper): return "\(lower)...\(upper)"
        case .enumeration(let name, _): return name
        case .process(let role, let optional): return optional ? "ProcessID(role \(role.index))?" : "ProcessID(role \(role.index))"
        }
    }
}
