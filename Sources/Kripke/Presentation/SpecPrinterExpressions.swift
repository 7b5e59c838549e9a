// Expressions as pseudocode, with literals shown in the domain they stand for.

extension SpecPrinter {
    /// The domain an expression's values belong to, where it can be told.
    func domain(of expr: Expr) -> ValueDomain? {
        switch expr {
        case .variable(let variable, _): return ir.variables[variable.index].domain
        case .binding(let binding): return bindingDomain(binding)
        case .messageField(let position): return currentMessage.flatMap { position < $0.fields.count ? $0.fields[position].domain : nil }
        case .ite(_, let then, let otherwise): return domain(of: then) ?? domain(of: otherwise)
        default: return nil
        }
    }

    func text(_ expr: Expr, asProcess: Bool) -> String {
        text(expr, as: asProcess ? .process(role: RoleID(index: -1), optional: true) : nil)
    }

    /// `expr` as pseudocode; a literal is shown as a value of `expected` (a case name, a process name).
    func text(_ expr: Expr, as expected: ValueDomain? = nil) -> String {
        switch expr {
        case .literal(let value): return literal(value, expected)
        case .binding(let binding): return bindingName(binding)
        case .messageField(let position):
            return "m." + (currentMessage.flatMap { position < $0.fields.count ? $0.fields[position].name : nil } ?? "#\(position)")
        case .variable(let variable, let indices):
            return ir.variables[variable.index].name + indices.map { "[\(text($0, asProcess: true))]" }.joined()
        case .unary(.not, let operand): return "not " + wrapped(operand)
        case .unary(.negate, let operand): return "-" + wrapped(operand)
        case .binary(.min, let lhs, let rhs): return "min(\(text(lhs)), \(text(rhs)))"
        case .binary(.max, let lhs, let rhs): return "max(\(text(lhs)), \(text(rhs)))"
        case .binary(let op, let lhs, let rhs):
            let left = wrapped(lhs, as: domain(of: rhs)), right = wrapped(rhs, as: domain(of: lhs))
            return "\(left) \(op.symbol) \(right)"
        case .ite(let condition, let then, let otherwise):
            return "(if \(text(condition)) then \(text(then, as: expected)) else \(text(otherwise, as: expected)))"
        case .aggregate(let kind, let binding, let domain, let body):
            let name = freshName(for: domain)
            let scoped = SpecPrinter(naming: binding, as: name, domain: domain, base: self)
            var over = describe(domain), inner: String
            if let (subset, memberBody) = Self.quorumMembers(kind, binding, domain, body) {
                over = text(subset)
                inner = scoped.text(memberBody)
            } else {
                inner = scoped.text(body)
            }
            switch kind {
            case .forall: return "(for all \(name) in \(over): \(inner))"
            case .exists: return "(exists \(name) in \(over): \(inner))"
            case .count: return "(number of \(name) in \(over) with \(inner))"
            case .sum: return "(sum over \(name) in \(over) of \(inner))"
            }
        case .inFlight(let kind, _, _, let filter):
            return "(messages \(ir.messages[kind.index].name) in flight with \(text(filter)))"
        case .member(let element, let subset, _, _):
            return "\(text(element, asProcess: true)) in \(text(subset))"
        }
    }

    /// A quantifier over a quorum's members as the DSL writes it (over the role, guarded by
    /// membership): the quorum and the body without the guard.
    private static func quorumMembers(_ kind: Expr.Aggregate, _ binding: BindingID, _ domain: IterationDomain,
                                      _ body: Expr) -> (subset: Expr, body: Expr)? {
        let guardAndBody: (Expr, Expr)
        switch (kind, body) {
        case (.forall, .binary(.implies, let member, let inner)),
             (.exists, .binary(.and, let member, let inner)),
             (.count, .binary(.and, let member, let inner)),
             (.sum, .ite(let member, let inner, .literal(0))):
            guardAndBody = (member, inner)
        default:
            return nil
        }
        guard case .member(.binding(binding), let subset, let role, _) = guardAndBody.0,
              domain == .role(role) else { return nil }
        return (subset, guardAndBody.1)
    }

    private func wrapped(_ expr: Expr, as expected: ValueDomain? = nil) -> String {
        if case .binary(let op, _, _) = expr, op != .min, op != .max { return "(\(text(expr, as: expected)))" }
        if case .member = expr { return "(\(text(expr)))" }
        return text(expr, as: expected)
    }

    private func literal(_ value: Int, _ expected: ValueDomain?) -> String {
        switch expected {
        case .bool?: return value == 0 ? "false" : "true"
        case .enumeration(_, let cases)?: return value >= 0 && value < cases.count ? cases[value] : String(value)
        case .process?: return value == ProcessID.noneValue ? "none" : ir.processName(value)
        default: return String(value)
        }
    }
}
