/// Checks the use of quorum quantifiers (`IterationDomain.subsets`): a subset value is only ever
/// bound by `ForAll`/`Exists`/`Count` and read by membership tests — never stored, sent, indexed,
/// compared or computed with — so states never hold one and symmetry reduction stays sound; the
/// subsets' size fits the role.
///
/// ```swift
/// let problems = SubsetCheck(ir).problems()
/// // ["action 'decide': uses a quorum as a value; a quorum can only be quantified over or tested for membership (…)"]
/// ```
struct SubsetCheck {
    let ir: SpecIR

    init(_ ir: SpecIR) { self.ir = ir }

    /// The subset bindings in scope, with the domain each ranges over.
    private typealias Scope = [BindingID: IterationDomain]

    /// The element being checked and its source line, for the problems found in it.
    private struct Site {
        let element: String
        let location: SourceLocation?

        func problem(_ message: String) -> SpecProblem {
            SpecProblem(message, element: element, location: location)
        }
    }

    func problems() -> [SpecProblem] {
        var found: [SpecProblem] = []
        for variable in ir.variables {
            let site = Site(element: "variable \(variable.name)", location: variable.location)
            for domain in variable.indices { checkOnlyQuantified(domain, site, into: &found) }
            if let initial = variable.initial.value { check(initial, [:], site, into: &found) }
        }
        for action in ir.actions {
            let site = Site(element: "action '\(action.name)'", location: action.location)
            for (_, domain) in action.parameters { checkOnlyQuantified(domain, site, into: &found) }
            check(action.body, [:], site, into: &found)
        }
        for invariant in ir.invariants {
            check(invariant.condition, [:], Site(element: "invariant '\(invariant.name)'", location: invariant.location), into: &found)
        }
        if let end = ir.validEndState { check(end, [:], Site(element: "valid end state", location: nil), into: &found) }
        for condition in ir.initialConditions {
            check(condition, [:], Site(element: "an initial condition", location: nil), into: &found)
        }
        for constraint in ir.stateConstraints {
            let site = Site(element: "state constraint '\(constraint.name)'", location: constraint.location)
            check(constraint.condition, [:], site, into: &found)
        }
        for property in ir.liveness {
            let site = Site(element: "liveness property '\(property.name)'", location: property.location)
            if let domain = property.domain { checkOnlyQuantified(domain, site, into: &found) }
            check(property.premise, [:], site, into: &found)
            check(property.conclusion, [:], site, into: &found)
        }
        var seen = Set<String>()
        return found.filter { seen.insert($0.description).inserted }
    }

    private func checkOnlyQuantified(_ domain: IterationDomain, _ site: Site, into found: inout [SpecProblem]) {
        guard case .subsets = domain else { return }
        found.append(site.problem("ranges over quorums outside a quantifier; only ForAll, Exists and Count may"))
    }

    private func check(_ block: [Stmt], _ scope: Scope, _ site: Site, into found: inout [SpecProblem]) {
        for statement in block {
            let here = Site(element: site.element, location: statement.location ?? site.location)
            var inner = scope
            if case .forEach(let binding, let domain, _, _) = statement {
                checkOnlyQuantified(domain, here, into: &found)
                if case .subsets = domain { inner[binding] = domain }
            }
            for expr in statement.expressions { check(expr, scope, here, into: &found) }
            for nested in statement.blocks { check(nested, inner, here, into: &found) }
        }
    }

    private func check(_ expr: Expr, _ scope: Scope, _ site: Site, into found: inout [SpecProblem]) {
        switch expr {
        case .aggregate(_, let binding, let domain, let body):
            var inner = scope
            if case .subsets(let role, let size) = domain {
                checkSize(role, size, site, into: &found)
                inner[binding] = domain
            }
            check(body, inner, site, into: &found)
        case .member(let process, .binding(let binding), let role, let size)
            where scope[binding] == .subsets(role, size: size):
            check(process, scope, site, into: &found)
        case .member:
            found.append(site.problem("tests membership in something that is not a quorum bound by a quantifier"))
        case .binding(let binding) where scope[binding] != nil:
            found.append(site.problem("uses a quorum as a value; a quorum can only be quantified over or tested "
                                      + "for membership (never stored, sent, compared or computed with)"))
        default:
            for child in expr.children { check(child, scope, site, into: &found) }
        }
    }

    private func checkSize(_ role: RoleID, _ size: Int, _ site: Site, into found: inout [SpecProblem]) {
        guard role.index >= 0 && role.index < ir.roles.count else {
            found.append(site.problem("quantifies over quorums of an undeclared role"))
            return
        }
        let decl = ir.roles[role.index]
        if size < 0 || size > decl.count {
            found.append(site.problem("quorums of \(size) processes of role \(decl.name), which has \(decl.count)"))
        } else if decl.count > 63 || Subsets.number(count: decl.count, size: size) > Subsets.limit {
            found.append(site.problem("too many quorums of \(size) of \(decl.count) processes of role \(decl.name) "
                                      + "(at most \(Subsets.limit) subsets of at most 63 processes)"))
        }
    }
}
