import Kripke
import SMT

/// The concrete values bound while encoding one action instance: every binding (process, choice,
/// sender, loop and quantifier variables) and the fields of the message handled or inspected.
///
/// ```swift
/// let scope = Scope(bindings: [action.process.index: 1], fields: [2])
/// ```
struct Scope {
    var bindings: [Int: Int] = [:]
    var fields: [Int] = []

    func binding(_ id: BindingID, _ value: Int) -> Scope {
        var copy = self
        copy.bindings[id.index] = value
        return copy
    }
}

extension StepEncoder {
    /// Translates an IR expression as the explorer evaluates it. `guardCondition` is when the
    /// expression is evaluated at all (branch and short-circuit context); conditions under which
    /// evaluation faults (an index out of range, division by zero) are appended to `faults`.
    mutating func encode(_ expr: Expr, _ scope: Scope, when guardCondition: SymValue) throws -> SymValue {
        switch expr {
        case .literal(let value):
            return .constant(value)
        case .binding(let id):
            guard let value = scope.bindings[id.index] else {
                throw SymbolicError.unsupported("binding \(id.index) is read where it is not bound")
            }
            return .constant(value)
        case .messageField(let position):
            guard position < scope.fields.count else {
                throw SymbolicError.unsupported("message field \(position) is read outside a handler")
            }
            return .constant(scope.fields[position])
        case .variable(let variable, let indices):
            let values = try indices.map { try encode($0, scope, when: guardCondition) }
            let (candidates, fault) = try slotCandidates(variable.index, values)
            faults.append(try algebra.and([guardCondition, fault]))
            var value = SymValue.constant(0)
            for (slot, when) in candidates.reversed() { value = try algebra.ite(when, slots[slot], value) }
            return value
        case .unary(.not, let operand):
            return try algebra.not(encode(operand, scope, when: guardCondition))
        case .unary(.negate, let operand):
            return try algebra.binary(.subtract, .constant(0), encode(operand, scope, when: guardCondition))
        case .binary(let op, let lhs, let rhs):
            return try encodeBinary(op, lhs, rhs, scope, guardCondition)
        case .ite(let condition, let yes, let no):
            let test = try encode(condition, scope, when: guardCondition)
            let then = try encode(yes, scope, when: algebra.and([guardCondition, test]))
            let otherwise = try encode(no, scope, when: algebra.and([guardCondition, algebra.not(test)]))
            return try algebra.ite(test, then, otherwise)
        case .aggregate(let kind, let binding, let domain, let body):
            return try encodeAggregate(kind, binding, domain.values(roles: ir.roles), body, scope, guardCondition)
        case .inFlight(let kind, let sender, let receiver, let filter):
            return try encodeInFlight(kind.index, sender, receiver, filter, scope, guardCondition)
        case .member(let element, let subset, let role, let size):
            return try encodeMember(element, subset, ir.roles[role.index], size, scope, guardCondition)
        }
    }

    /// Membership in a quorum: the quorum is a concrete binding value (quantifiers are unrolled),
    /// so a symbolic element is a member when it equals one of the quorum's processes.
    private mutating func encodeMember(_ element: Expr, _ subset: Expr, _ role: RoleDecl, _ size: Int,
                                       _ scope: Scope, _ guardCondition: SymValue) throws -> SymValue {
        guard let index = try encode(subset, scope, when: guardCondition).known else {
            throw SymbolicError.unsupported("a quorum is not a quantifier's binding")
        }
        let members = Subsets.members(index, count: role.count, size: size).map { $0 + role.firstID }
        let value = try encode(element, scope, when: guardCondition)
        if let known = value.known { return .constant(members.contains(known) ? 1 : 0) }
        return try algebra.or(members.map { try algebra.binary(.eq, value, .constant($0)) })
    }

    private mutating func encodeBinary(_ op: Expr.BinaryOperator, _ lhs: Expr, _ rhs: Expr, _ scope: Scope,
                                       _ guardCondition: SymValue) throws -> SymValue {
        let a = try encode(lhs, scope, when: guardCondition)
        switch op {
        case .and, .implies:   // the explorer evaluates the right side only when the left holds
            return try algebra.binary(op, a, encode(rhs, scope, when: algebra.and([guardCondition, a])))
        case .or:
            return try algebra.binary(op, a, encode(rhs, scope, when: algebra.and([guardCondition, algebra.not(a)])))
        case .divide, .modulo:
            let b = try encode(rhs, scope, when: guardCondition)
            faults.append(try algebra.and([guardCondition, algebra.binary(.eq, b, .constant(0))]))
            return try algebra.binary(op, a, b)
        default:
            return try algebra.binary(op, a, encode(rhs, scope, when: guardCondition))
        }
    }

    private mutating func encodeAggregate(_ kind: Expr.Aggregate, _ binding: BindingID, _ values: Range<Int>,
                                          _ body: Expr, _ scope: Scope, _ guardCondition: SymValue) throws -> SymValue {
        var parts: [SymValue] = []
        var reached = guardCondition   // forall/exists stop at the first deciding value
        for value in values {
            let part = try encode(body, scope.binding(binding, value), when: reached)
            parts.append(part)
            switch kind {
            case .forall: reached = try algebra.and([reached, part])
            case .exists: reached = try algebra.and([reached, algebra.not(part)])
            case .count, .sum: break
            }
        }
        switch kind {
        case .forall: return try algebra.and(parts)
        case .exists: return try algebra.or(parts)
        case .count: return try algebra.sum(parts.map { try algebra.ite($0, .constant(1), .constant(0)) })
        case .sum: return try algebra.sum(parts)
        }
    }

    /// Number of messages of `kind` in flight whose sender, receiver and fields satisfy `filter`.
    private mutating func encodeInFlight(_ kind: Int, _ sender: BindingID, _ receiver: BindingID, _ filter: Expr,
                                         _ scope: Scope, _ guardCondition: SymValue) throws -> SymValue {
        var parts: [SymValue] = []
        for key in layout.keys where catalog.kind(of: key.code) == kind {
            var inner = scope.binding(sender, key.sender).binding(receiver, key.receiver)
            inner.fields = catalog.decode(key.code).fields
            let matches = try encode(filter, inner, when: guardCondition)
            switch layout.semantics {
            case .unordered:
                parts.append(try algebra.ite(matches, network.counters[layout.keyIndex[key]!], .constant(0)))
            case .fifo:
                let channel = layout.channels.firstIndex(of: .init(sender: key.sender, receiver: key.receiver))!
                for entry in network.queues[channel] {
                    let here = try algebra.and([matches, algebra.binary(.eq, entry, .constant(key.code + 1))])
                    parts.append(try algebra.ite(here, .constant(1), .constant(0)))
                }
            }
        }
        return try algebra.sum(parts)
    }

    /// The slots `variable[indices]` may denote, each with the condition under which it does, and
    /// the condition under which an index lies outside its domain (a fault; the read gives 0).
    func slotCandidates(_ variable: Int, _ indices: [SymValue]) throws -> ([(slot: Int, when: SymValue)], SymValue) {
        var candidates: [(slot: Int, when: SymValue)] = [(layout.variableBase[variable], .true)]
        var outside: [SymValue] = []
        for (index, dimension) in zip(indices, layout.dimensions[variable]) {
            let last = dimension.lower + dimension.count - 1
            if let known = index.known {
                guard known >= dimension.lower && known <= last else { return ([], .true) }
                candidates = candidates.map { ($0.slot + (known - dimension.lower) * dimension.stride, $0.when) }
                continue
            }
            outside.append(try algebra.not(algebra.within(index, dimension.lower, last)))
            var next: [(slot: Int, when: SymValue)] = []
            for candidate in candidates {
                for value in dimension.lower...max(dimension.lower, last) where dimension.count > 0 {
                    let when = try algebra.and([candidate.when, algebra.binary(.eq, index, .constant(value))])
                    next.append((candidate.slot + (value - dimension.lower) * dimension.stride, when))
                }
            }
            candidates = next
        }
        return (candidates, try algebra.or(outside))
    }
}
