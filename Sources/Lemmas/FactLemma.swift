import Kripke

/// A mined fact as an IR condition, so that it can be tried as a lemma: the view's quantifier
/// (`∀ i ∈ role`, `∀ i ≠ j`, or none for the whole state) around "condition ⇒ claim", with each
/// attribute read as the variable or message count it came from, and each value the raw value
/// it was mined as. Fresh bindings are numbered from `ir.bindingCount`.
///
/// ```swift
/// let lemma = FactLemma(ir: ir, kind: .single(role: 0), attributes: names).condition(mined)
/// // ∀ i ∈ p: phase[i] = critical ⇒ replies[i] = 2, as an Expr
/// ```
struct FactLemma {
    let ir: SpecIR
    let kind: StateViews.Kind
    let attributes: [StateViews.Attribute]

    func condition(_ fact: ReachableFacts.Mined) -> Expr {
        var next = ir.bindingCount
        func fresh() -> BindingID {
            defer { next += 1 }
            return BindingID(index: next)
        }
        let i = fresh(), j = fresh()
        func term(_ attribute: Int) -> Expr {
            func at(_ subject: StateViews.Attribute.Subject) -> Expr { .binding(subject == .i ? i : j) }
            switch attributes[attribute].source {
            case .variable(let variable, let subjects):
                return .variable(VariableID(index: variable), subjects.map(at))
            case .inFlight(let kind, let from, let to):
                let sender = fresh(), receiver = fresh()
                let tests = (from.map { [Expr.binary(.eq, .binding(sender), at($0))] } ?? [])
                    + (to.map { [Expr.binary(.eq, .binding(receiver), at($0))] } ?? [])
                return .inFlight(MessageKindID(index: kind), sender: sender, receiver: receiver, filter: all(tests))
            }
        }
        func equals(_ attribute: Int, _ value: Int) -> Expr {
            .binary(.eq, term(attribute), .literal(value))
        }
        let claim: Expr = switch fact.claim {
        case .oneOf(let t, let values): any(values.map { equals(t, $0) })
        case .not(let t, let value): .unary(.not, equals(t, value))
        case .atMost(let x, let y): .binary(.le, term(x), term(y))
        case .equal(let x, let y): .binary(.eq, term(x), term(y))
        }
        let body = fact.condition.map { Expr.binary(.implies, equals($0.attribute, $0.value), claim) } ?? claim
        switch kind {
        case .global:
            return body
        case .single(let role):
            return .aggregate(.forall, i, .role(RoleID(index: role)), body)
        case .pair(let role):
            let distinct = Expr.binary(.implies, .binary(.ne, .binding(i), .binding(j)), body)
            return .aggregate(.forall, i, .role(RoleID(index: role)), .aggregate(.forall, j, .role(RoleID(index: role)), distinct))
        }
    }

    /// The number of bindings a condition may use beyond the spec's own: i, j, and a sender and
    /// a receiver for each of at most three message counts.
    static let bindingsUsed = 2 + 2 * 3

    private func all(_ parts: [Expr]) -> Expr { parts.dropFirst().reduce(parts.first ?? .bool(true)) { .binary(.and, $0, $1) } }
    private func any(_ parts: [Expr]) -> Expr { parts.dropFirst().reduce(parts.first ?? .bool(false)) { .binary(.or, $0, $1) } }
}
