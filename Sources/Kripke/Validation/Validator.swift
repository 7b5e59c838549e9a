/// Checks an instantiated spec for modelling mistakes before any engine runs, naming the
/// element (and source line) of each: empty roles or domains, initial values outside their
/// domain, a variable slot written twice in one step, a message kind nobody handles, reads of
/// undeclared variables or fields, wrong index counts, duplicate names, quorums used as values,
/// roles declared symmetric that the spec does not treat symmetrically.
///
/// ```swift
/// let problems = Validator(ir).problems()
/// for p in problems { print(p) }   // "variable clock: initial value 9 is outside 0...3 (Specs/X.swift:12)"
/// ```
public struct Validator {
    let ir: SpecIR

    public init(_ ir: SpecIR) { self.ir = ir }

    public func problems() -> [SpecProblem] {
        var found: [SpecProblem] = []
        found += checkNames()
        found += checkRoles()
        found += ir.variables.flatMap(checkVariable)
        found += checkNetwork()
        for action in ir.actions { found += checkAction(action) }
        for invariant in ir.invariants {
            found += checkExpr(invariant.condition, bound: [], inHandler: nil,
                               element: "invariant '\(invariant.name)'", location: invariant.location)
        }
        if let end = ir.validEndState {
            found += checkExpr(end, bound: [], inHandler: nil, element: "valid end state", location: nil)
        }
        for condition in ir.initialConditions {
            found += checkExpr(condition, bound: [], inHandler: nil, element: "initial condition", location: nil)
        }
        for constraint in ir.stateConstraints {
            found += checkExpr(constraint.condition, bound: [], inHandler: nil,
                               element: "state constraint '\(constraint.name)'", location: constraint.location)
        }
        if found.isEmpty { found += SubsetCheck(ir).problems() }
        if found.isEmpty { found += SymmetryCheck(ir).problems() }
        return found
    }

    // MARK: Declarations

    private func checkNames() -> [SpecProblem] {
        var found: [SpecProblem] = []
        let groups: [(String, [String])] = [
            ("variable", ir.variables.map(\.name)), ("message", ir.messages.map(\.name)),
            ("invariant", ir.invariants.map(\.name)), ("role", ir.roles.map(\.name)),
            ("state constraint", ir.stateConstraints.map(\.name)),
        ]
        for (kind, names) in groups {
            var seen = Set<String>()
            for name in names where !seen.insert(name).inserted {
                found.append(SpecProblem("two \(kind)s are named '\(name)'", element: "\(kind) \(name)"))
            }
        }
        // Traces name the network's contents like a variable, and each message in it by these fields.
        for variable in ir.variables where variable.name == TraceState.networkKey {
            found.append(SpecProblem("'\(variable.name)' is reserved: traces show the network's contents under that name",
                                     element: "variable \(variable.name)", location: variable.location))
        }
        for message in ir.messages {
            for field in message.fields where TraceNamer.reservedFieldNames.contains(field.name) {
                found.append(SpecProblem("field name '\(field.name)' is reserved: traces show each message with its "
                                         + "kind, sender and receiver (\(TraceNamer.reservedFieldNames.joined(separator: ", ")))",
                                         element: "message \(message.name) field \(field.name)", location: message.location))
            }
        }
        return found
    }

    private func checkRoles() -> [SpecProblem] {
        var found = ir.roles.filter { $0.count < 1 }.map {
            SpecProblem("a role needs at least one process (count is \($0.count))", element: "role \($0.name)")
        }
        for action in ir.actions where ir.roles[action.role.index].isValueSet {
            found.append(SpecProblem("'\(ir.roles[action.role.index].name)' is a scalarset, a set of values: its members "
                                     + "take no steps; declare the processes that act with `s.processes`",
                                     element: "action '\(action.name)'", location: action.location))
        }
        return found
    }

    private func checkDomain(_ domain: ValueDomain, element: String, location: SourceLocation?) -> [SpecProblem] {
        switch domain {
        case .range(let lower, let upper) where lower > upper:
            return [SpecProblem("empty domain \(lower)...\(upper)", element: element, location: location)]
        case .enumeration(let name, let cases) where cases.isEmpty:
            return [SpecProblem("enumeration \(name) has no cases", element: element, location: location)]
        case .process(let role, _) where role.index < 0 || role.index >= ir.roles.count:
            return [SpecProblem("process domain of an undeclared role", element: element, location: location)]
        default:
            return []
        }
    }

    private func checkVariable(_ variable: VariableDecl) -> [SpecProblem] {
        let element = "variable \(variable.name)"
        var found = checkDomain(variable.domain, element: element, location: variable.location)
        guard found.isEmpty else { return found }
        guard let initial = variable.initial.value else {
            guard case .anyOf(let choices) = variable.initial else { return found }
            found += checkDomain(choices, element: element, location: variable.location)
            if found.isEmpty, !choices.isSubdomain(of: variable.domain, roles: ir.roles) {
                found.append(SpecProblem("initial choices are not all in the variable's domain",
                                         element: element, location: variable.location))
            }
            return found
        }
        found += checkExpr(initial, bound: Set(variable.indexBindings), inHandler: nil,
                           element: element, location: variable.location)
        for assignment in indexAssignments(variable) {
            guard let value = ConstantFolder.value(of: initial, bindings: assignment) else {
                found.append(SpecProblem("initial value must not read the state", element: element,
                                         location: variable.location))
                return found
            }
            if !variable.domain.contains(value, roles: ir.roles) {
                let bounds = "\(variable.domain.lowerBound(roles: ir.roles))...\(variable.domain.upperBound(roles: ir.roles))"
                found.append(SpecProblem("initial value \(value) is outside its domain \(bounds)",
                                         element: element, location: variable.location))
                return found
            }
        }
        return found
    }

    /// Every combination of index values of a variable, as binding assignments.
    private func indexAssignments(_ variable: VariableDecl) -> [[BindingID: Int]] {
        var result: [[BindingID: Int]] = [[:]]
        for (binding, domain) in zip(variable.indexBindings, variable.indices) {
            let values = domain.values(roles: ir.roles)
            result = result.flatMap { partial in values.map { partial.merging([binding: $0]) { $1 } } }
        }
        return result
    }

    private func checkNetwork() -> [SpecProblem] {
        var found: [SpecProblem] = []
        let sends = ir.actions.contains { action in containsSend(action.body) }
        if sends && ir.network.capacity < 1 {
            found.append(SpecProblem("messages are sent but no network is declared (use s.network(.fifo(capacity:)) or .unordered)",
                                     element: TraceState.networkKey))
        }
        if ir.network.duplicating && ir.network.semantics == .fifo {
            found.append(SpecProblem("a duplicating network must be unordered (FIFO channels consume what they deliver)",
                                     element: TraceState.networkKey))
        }
        let read = kindsRead()
        for (index, message) in ir.messages.enumerated() {
            let handled = ir.actions.contains {
                if case .message(let kind, _) = $0.trigger { return kind.index == index }
                return false
            }
            // A kind nobody handles is a mistake, unless it is only read (`InFlight`): a record of
            // what was sent, like a message set in TLA+, that stays in the network.
            if !handled && !read.contains(index) {
                found.append(SpecProblem("no process handles message kind '\(message.name)'",
                                         element: "message \(message.name)", location: message.location))
            }
            for field in message.fields {
                found += checkDomain(field.domain, element: "message \(message.name) field \(field.name)",
                                     location: message.location)
            }
        }
        return found
    }

    /// The message kinds some guard, step, invariant or end condition counts with `InFlight`.
    private func kindsRead() -> Set<Int> {
        var kinds: Set<Int> = []
        func note(_ expr: Expr) {
            expr.visit { if case .inFlight(let kind, _, _, _) = $0 { kinds.insert(kind.index) } }
        }
        func walk(_ body: [Stmt]) {
            for statement in body {
                statement.expressions.forEach(note)
                statement.blocks.forEach(walk)
            }
        }
        ir.actions.forEach { walk($0.body) }
        ir.invariants.forEach { note($0.condition) }
        ir.validEndState.map(note)
        ir.initialConditions.forEach(note)
        ir.stateConstraints.forEach { note($0.condition) }
        return kinds
    }

    private func containsSend(_ body: [Stmt]) -> Bool {
        body.contains { statement in
            if case .send = statement { return true }
            return statement.blocks.contains(where: containsSend)
        }
    }
}
