import Kripke
import SMT

extension SpecEncoder {
    /// Encodes `instance` from `frame`: the delivered message is taken out of the network first
    /// (unless the network duplicates), then the body runs with the instance's bindings.
    static func step(_ instance: SymbolicInstance, from frame: Frame, ir: SpecIR, layout: SymbolicLayout,
                     catalog: MessageNumbering, algebra: Algebra) throws -> StepEncoder {
        var step = StepEncoder(ir: ir, layout: layout, catalog: catalog, algebra: algebra, frame: frame)
        var scope = Scope()
        switch instance.kind {
        case .local(let choice):
            for (binding, value) in ir.actions[instance.action!].chosenValues(choice, roles: ir.roles) {
                scope.bindings[binding.index] = value
            }
        case .delivery(let key):
            step.alive = try step.network.deliverable(key, layout: layout, algebra: algebra)
            if !ir.network.duplicating { try step.network.remove(key, layout: layout, algebra: algebra) }
            if case .message(_, let sender) = ir.actions[instance.action!].trigger { scope.bindings[sender.index] = key.sender }
            scope.fields = catalog.decode(key.code).fields
        case .loss(let key):
            step.alive = try step.network.deliverable(key, layout: layout, algebra: algebra)
            try step.network.remove(key, layout: layout, algebra: algebra)
        case .fifoLoss(let channel, let position):
            step.alive = try algebra.binary(.gt, step.network.lengths[channel], .constant(position))
            try step.network.remove(channel: channel, position: position, algebra: algebra)
        }
        guard let action = instance.action.map({ ir.actions[$0] }) else { return step }
        scope.bindings[action.process.index] = instance.process
        try step.run(action.body, scope, pc: .true)
        return step
    }

    /// The explorer's initial state: each variable slot's initial expression with its index
    /// bindings set, evaluated in declaration order over a zeroed state; `nil` for a slot that
    /// starts at any value of a domain.
    static func initialSlots(_ ir: SpecIR, layout: SymbolicLayout, catalog: MessageNumbering, algebra: Algebra,
                             context: Context) throws -> [Int?] {
        let probe = try Frame(index: 0, name: "init", layout: layout, ir: ir, context: context)
        var step = StepEncoder(ir: ir, layout: layout, catalog: catalog, algebra: algebra, frame: probe)
        step.slots = Array(repeating: .constant(0), count: layout.slotCount)
        var values: [Int?] = []
        for slot in 0..<layout.slotCount {
            let variable = ir.variables[layout.slotVariable[slot]]
            guard let initial = variable.initial.value else {
                values.append(nil)
                continue
            }
            var scope = Scope()
            for (binding, value) in zip(variable.indexBindings, layout.indexValues(ofSlot: slot)) {
                scope.bindings[binding.index] = value
            }
            guard let value = try step.encode(initial, scope, when: .true).known else {
                throw SymbolicError.unsupported("the initial value of '\(variable.name)' depends on the network")
            }
            guard variable.domain.contains(value, roles: ir.roles) else {
                throw SpecError(spec: ir.name, problems: [SpecProblem("initial value \(value) is outside its domain",
                                                                      element: "variable \(variable.name)",
                                                                      location: variable.location)])
            }
            step.slots[slot] = .constant(value)
            values.append(value)
        }
        return values
    }
}
