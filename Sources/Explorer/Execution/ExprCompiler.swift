import Kripke

/// A compiled expression: evaluates against a machine's state and bindings.
typealias Evaluator = (Machine) -> Int

/// An `Evaluator` to keep in an array. A closure stored in an array (or any generic container)
/// is held at the container's most general calling convention, so every call from it goes
/// through two conversion thunks; wrapped in this struct it is called directly.
///
/// ```swift
/// let invariants = ir.invariants.map { CompiledExpr(compiler.compile($0.condition)) }
/// let holds = invariants[0].evaluate(machine) != 0
/// ```
struct CompiledExpr {
    let evaluate: Evaluator

    init(_ evaluate: @escaping Evaluator) { self.evaluate = evaluate }
}

/// Compiles IR expressions into closures over a `Machine` — the explorer's reading of the IR.
///
/// ```swift
/// let compiler = ExprCompiler(ir: ir, layout: layout)
/// let eval = compiler.compile(invariant.condition)
/// let holds = eval(machine) != 0
/// ```
struct ExprCompiler {
    let ir: SpecIR
    let layout: StateLayout

    func compile(_ expr: Expr) -> Evaluator {
        switch expr {
        case .literal(let value):
            return { _ in value }
        case .binding(let binding):
            let index = binding.index
            return { $0.bindings[index] }
        case .messageField(let position):
            return { $0.fields[position] }
        case .variable(let variable, let indices):
            if let read = compileDirectRead(variable, indices) { return read }
            let slot = compileSlot(variable, indices)
            return { machine in
                let index = slot(machine)
                return index < 0 ? 0 : machine.state[index]
            }
        case .unary(.not, let operand):
            if case .variable(let variable, let indices) = operand, let read = bindingRead(variable, indices) {
                return { read.value($0) == 0 ? 1 : 0 }
            }
            let inner = compile(operand)
            return { inner($0) == 0 ? 1 : 0 }
        case .unary(.negate, let operand):
            let inner = compile(operand)
            return { -inner($0) }
        case .binary(let op, let lhs, .literal(let constant)):
            if case .variable(let variable, let indices) = lhs, let read = bindingRead(variable, indices),
               let fused = compileBinary(op, read, constant) {
                return fused
            }
            let a = compile(lhs)
            // Not `??`: a generic operator would hand the closure back behind conversion thunks.
            if let folded = compileBinary(op, CompiledExpr(a), constant) { return folded }
            return compileBinary(op, a, { _ in constant })
        case .binary(let op, let lhs, let rhs):
            return compileBinary(op, compile(lhs), compile(rhs))
        case .ite(let condition, let then, let otherwise):
            let c = compile(condition), t = compile(then), e = compile(otherwise)
            return { c($0) != 0 ? t($0) : e($0) }
        case .aggregate(let kind, let binding, let domain, let body):
            return compileAggregate(kind, binding.index, domain.values(roles: ir.roles), compile(body))
        case .inFlight(let kind, let sender, let receiver, let filter):
            var readsFields = false
            filter.visit { if case .messageField = $0 { readsFields = true } }
            return compileInFlight(kind.index, sender.index, receiver.index, compile(filter), readsFields: readsFields)
        case .member(let element, let subset, let role, let size):
            return compileMember(compile(element), compile(subset), ir.roles[role.index], size)
        }
    }

    /// Membership in a quorum: the subsets' bitmasks are computed once, here.
    private func compileMember(_ element: @escaping Evaluator, _ subset: @escaping Evaluator, _ role: RoleDecl,
                               _ size: Int) -> Evaluator {
        let masks = Subsets.masks(count: role.count, size: size), first = role.firstID, count = role.count
        return { machine in
            let position = element(machine) - first, index = subset(machine)
            guard position >= 0, position < count, index >= 0, index < masks.count else { return 0 }
            return Int(truncatingIfNeeded: (masks[index] >> UInt64(position)) & 1)
        }
    }

    /// The most common reads as one closure each, not a tree of them: a scalar, an array indexed
    /// by a literal (in range) or by one binding (a process or chosen value), a matrix indexed by
    /// two bindings. Nil for anything else, which `compileSlot` handles.
    private func compileDirectRead(_ variable: VariableID, _ indices: [Expr]) -> Evaluator? {
        let base = layout.variableBase[variable.index]
        let dimensions = layout.variableDimensions[variable.index]
        if indices.isEmpty { return { $0.state[base] } }
        if indices.count == 2, case .binding(let first) = indices[0], case .binding(let second) = indices[1] {
            let outer = dimensions[0], inner = dimensions[1], name = ir.variables[variable.index].name
            let rowBinding = first.index, columnBinding = second.index
            return { machine in
                let offset = Self.offset(machine.bindings[rowBinding], machine.bindings[columnBinding], outer, inner, name, machine)
                return offset < 0 ? 0 : machine.state[base + offset]
            }
        }
        guard indices.count == 1, let dimension = dimensions.first else { return nil }
        switch indices[0] {
        case .literal(let index) where index >= dimension.lower && index < dimension.lower + dimension.count:
            let slot = base + index - dimension.lower
            return { $0.state[slot] }
        case .binding:
            let read = bindingRead(variable, indices)!
            return { read.value($0) }
        default:
            return nil
        }
    }

    /// `variable[b]` for a one-dimensional variable and a binding `b`, as a value to inline into
    /// the closure of a comparison or negation around it (one closure call less per test).
    private func bindingRead(_ variable: VariableID, _ indices: [Expr]) -> BindingRead? {
        guard indices.count == 1, case .binding(let binding) = indices[0],
              let dimension = layout.variableDimensions[variable.index].first else { return nil }
        return BindingRead(base: layout.variableBase[variable.index], position: binding.index, dimension: dimension,
                           name: ir.variables[variable.index].name)
    }

    /// A closure computing the state slot of `variable[indices]`, or -1 (with a fault) when an
    /// index is outside the variable's index domain.
    func compileSlot(_ variable: VariableID, _ indices: [Expr]) -> (Machine) -> Int {
        let base = layout.variableBase[variable.index]
        let dimensions = layout.variableDimensions[variable.index]
        let name = ir.variables[variable.index].name
        if indices.count == 1, case .binding(let binding) = indices[0], let dimension = dimensions.first {
            // The usual target, `x[i] <- …` for the acting process: the binding read directly.
            let position = binding.index
            return { machine in
                let offset = Self.offset(machine.bindings[position], dimension, name, machine)
                return offset < 0 ? -1 : base + offset
            }
        }
        let parts = indices.map { CompiledExpr(compile($0)) }
        if parts.isEmpty { return { _ in base } }
        if parts.count == 1 {
            let part = parts[0].evaluate, dimension = dimensions[0]
            return { machine in
                let offset = Self.offset(part(machine), dimension, name, machine)
                return offset < 0 ? -1 : base + offset
            }
        }
        if parts.count == 2 {
            let first = parts[0].evaluate, second = parts[1].evaluate, outer = dimensions[0], inner = dimensions[1]
            return { machine in
                let offset = Self.offset(first(machine), second(machine), outer, inner, name, machine)
                return offset < 0 ? -1 : base + offset
            }
        }
        return { machine in
            var slot = base
            for (part, dimension) in zip(parts, dimensions) {
                let offset = Self.offset(part.evaluate(machine), dimension, name, machine)
                guard offset >= 0 else { return -1 }
                slot += offset
            }
            return slot
        }
    }

    private func compileBinary(_ op: Expr.BinaryOperator, _ a: @escaping Evaluator, _ b: @escaping Evaluator) -> Evaluator {
        switch op {
        case .add: return { a($0) &+ b($0) }
        case .subtract: return { a($0) &- b($0) }
        case .multiply: return { a($0) &* b($0) }
        case .divide:
            return { machine in
                let divisor = b(machine)
                guard divisor != 0 else { machine.fault = "division by zero"; return 0 }
                return a(machine) / divisor
            }
        case .modulo:
            return { machine in
                let divisor = b(machine)
                guard divisor != 0 else { machine.fault = "modulo by zero"; return 0 }
                let r = a(machine) % divisor
                return r < 0 ? r + abs(divisor) : r
            }
        case .min: return { Swift.min(a($0), b($0)) }
        case .max: return { Swift.max(a($0), b($0)) }
        case .eq: return { a($0) == b($0) ? 1 : 0 }
        case .ne: return { a($0) != b($0) ? 1 : 0 }
        case .lt: return { a($0) < b($0) ? 1 : 0 }
        case .le: return { a($0) <= b($0) ? 1 : 0 }
        case .gt: return { a($0) > b($0) ? 1 : 0 }
        case .ge: return { a($0) >= b($0) ? 1 : 0 }
        case .and: return { a($0) != 0 && b($0) != 0 ? 1 : 0 }
        case .or: return { a($0) != 0 || b($0) != 0 ? 1 : 0 }
        case .implies: return { a($0) == 0 || b($0) != 0 ? 1 : 0 }
        }
    }

    typealias Dimension = (lower: Int, count: Int, stride: Int)

    /// The slot offset of index `value` in `dimension` (its position times the stride), or -1 with
    /// a fault when the index is outside it.
    @inline(__always)
    fileprivate static func offset(_ value: Int, _ dimension: Dimension, _ name: String, _ machine: Machine) -> Int {
        let position = value - dimension.lower
        guard position >= 0 && position < dimension.count else {
            machine.fault = "index \(value) of '\(name)' is out of range"
            return -1
        }
        return position * dimension.stride
    }

    /// The slot offset of `[row, column]` in a matrix, or -1 with a fault when either index is outside.
    @inline(__always)
    private static func offset(_ row: Int, _ column: Int, _ outer: Dimension, _ inner: Dimension, _ name: String,
                               _ machine: Machine) -> Int {
        let r = row - outer.lower, c = column - inner.lower
        guard r >= 0 && r < outer.count && c >= 0 && c < inner.count else {
            machine.fault = "index (\(row), \(column)) of '\(name)' is out of range"
            return -1
        }
        return r * outer.stride + c * inner.stride
    }

    /// An operator with a literal right operand, the constant captured rather than called for;
    /// nil for the operators that may fault (division, modulo), which keep the general form.
    /// Specialised per operand: a compiled closure, or an array read inlined into the closure.
    private func compileBinary<A: Operand>(_ op: Expr.BinaryOperator, _ a: A, _ k: Int) -> Evaluator? {
        switch op {
        case .add: return { a.value($0) &+ k }
        case .subtract: return { a.value($0) &- k }
        case .multiply: return { a.value($0) &* k }
        case .min: return { Swift.min(a.value($0), k) }
        case .max: return { Swift.max(a.value($0), k) }
        case .eq: return { a.value($0) == k ? 1 : 0 }
        case .ne: return { a.value($0) != k ? 1 : 0 }
        case .lt: return { a.value($0) < k ? 1 : 0 }
        case .le: return { a.value($0) <= k ? 1 : 0 }
        case .gt: return { a.value($0) > k ? 1 : 0 }
        case .ge: return { a.value($0) >= k ? 1 : 0 }
        case .divide, .modulo, .and, .or, .implies: return nil
        }
    }

    private func compileAggregate(_ kind: Expr.Aggregate, _ binding: Int, _ values: Range<Int>,
                                  _ body: @escaping Evaluator) -> Evaluator {
        switch kind {
        case .forall:
            return { machine in
                for value in values {
                    machine.bindings[binding] = value
                    if body(machine) == 0 { return 0 }
                }
                return 1
            }
        case .exists:
            return { machine in
                for value in values {
                    machine.bindings[binding] = value
                    if body(machine) != 0 { return 1 }
                }
                return 0
            }
        case .count:
            return { machine in
                var total = 0
                for value in values {
                    machine.bindings[binding] = value
                    if body(machine) != 0 { total += 1 }
                }
                return total
            }
        case .sum:
            return { machine in
                var total = 0
                for value in values {
                    machine.bindings[binding] = value
                    total &+= body(machine)
                }
                return total
            }
        }
    }

    /// Counts the messages of `kind` the filter accepts. Only a filter that reads message fields
    /// needs them decoded, into scratch space (the enclosing handler's fields stay intact).
    private func compileInFlight(_ kind: Int, _ sender: Int, _ receiver: Int, _ filter: @escaping Evaluator,
                                 readsFields: Bool) -> Evaluator {
        let layout = self.layout
        let count: Evaluator = { machine in
            var total = 0
            NetworkOps.forEachMessage(in: machine.state, layout: layout) { from, to, code in
                guard layout.messages.kind(of: code) == kind else { return }
                if readsFields { _ = layout.messages.decode(code, into: machine.fields) }
                machine.bindings[sender] = from
                machine.bindings[receiver] = to
                if filter(machine) != 0 { total += 1 }
            }
            return total
        }
        return readsFields ? { machine in machine.withScratchFields { count(machine) } } : count
    }
}

/// A read of a one-dimensional array at a binding, `x[i]`: the slot is the array's base plus the
/// binding's offset in the index domain (0, with a fault, when it is outside).
///
/// ```swift
/// let read = BindingRead(base: 4, position: 0, dimension: (lower: 0, count: 3, stride: 1), name: "x")
/// read.value(machine)   // machine.state[4 + machine.bindings[0]]
/// ```
private struct BindingRead: Operand {
    let base: Int
    let position: Int
    let dimension: ExprCompiler.Dimension
    let name: String

    @inline(__always) func value(_ machine: Machine) -> Int {
        let offset = ExprCompiler.offset(machine.bindings[position], dimension, name, machine)
        return offset < 0 ? 0 : machine.state[base + offset]
    }
}

/// What an operator reads its left operand from (`ExprCompiler.compileBinary(_:_:_:)` is
/// specialised for each).
///
/// ```swift
/// let operand: some Operand = CompiledExpr { $0.state[0] }
/// operand.value(machine)
/// ```
private protocol Operand {
    func value(_ machine: Machine) -> Int
}

extension CompiledExpr: Operand {
    @inline(__always) func value(_ machine: Machine) -> Int { evaluate(machine) }
}
