// Validation of action bodies and expressions: bound names, indices, fields, double writes.

extension Validator {
    func checkAction(_ action: ActionDecl) -> [SpecProblem] {
        let element = "action '\(action.name)'"
        var bound: Set<BindingID> = [action.process]
        var handled: MessageDecl?
        for (binding, _) in action.parameters { bound.insert(binding) }
        if case .message(let kind, let sender) = action.trigger {
            bound.insert(sender)
            guard kind.index >= 0 && kind.index < ir.messages.count else {
                return [SpecProblem("handler of an undeclared message kind", element: element, location: action.location)]
            }
            handled = ir.messages[kind.index]
        }
        var written = WriteSet()
        return checkBlock(action.body, bound: bound, handled: handled, element: element,
                          fallback: action.location, written: &written)
    }

    private func checkBlock(_ body: [Stmt], bound: Set<BindingID>, handled: MessageDecl?, element: String,
                            fallback: SourceLocation, written: inout WriteSet) -> [SpecProblem] {
        var found: [SpecProblem] = []
        for statement in body {
            let location = statement.location ?? fallback
            for expr in statement.expressions {
                found += checkExpr(expr, bound: bound, inHandler: handled, element: element, location: location)
            }
            switch statement {
            case .assign(let variable, let indices, _, _):
                guard variable.index >= 0 && variable.index < ir.variables.count else { continue }
                let name = ir.variables[variable.index].name
                if !written.insert(variable, indices) {
                    found.append(SpecProblem("variable '\(name)' may be written twice in one step",
                                             element: element, location: location))
                }
            case .send(let kind, let fields, _, _, _):
                found += checkSendFields(kind, fields, element: element, location: location)
            case .ifThenElse(_, let then, let otherwise):
                var thenWrites = written
                var elseWrites = written
                found += checkBlock(then, bound: bound, handled: handled, element: element, fallback: location,
                                    written: &thenWrites)
                found += checkBlock(otherwise, bound: bound, handled: handled, element: element, fallback: location,
                                    written: &elseWrites)
                written.formUnion(thenWrites)
                written.formUnion(elseWrites)
            case .forEach(let binding, let domain, _, let loopBody):
                var inner = bound
                inner.insert(binding)
                var loopWrites = written
                found += checkBlock(loopBody, bound: inner, handled: handled, element: element, fallback: location,
                                    written: &loopWrites)
                if domain.values(roles: ir.roles).count > 1 {
                    for (variable, indices) in loopWrites.entries(notIn: written)
                    where !indices.contains(where: { $0.mentions(binding) }) {
                        found.append(SpecProblem(
                            "variable '\(ir.variables[variable.index].name)' is written in every iteration of a loop (twice in one step)",
                            element: element, location: location))
                    }
                }
                written.formUnion(loopWrites)
            case .assert(_, let message, _):
                if message.allSatisfy(\.isWhitespace) {
                    found.append(SpecProblem("an Assert needs a message that names it", element: element, location: location))
                }
            case .require:
                break
            }
        }
        return found
    }

    private func checkSendFields(_ kind: MessageKindID, _ fields: [Expr], element: String,
                                 location: SourceLocation) -> [SpecProblem] {
        guard kind.index >= 0 && kind.index < ir.messages.count else {
            return [SpecProblem("send of an undeclared message kind", element: element, location: location)]
        }
        let message = ir.messages[kind.index]
        var found: [SpecProblem] = []
        for (field, expr) in zip(message.fields, fields) {
            if let value = ConstantFolder.value(of: expr, bindings: [:]), !field.domain.contains(value, roles: ir.roles) {
                found.append(SpecProblem("value \(value) of field '\(field.name)' of '\(message.name)' is outside its domain",
                                         element: element, location: location))
            }
        }
        return found
    }

    /// Checks that every binding is in scope, every variable exists with the right number of
    /// indices, and message fields are read only inside a handler.
    func checkExpr(_ expr: Expr, bound: Set<BindingID>, inHandler handled: MessageDecl?, element: String,
                   location: SourceLocation?) -> [SpecProblem] {
        var found: [SpecProblem] = []
        switch expr {
        case .binding(let binding) where !bound.contains(binding):
            found.append(SpecProblem("uses a process or value that is not in scope", element: element, location: location))
        case .variable(let variable, let indices):
            if variable.index < 0 || variable.index >= ir.variables.count {
                found.append(SpecProblem("reads a variable that does not exist", element: element, location: location))
            } else if ir.variables[variable.index].indices.count != indices.count {
                let decl = ir.variables[variable.index]
                found.append(SpecProblem("variable '\(decl.name)' takes \(decl.indices.count) indices, not \(indices.count)",
                                         element: element, location: location))
            }
        case .messageField(let position):
            if handled == nil {
                found.append(SpecProblem("reads a message field outside a message handler", element: element, location: location))
            } else if let handled, position >= handled.fields.count {
                found.append(SpecProblem("message '\(handled.name)' has no field #\(position)", element: element, location: location))
            }
        case .aggregate(_, let binding, _, let body):
            return checkExpr(body, bound: bound.union([binding]), inHandler: handled, element: element, location: location)
        case .inFlight(let kind, let sender, let receiver, let filter):
            guard kind.index >= 0 && kind.index < ir.messages.count else {
                return [SpecProblem("counts an undeclared message kind", element: element, location: location)]
            }
            return checkExpr(filter, bound: bound.union([sender, receiver]), inHandler: ir.messages[kind.index],
                             element: element, location: location)
        default:
            break
        }
        for child in expr.children {
            found += checkExpr(child, bound: bound, inHandler: handled, element: element, location: location)
        }
        return found
    }
}

/// The variable slots (variable + syntactic index expressions) written so far on one path of a step.
struct WriteSet {
    private var slots: [VariableID: [[Expr]]] = [:]

    /// Records a write; false when the same slot was already written on this path.
    mutating func insert(_ variable: VariableID, _ indices: [Expr]) -> Bool {
        if slots[variable, default: []].contains(indices) { return false }
        slots[variable, default: []].append(indices)
        return true
    }

    mutating func formUnion(_ other: WriteSet) {
        for (variable, list) in other.slots {
            for indices in list where !slots[variable, default: []].contains(indices) {
                slots[variable, default: []].append(indices)
            }
        }
    }

    func entries(notIn earlier: WriteSet) -> [(VariableID, [Expr])] {
        slots.flatMap { variable, list in
            list.filter { !earlier.slots[variable, default: []].contains($0) }.map { (variable, $0) }
        }
    }
}

extension Stmt {
    /// The source line of the statement, where it records one.
    var location: SourceLocation? {
        switch self {
        case .require(_, let at), .assign(_, _, _, let at), .send(_, _, _, _, let at), .assert(_, _, let at):
            return at.isKnown ? at : nil
        default: return nil
        }
    }
}
