/// Computes transition footprints from the IR by abstract interpretation: every expression is
/// evaluated to a `ValueSet` (the process, choice and sender of the group are known; message
/// fields range over their domains; state reads over the variable's domain), so an index such as
/// `votes[i][m.ballot]` names the few cells it can touch rather than the whole variable.
///
/// Enabling: a step is enabled when its `Require`s hold. When every `Require` comes before any
/// other statement, `guardReads` holds what those conditions read; otherwise (a `Require` after
/// an assignment or inside a branch) it is every read of the step.
///
/// ```swift
/// let analysis = FootprintAnalysis(ir)
/// for group in TransitionGroup.all(ir) { print(group, analysis.footprint(of: group).writes) }
/// ```
public struct FootprintAnalysis: Sendable {
    public let ir: SpecIR
    public let cells: VariableCells

    public init(_ ir: SpecIR) {
        self.ir = ir
        cells = VariableCells(ir)
    }

    public func footprint(of group: TransitionGroup) -> TransitionFootprint {
        var walker = FootprintWalker(ir: ir, cells: cells)
        let action: ActionDecl
        var senderBinding: BindingID?
        switch group {
        case .loss:
            return TransitionFootprint()
        case .local(let index, let process, let choice):
            action = ir.actions[index]
            walker.bindings[action.process.index] = .constant(process)
            for (binding, value) in action.chosenValues(choice, roles: ir.roles) { walker.bindings[binding.index] = .constant(value) }
        case .delivery(let index, let receiver, let sender):
            action = ir.actions[index]
            walker.bindings[action.process.index] = .constant(receiver)
            if case .message(let kind, let binding) = action.trigger {
                senderBinding = binding
                walker.bindings[binding.index] = .constant(sender)
                walker.fields = ir.messages[kind.index].fields.map { ValueSet.domain($0.domain, roles: ir.roles) }
            }
        }
        let leading = action.body.prefix { if case .require = $0 { true } else { false } }
        for statement in leading {
            var conjunct = walker
            conjunct.footprint = TransitionFootprint()
            conjunct.run(statement)
            walker.footprint.conjuncts.append((conjunct.footprint.reads, conjunct.footprint.networkReads,
                                               statement.readsMessage(sender: senderBinding)))
            if case .require(let condition, _) = statement { walker.pin(condition) }
            walker.run(statement)
        }
        let guardReads = walker.footprint.reads, guardNetwork = walker.footprint.networkReads
        let rest = action.body.dropFirst(leading.count)
        for statement in rest { walker.run(statement) }
        let lateRequire = rest.contains { $0.containsRequire }
        walker.footprint.guardReads = lateRequire ? walker.footprint.reads : guardReads
        walker.footprint.guardNetworkReads = lateRequire ? walker.footprint.networkReads : guardNetwork
        return walker.footprint
    }
}

extension Stmt {
    /// Whether the statement reads the handled message: a field, or the sender's binding.
    func readsMessage(sender: BindingID?) -> Bool {
        var reads = false
        for expression in expressions {
            expression.visit { node in
                if case .messageField = node { reads = true }
                if let sender, case .binding(sender) = node { reads = true }
            }
        }
        return reads
    }

    /// Whether this statement is or contains a `Require`.
    var containsRequire: Bool {
        if case .require = self { return true }
        return blocks.contains { $0.contains { $0.containsRequire } }
    }
}

/// The abstract interpreter behind `FootprintAnalysis`.
struct FootprintWalker {
    let ir: SpecIR
    let cells: VariableCells
    /// When set, a read of a cell in it yields these values (the state after a step) instead of
    /// the variable's domain; `touched` records whether any such read happened.
    var overrides: [Int: ValueSet]?
    var touched = false
    var bindings: [Int: ValueSet] = [:]
    var fields: [ValueSet] = []
    var footprint = TransitionFootprint()
    /// How many branches and loops enclose the statement being run (0: it always runs).
    var nesting = 0

    mutating func run(_ statement: Stmt) {
        switch statement {
        case .require(let condition, _), .assert(let condition, _, _):
            _ = evaluate(condition)
        case .assign(let variable, let indices, let value, _):
            let positions = indices.map { evaluate($0) }
            let update = Self.commutativeUpdate(of: variable, at: indices, value)
            let values: ValueSet
            if let update {
                let current = ValueSet.domain(ir.variables[variable.index].domain, roles: ir.roles)
                values = current.combine(evaluate(update.operand)) { update.op.apply($0, $1) }
            } else {
                values = evaluate(value)
            }
            let targets = cells.cells(of: variable.index, indices: positions)
            for cell in targets {
                let first = !footprint.writes.contains(cell)
                if let update, first || footprint.commutativeWrites[cell] == update.op {
                    footprint.commutativeWrites[cell] = update.op
                } else {
                    footprint.commutativeWrites[cell] = nil
                }
                footprint.writes.insert(cell)
                if nesting == 0 && targets.count == 1 { footprint.definiteWrites.insert(cell) }
                footprint.writtenValues[cell] = footprint.writtenValues[cell].map { $0.union(values) } ?? values
            }
        case .send(let kind, let payload, let from, let to, _):
            for field in payload { _ = evaluate(field) }
            footprint.sends.append(.init(kind: kind.index, senders: evaluate(from), receivers: evaluate(to)))
        case .ifThenElse(let condition, let then, let otherwise):
            _ = evaluate(condition)
            nesting += 1
            for statement in then + otherwise { run(statement) }
            nesting -= 1
        case .forEach(let binding, let domain, let except, let body):
            if let except { _ = evaluate(except) }
            let saved = bindings[binding.index]
            bindings[binding.index] = .of(domain.values(roles: ir.roles))
            nesting += 1
            for statement in body { run(statement) }
            nesting -= 1
            bindings[binding.index] = saved
        }
    }

    /// `x <- x ⊕ e` (or `e ⊕ x`) with ⊕ commutative and associative, `e` not reading `x`: `+`
    /// with a non-negative literal (so overflow of the domain does not depend on the order), `max`, `min`.
    static func commutativeUpdate(of variable: VariableID, at indices: [Expr], _ value: Expr)
        -> (op: Expr.BinaryOperator, operand: Expr)? {
        guard case .binary(let op, let lhs, let rhs) = value, [.add, .max, .min].contains(op) else { return nil }
        let target = Expr.variable(variable, indices)
        let operand: Expr
        if lhs == target { operand = rhs } else if rhs == target { operand = lhs } else { return nil }
        var readsVariable = false
        operand.visit { if case .variable(variable, _) = $0 { readsVariable = true } }
        guard !readsVariable else { return nil }
        if op == .add { guard case .literal(let step) = operand, step >= 0 else { return nil } }
        return (op, operand)
    }

    /// Records the cells a guard fixes: `x == c` (either side), `x` and `!x` for single cells, and
    /// the conjuncts of `&&`.
    mutating func pin(_ condition: Expr) {
        switch condition {
        case .binary(.and, let lhs, let rhs):
            pin(lhs)
            pin(rhs)
        case .binary(.eq, .variable(let variable, let indices), .literal(let value)),
             .binary(.eq, .literal(let value), .variable(let variable, let indices)):
            pinCell(variable, indices, to: value)
        case .variable(let variable, let indices):
            pinCell(variable, indices, to: 1)
        case .unary(.not, .variable(let variable, let indices)):
            pinCell(variable, indices, to: 0)
        default:
            break
        }
    }

    private mutating func pinCell(_ variable: VariableID, _ indices: [Expr], to value: Int) {
        var scratch = self
        let positions = indices.map { scratch.evaluate($0) }
        guard positions.allSatisfy({ $0.constant != nil }) else { return }
        let cell = cells.cells(of: variable.index, indices: positions)
        if cell.count == 1 { footprint.pinned[cell[0]] = .constant(value) }
    }

    mutating func evaluate(_ expr: Expr) -> ValueSet {
        switch expr {
        case .literal(let value):
            return .constant(value)
        case .binding(let binding):
            return bindings[binding.index] ?? .any
        case .messageField(let position):
            return position < fields.count ? fields[position] : .any
        case .variable(let variable, let indices):
            let positions = indices.map { evaluate($0) }
            let read = cells.cells(of: variable.index, indices: positions)
            footprint.reads.formUnion(read)
            if let overrides {
                let changed = read.compactMap { overrides[$0] }
                if let first = changed.first {
                    touched = true
                    return changed.dropFirst().reduce(first) { $0.union($1) }
                }
            }
            return .domain(ir.variables[variable.index].domain, roles: ir.roles)
        case .unary(.not, let operand):
            return evaluate(operand).map { $0 == 0 ? 1 : 0 }
        case .unary(.negate, let operand):
            return evaluate(operand).map { -$0 }
        case .binary(let op, let lhs, let rhs):
            let left = evaluate(lhs), right = evaluate(rhs)
            return left.combine(right) { op.apply($0, $1) }
        case .ite(let condition, let then, let otherwise):
            _ = evaluate(condition)
            return evaluate(then).union(evaluate(otherwise))
        case .aggregate(let kind, let binding, let domain, let body):
            let saved = bindings[binding.index]
            let values = domain.values(roles: ir.roles)
            bindings[binding.index] = .of(values)
            _ = evaluate(body)
            bindings[binding.index] = saved
            switch kind {
            case .forall, .exists: return .boolean
            case .count: return .of(0...values.count)
            case .sum: return .any
            }
        case .inFlight(let kind, let sender, let receiver, let filter):
            footprint.networkReads.insert(kind.index)
            let saved = (fields, bindings[sender.index], bindings[receiver.index])
            fields = ir.messages[kind.index].fields.map { ValueSet.domain($0.domain, roles: ir.roles) }
            bindings[sender.index] = .any
            bindings[receiver.index] = .any
            _ = evaluate(filter)
            (fields, bindings[sender.index], bindings[receiver.index]) = saved
            return .any
        case .member(let element, let subset, let role, let size):
            let process = evaluate(element), number = evaluate(subset)
            guard let known = process.constant, let index = number.constant else { return .boolean }
            return .constant(Subsets.contains(known, subset: index, of: ir.roles[role.index], size: size) ? 1 : 0)
        }
    }
}
