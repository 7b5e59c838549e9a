/// The numbering of the subsets of exactly `size` processes of a role, the values a quorum
/// quantifier's binding ranges over (`IterationDomain.subsets`): subset `k` is the `k`-th
/// combination of the role's positions in lexicographic order, as a bitmask (bit `p` set when the
/// role's `p`-th process is a member).
///
/// ```swift
/// Subsets.masks(count: 3, size: 2)              // [0b011, 0b101, 0b110]: {0,1}, {0,2}, {1,2}
/// Subsets.members(1, count: 3, size: 2)         // [0, 2]
/// ```
public enum Subsets {
    /// The most subsets a quorum quantifier may range over (the validator rejects more).
    public static let limit = 1 << 16

    /// The number of subsets of `size` elements of `count` elements, C(count, size) (0 when
    /// `size` is negative or larger than `count`); saturates just above `limit`.
    public static func number(count: Int, size: Int) -> Int {
        guard size >= 0, size <= count else { return 0 }
        var result = 1
        for k in 0..<min(size, count - size) {
            result = result * (count - k) / (k + 1)
            if result > limit { return limit + 1 }
        }
        return result
    }

    /// Subset number `index` as a bitmask over the positions `0..<count` (0 for an index out of
    /// range): the lexicographic unranking of combinations.
    public static func mask(_ index: Int, count: Int, size: Int) -> UInt64 {
        guard count <= 63, index >= 0, index < number(count: count, size: size) else { return 0 }
        var rest = index, left = size, mask: UInt64 = 0
        for position in 0..<count where left > 0 {
            let including = number(count: count - position - 1, size: left - 1)
            if rest < including {
                mask |= 1 << UInt64(position)
                left -= 1
            } else {
                rest -= including
            }
        }
        return mask
    }

    /// Every subset of `size` of the positions `0..<count`, as bitmasks, in order of number.
    public static func masks(count: Int, size: Int) -> [UInt64] {
        guard number(count: count, size: size) <= limit else { return [] }
        return (0..<number(count: count, size: size)).map { mask($0, count: count, size: size) }
    }

    /// The positions in subset number `index`, ascending (empty for an index out of range).
    public static func members(_ index: Int, count: Int, size: Int) -> [Int] {
        let bits = mask(index, count: count, size: size)
        return (0..<count).filter { bits & (1 << UInt64($0)) != 0 }
    }

    /// Whether process `element` belongs to subset number `subset` of `size` processes of `role`.
    public static func contains(_ element: Int, subset: Int, of role: RoleDecl, size: Int) -> Bool {
        let position = element - role.firstID
        guard position >= 0, position < role.count else { return false }
        return mask(subset, count: role.count, size: size) & (1 << UInt64(position)) != 0
    }
}
