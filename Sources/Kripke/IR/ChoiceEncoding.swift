/// How an action's chosen values — one per parameter (`ActionDecl.parameters`) — are packed into
/// one integer *choice code*, so that an action instance stays (action, process, choice) in every
/// engine. The code is mixed radix with the first parameter most significant: its digit is the
/// first value itself, every later digit the value's offset in its domain. With one parameter the
/// code is the chosen value; the codes of all combinations form one contiguous range, in the
/// order of nested loops over the parameters (the last one innermost).
///
/// ```swift
/// // s.action("phase2a", for: leaders, choosing: 0...2, 0...1) { p, b, v in … }
/// let encoding = ChoiceEncoding(action, roles: ir.roles)!
/// encoding.codes                 // 0..<6
/// encoding.values(of: 3)         // [1, 1]   (b = 1, v = 1)
/// encoding.code(of: [2, 0])      // 4
/// ```
public struct ChoiceEncoding: Hashable, Sendable {
    /// The parameters' bindings, in declaration order.
    public let bindings: [BindingID]
    /// The smallest value of each parameter's domain.
    public let lowers: [Int]
    /// The number of values of each parameter's domain.
    public let counts: [Int]

    /// The encoding of `action`'s parameters; nil for an action without parameters.
    public init?(_ action: ActionDecl, roles: [RoleDecl]) {
        guard !action.parameters.isEmpty else { return nil }
        let domains = action.parameters.map { $0.1.values(roles: roles) }
        bindings = action.parameters.map(\.0)
        lowers = domains.map(\.lowerBound)
        counts = domains.map(\.count)
    }

    /// The number of combinations of the parameters after the first (the first digit's weight).
    private var innerCount: Int { counts.dropFirst().reduce(1, *) }

    /// Every combination's code, in nested-loop order; empty when some domain is empty.
    public var codes: Range<Int> {
        let inner = innerCount
        return (lowers[0] * inner)..<((lowers[0] + counts[0]) * inner)
    }

    /// The chosen values, one per parameter, that `code` stands for.
    public func values(of code: Int) -> [Int] {
        var values = [Int](repeating: 0, count: counts.count)
        var rest = code
        for position in counts.indices.dropFirst().reversed() {
            let digit = floorModulo(rest, counts[position])
            values[position] = lowers[position] + digit
            rest = (rest - digit) / counts[position]
        }
        values[0] = rest
        return values
    }

    /// The code of one value per parameter.
    public func code(of values: [Int]) -> Int {
        var code = values[0]
        for position in counts.indices.dropFirst() { code = code * counts[position] + (values[position] - lowers[position]) }
        return code
    }

    /// Writes the values `code` stands for into `bindings` (indexed by binding number), as the
    /// explorer's machines and the symbolic encoder's scopes hold them.
    @inlinable public func bind(_ code: Int, into bindings: UnsafeMutablePointer<Int>) {
        var rest = code
        var position = counts.count - 1
        while position > 0 {
            let digit = floorModulo(rest, counts[position])
            bindings[self.bindings[position].index] = lowers[position] + digit
            rest = (rest - digit) / counts[position]
            position -= 1
        }
        bindings[self.bindings[0].index] = rest
    }
}

/// `value` modulo `modulus`, in `0..<modulus` also for a negative `value`.
@usableFromInline func floorModulo(_ value: Int, _ modulus: Int) -> Int {
    let remainder = value % modulus
    return remainder < 0 ? remainder + modulus : remainder
}

extension ActionDecl {
    /// The choice codes of the action's instances per process: every combination of its
    /// parameters' values (`ChoiceEncoding`), or the single code 0 for an action without any.
    ///
    /// ```swift
    /// for choice in action.choiceCodes(roles: ir.roles) { … }
    /// ```
    public func choiceCodes(roles: [RoleDecl]) -> Range<Int> {
        ChoiceEncoding(self, roles: roles)?.codes ?? 0..<1
    }

    /// Each parameter's binding with the value the choice `code` gives it (none without parameters).
    ///
    /// ```swift
    /// for (binding, value) in action.chosenValues(code, roles: ir.roles) { scope.bindings[binding.index] = value }
    /// ```
    public func chosenValues(_ code: Int, roles: [RoleDecl]) -> [(BindingID, Int)] {
        guard let encoding = ChoiceEncoding(self, roles: roles) else { return [] }
        return Array(zip(encoding.bindings, encoding.values(of: code)))
    }
}
