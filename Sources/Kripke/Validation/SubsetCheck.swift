/// Checks the use of quorum quantifiers (`IterationDomain.subsets`): a subset value is only ever
/// bound by `ForAll`/`Exists`/`Count` and read by membership tests — never stored, sent, indexed,
/// compared or computed with — so states never hold one and symmetry reduction stays sound; the
/// subsets' size fits the role.
///
/// ```swift
/// let problems = SubsetCheck(ir).problems()
/// // ["action 'decide': a quorum can only be quantified over or tested for membership (…)"]
/// ```
struct SubsetCheck {
    let ir: SpecIR

    init(_ ir: SpecIR) { self.ir = ir }

    /// The subset bindings in scope, with the domain each ranges over.
    private typealias Scope = [BindingID: IterationDomain]

    func problems() -> [SpecProblem] {
        var found: [SpecProblem] = []
        for variable in ir.variables {
            let element = "variable \(variable.name)"
            for domain in variable.indices { checkOnlyQuantified(domain, element: element, into: &found) }
            if let initial = variable.initial.value { check(initial, [:], element: element, into: &found) }
        }
        for action in ir.actions {
            let element = "action '\(action.name)'"
            for (_, domain) in action.parameters { checkOnlyQuantified(domain, element: element, into: &found) }
            check(action.body, element: element, into: &found)
        }
        for invariant in ir.invariants { check(invariant.condition, [:], element: "invariant '\(invariant.name)'", into: &found) }
        if let end = ir.validEndState { check(end, [:], element: "valid end state", into: &found) }
        for condition in ir.initialConditions { check(condition, [:], element: "an initial condition", into: &found) }
        for constraint in ir.stateConstraints {
            check(constraint.condition, [:], element: "state constraint '\(constraint.name)'", into: &found)
        }
        for property in ir.liveness {
            let element = "liveness property '\(property.name)'"
            if let domain = property.domain { checkOnlyQuantified(domain, element: element, into: &found) }
            check(property.premise, [:], element: element, into: &found)
            check(property.conclusion, [:], element: element, into: &found)
        }
        var seen = Set<String>()
        return found.filter { seen.insert($0.description).inserted }
    }

    private func checkOnlyQuantified(_ domain: IterationDomain, element: String, into found: inout [SpecProblem]) {
        guard case .subsets = domain else { return }
        found.append(SpecProblem("ranges over quorums outside a quantifier; only ForAll, Exists and Count may",
                                 element: element))
    }

    private func check(_ block: [Stmt], _ scope: Scope = [:], element: String, into found: inout [SpecProblem]) {
        for statement in block {
            var inner = scope
            if case .forEach(let binding, let domain, _, _) = statement {
                checkOnlyQuantified(domain, element: element, into: &found)
                if case .subsets = domain { inner[binding] = domain }
            }
            for expr in statement.expressions { check(expr, scope, element: element, into: &found) }
            for nested in statement.blocks { check(nested, inner, element: element, into: &found) }
        }
    }

    private func check(_ expr: Expr, _ scope: Scope, element: String, into found: inout [SpecProblem]) {
        switch expr {
        case .aggregate(_, let binding, let domain, let body):
            var inner = scope
            if case .subsets(let role, let size) = domain {
                checkSize(role, size, element: element, into: &found)
                inner[binding] = domain
            }
            check(body, inner, element: element, into: &found)
        case .member(let process, .binding(let binding), let role, let size)
            where scope[binding] == .subsets(role, size: size):
            check(process, scope, element: element, into: &found)
        case .member:
            found.append(SpecProblem("tests membership in something that is not a quorum bound by a quantifier",
                                     element: element))
        case .binding(let binding) where scope[binding] != nil:
            found.append(SpecProblem("uses a quorum as a value; a quorum can only be quantified over or tested "
                                     + "for membership (never stored, sent, compared or computed with)", element: element))
        default:
            for child in expr.children { check(child, scope, element: element, into: &found) }
        }
    }

    private func checkSize(_ role: RoleID, _ size: Int, element: String, into found: inout [SpecProblem]) {
        guard role.index >= 0 && role.index < ir.roles.count else {
            found.append(SpecProblem("quantifies over quorums of an undeclared role", element: element))
            return
        }
        let decl = ir.roles[role.index]
        if size < 0 || size > decl.count {
            found.append(SpecProblem("quorums of \(size) processes of role \(decl.name), which has \(decl.count)",
                                     element: element))
        } else if decl.count > 63 || Subsets.number(count: decl.count, size: size) > Subsets.limit {
            found.append(SpecProblem("too many quorums of \(size) of \(decl.count) processes of role \(decl.name) "
                                     + "(at most \(Subsets.limit) subsets of at most 63 processes)", element: element))
        }
    }
}
