import Kripke

/// A compiled statement block: runs on a machine and returns false when the step is disabled
/// (a `Require` failed), the network overflowed, or a modelling fault occurred (`machine.fault`).
typealias Executor = (Machine) -> Bool

/// Compiles IR statements into closures over a `Machine`.
///
/// ```swift
/// let run = StmtCompiler(ir: ir, layout: layout).compile(action.body)
/// machine.load(state)
/// if run(machine) { /* machine.state is the successor */ }
/// ```
struct StmtCompiler {
    let ir: SpecIR
    let layout: StateLayout
    private var expressions: ExprCompiler { ExprCompiler(ir: ir, layout: layout) }
    /// Each assertion's index in `ir.assertions`, by message.
    private let assertionIndex: [String: Int]

    init(ir: SpecIR, layout: StateLayout) {
        self.ir = ir
        self.layout = layout
        assertionIndex = Dictionary(ir.assertions.enumerated().map { ($1.message, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A block runs its statements in order and stops at the first that fails. The closures are
    /// chained (each captures the next) rather than looped over, which avoids retaining each
    /// statement's closure on every run; they are never kept in an array, whose elements would be
    /// called through conversion thunks (see `CompiledExpr`).
    func compile(_ block: [Stmt]) -> Executor {
        chain(block[...])
    }

    private func chain(_ block: ArraySlice<Stmt>) -> Executor {
        guard let first = block.first else { return { _ in true } }
        let part = compile(first)
        guard block.count > 1 else { return part }
        let next = chain(block.dropFirst())
        return { machine in part(machine) && next(machine) }
    }

    private func compile(_ statement: Stmt) -> Executor {
        switch statement {
        case .require(let condition, _):
            let test = expressions.compile(condition)
            return { machine in test(machine) != 0 && machine.fault == nil }
        case .assert(let condition, let message, _):
            let test = expressions.compile(condition)
            let index = assertionIndex[message]!
            return { machine in
                if test(machine) == 0 && machine.failedAssertion < 0 { machine.failedAssertion = index }
                return machine.fault == nil
            }
        case .assign(let variable, let indices, let value, _):
            return compileAssign(variable, indices, value)
        case .send(let kind, let fields, let from, let to, _):
            return compileSend(kind.index, fields, from, to)
        case .ifThenElse(let condition, let then, let otherwise):
            let test = expressions.compile(condition)
            let yes = compile(then), no = compile(otherwise)
            return { machine in test(machine) != 0 ? yes(machine) : no(machine) }
        case .forEach(let binding, let domain, let except, let body):
            let values = domain.values(roles: ir.roles)
            let skip = except.map(expressions.compile)
            let run = compile(body)
            let index = binding.index
            return { machine in
                let skipped = skip?(machine)
                for value in values where value != skipped {
                    machine.bindings[index] = value
                    if !run(machine) { return false }
                }
                return true
            }
        }
    }

    private func compileAssign(_ variable: VariableID, _ indices: [Expr], _ value: Expr) -> Executor {
        let slot = expressions.compileSlot(variable, indices)
        let compute = expressions.compile(value)
        let lower = layout.variableLower[variable.index]
        let upper = layout.variableUpper[variable.index]
        let decl = ir.variables[variable.index]
        let optionalProcess: Bool
        if case .process(_, true) = decl.domain { optionalProcess = true } else { optionalProcess = false }
        let roles = ir.roles
        return { machine in
            let newValue = compute(machine)
            let target = slot(machine)
            guard target >= 0, machine.fault == nil else { return false }
            let legal = newValue >= lower && newValue <= upper
                && (!optionalProcess || newValue == ProcessID.noneValue || decl.domain.contains(newValue, roles: roles))
            guard legal else {
                machine.fault = "value \(newValue) assigned to '\(decl.name)' is outside its domain \(decl.domain.describe(roles: roles))"
                return false
            }
            guard machine.markWritten(target, name: decl.name) else { return false }
            machine.state[target] = newValue
            return true
        }
    }

    private func compileSend(_ kind: Int, _ fields: [Expr], _ from: Expr, _ to: Expr) -> Executor {
        let values = fields.map { CompiledExpr(expressions.compile($0)) }
        let sender = expressions.compile(from)
        let receiver = expressions.compile(to)
        let layout = self.layout
        let message = ir.messages[kind]
        let processes = ir.processCount
        let ir = ir
        func name(_ id: Int) -> String {   // what the user wrote: a process, none, or a number out of range
            if id == ProcessID.noneValue { return "none" }
            return id >= 0 && id < processes ? ir.processName(id) : "process #\(id)"
        }
        return { machine in
            let source = sender(machine), target = receiver(machine)
            guard source >= 0 && source < processes && target >= 0 && target < processes else {
                machine.fault = "message '\(message.name)' sent from \(name(source)) to \(name(target)): not a process"
                return false
            }
            // Field values may read the fields of the message being handled (`m[f]`), so they are
            // evaluated against the handler's fields and collected in a separate buffer.
            let code: Int? = withUnsafeTemporaryAllocation(of: Int.self, capacity: max(values.count, 1)) { payload in
                for (position, value) in values.enumerated() { payload[position] = value.evaluate(machine) }
                return layout.codec.code(kind: kind, fields: payload.baseAddress!)
            }
            guard machine.fault == nil else { return false }
            guard let code else {
                machine.fault = "a field of message '\(message.name)' is outside its domain"
                return false
            }
            machine.dirty = true
            guard NetworkOps.send(code: code, from: source, to: target, in: machine.state, layout: layout) else {
                machine.overflowed = true
                return false
            }
            machine.sentLog?.append(RawMessage(sender: source, receiver: target, code: code))
            return true
        }
    }
}

extension ValueDomain {
    /// The domain as a person reads it, e.g. `0...3`, `Phase`, `process or none`.
    func describe(roles: [RoleDecl]) -> String {
        switch self {
        case .bool: return "Bool"
        case .range(let lower, let upper): return "\(lower)...\(upper)"
        case .enumeration(let name, _): return name
        case .process(let role, let optional): return "\(roles[role.index].name) id\(optional ? " or none" : "")"
        }
    }
}
