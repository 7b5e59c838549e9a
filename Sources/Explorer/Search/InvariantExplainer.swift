import Kripke

/// Finds the ``FalsifyingInstance`` of an invariant that is false in the machine's state, by
/// evaluating its parts with the explorer's compiled expressions (no second reading of the IR).
struct InvariantExplainer {
    let ir: SpecIR
    let compiler: ExprCompiler
    let namer: TraceNamer
    let machine: Machine
    private var bound: Set<Int> = []
    private var instance: [String] = []
    private var reads: [String] = []

    init(system: TransitionSystem, machine: Machine) {
        ir = system.ir
        compiler = ExprCompiler(ir: system.ir, layout: system.layout)
        namer = TraceNamer(system.ir)
        self.machine = machine
    }

    /// The instance of `condition` (false in the machine's state) that falsifies it.
    mutating func explain(_ condition: Expr) -> FalsifyingInstance {
        falsify(condition)
        return FalsifyingInstance(instance: instance, reads: reads)
    }

    private func holds(_ expr: Expr) -> Bool { compiler.compile(expr)(machine) != 0 }

    /// Descends into the part of `expr` (false here) that makes it false.
    private mutating func falsify(_ expr: Expr) {
        switch expr {
        case .aggregate(.forall, let binding, let domain, let body):
            pick(binding, domain, where: body, is: false) { $0.falsify(body) }
        case .unary(.not, let operand):
            justify(operand)
        case .binary(.and, let lhs, let rhs):
            falsify(holds(lhs) ? rhs : lhs)
        case .binary(.or, let lhs, let rhs):
            falsify(lhs)
            falsify(rhs)
        case .binary(.implies, let premise, let conclusion):
            justify(premise)
            falsify(conclusion)
        default:
            counted(expr)
        }
    }

    /// Descends into the part of `expr` (true here) that makes it true.
    private mutating func justify(_ expr: Expr) {
        switch expr {
        case .aggregate(.exists, let binding, let domain, let body):
            pick(binding, domain, where: body, is: true) { $0.justify(body) }
        case .unary(.not, let operand):
            falsify(operand)
        case .binary(.and, let lhs, let rhs):
            justify(lhs)
            justify(rhs)
        case .binary(.or, let lhs, let rhs):
            justify(holds(lhs) ? lhs : rhs)
        case .binary(.implies, let premise, let conclusion):
            if holds(premise) { justify(conclusion) } else { falsify(premise) }
        default:
            counted(expr)
        }
    }

    /// Binds `binding` to the first value of `domain` for which `body` is `wanted`, then runs `then`.
    private mutating func pick(_ binding: BindingID, _ domain: IterationDomain, where body: Expr, is wanted: Bool,
                               then: (inout Self) -> Void) {
        let evaluate = compiler.compile(body)
        for value in domain.values(roles: ir.roles) {
            machine.bindings[binding.index] = value
            guard (evaluate(machine) != 0) == wanted else { continue }
            bound.insert(binding.index)
            instance.append(name(value, domain))
            then(&self)
            return
        }
    }

    /// A comparison with a count names the processes counted (and what they read); anything else
    /// its reads.
    private mutating func counted(_ expr: Expr) {
        switch expr {
        case .binary(_, .aggregate(.count, let binding, let domain, let body), let other),
             .binary(_, let other, .aggregate(.count, let binding, let domain, let body)):
            bound.insert(binding.index)
            let counts = compiler.compile(body)
            for value in domain.values(roles: ir.roles) {
                machine.bindings[binding.index] = value
                guard counts(machine) != 0 else { continue }
                instance.append(name(value, domain))
                record(body)
            }
            bound.remove(binding.index)
            record(other)
        default:
            record(expr)
        }
    }

    /// Adds the variables `expr` reads whose indices depend only on bound quantifiers.
    private mutating func record(_ expr: Expr) {
        var found: [String] = []
        expr.visit { part in
            guard case .variable(let variable, let indices) = part, readable(indices) else { return }
            let declaration = ir.variables[variable.index]
            let slot = compiler.compileSlot(variable, indices)(machine)
            guard slot >= 0 else { return }
            let keys = zip(indices, declaration.indices).map { index, domain in
                name(compiler.compile(index)(machine), domain)
            }
            let value = namer.value(machine.state[slot], in: declaration.domain)
            found.append(declaration.name + (keys.isEmpty ? "" : "[\(keys.joined(separator: ", "))]") + " = \(value)")
        }
        for read in found where !reads.contains(read) { reads.append(read) }
    }

    private func readable(_ indices: [Expr]) -> Bool {
        var ok = true
        for index in indices {
            index.visit { part in
                switch part {
                case .binding(let binding) where !bound.contains(binding.index): ok = false
                case .messageField, .aggregate, .inFlight: ok = false
                default: break
                }
            }
        }
        return ok
    }

    /// A process by name, a quorum as the set of its members' names, an integer as itself.
    private func name(_ value: Int, _ domain: IterationDomain) -> String {
        switch domain {
        case .role: return ir.processName(value)
        case .range: return String(value)
        case .subsets(let role, let size):
            let decl = ir.roles[role.index]
            let members = Subsets.members(value, count: decl.count, size: size)
            return "{" + members.map { ir.processName(decl.firstID + $0) }.joined(separator: ", ") + "}"
        }
    }
}
