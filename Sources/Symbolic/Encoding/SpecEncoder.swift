import Kripke
import SMT

/// Translates a spec's IR — the same IR the explorer runs — into Z3 constraints over time frames:
/// the initial state, domain bounds of every frame, the invariants, and the transition relation
/// with a step selector (`step@k` = index of the action instance that fired between frame k and
/// k+1) and explicit frame conditions (a slot changes only if the selected instance writes it).
///
/// ```swift
/// let encoder = try SpecEncoder(ir, context: ctx)
/// let f0 = try encoder.frame(0), f1 = try encoder.frame(1)
/// try solver.assert(encoder.initial(f0))
/// try solver.assert(encoder.transition(from: f0, to: f1).relation)
/// ```
final class SpecEncoder {
    let ir: SpecIR
    let context: Context
    let algebra: Algebra
    let catalog: MessageNumbering
    let layout: SymbolicLayout
    let instances: [SymbolicInstance]
    /// The initial state's slot values (the network starts empty); `nil` where a slot starts at any
    /// value of a domain (`InitialValue.anyOf`).
    let initialSlots: [Int?]

    /// The constraint that frame k+1 follows frame k by one step, and when frame k has no step.
    struct Transition {
        let relation: Term
        let selector: Term
        /// No instance is enabled and no send overflowed (the explorer's deadlock condition,
        /// before the valid-end-state exemption).
        let stuck: Term
        /// Per instance: it is enabled in the frame the step starts from.
        let enabled: [Term]
        /// Per instance: one of its sends finds the network full in the frame the step starts from
        /// (the explorer does not take such a step and reports the search incomplete).
        let overflows: [Term]

        /// The selected instance fails an `Assert` (the explorer's assertion violation: the step
        /// is taken and executes an `Assert` whose condition is false).
        let assertionFailed: Term
        /// Per instance: its `Assert`s in execution order, each with when it fails.
        let assertions: [[(assertion: Int, fails: Term)]]

        /// The assertion the step `model` selects fails first (as the explorer names it), if any.
        func failedAssertion(in model: Model) throws -> Int? {
            let instance = try model.int(selector)
            guard assertions.indices.contains(instance) else { return nil }
            return try assertions[instance].first { try model.bool($0.fails) }?.assertion
        }

        /// Some instance's send finds the network full in the frame the step starts from.
        func overflow(_ context: Context) throws -> Term { try context.or(overflows) }
    }

    init(_ ir: SpecIR, context: Context) throws {
        if ir.network.duplicating && ir.network.semantics == .fifo {
            throw SymbolicError.unsupported("a duplicating FIFO network")
        }
        self.ir = ir
        self.context = context
        algebra = Algebra(context: context)
        catalog = MessageNumbering(ir)
        var keys: Set<MessageKey> = []
        while true {   // the messages that can ever be in flight: a fixpoint over sends
            let layout = SymbolicLayout(ir, keys: keys)
            let instances = SymbolicInstance.all(ir, layout: layout, catalog: catalog)
            let probe = try Frame(index: 0, name: "probe", layout: layout, ir: ir, context: context)
            var found: Set<MessageKey> = []
            for instance in instances {
                let step = try SpecEncoder.step(instance, from: probe, ir: ir, layout: layout, catalog: catalog, algebra: algebra)
                found.formUnion(step.unknownKeys)
            }
            if found.isSubset(of: keys) {
                self.layout = layout
                self.instances = instances
                break
            }
            keys.formUnion(found)
        }
        initialSlots = try SpecEncoder.initialSlots(ir, layout: layout, catalog: catalog, algebra: algebra, context: context)
    }

    func frame(_ index: Int, name: String = "") throws -> Frame {
        try Frame(index: index, name: name, layout: layout, ir: ir, context: context)
    }

    /// Frame `frame` is an initial state: fixed slots at their values, chosen slots within their
    /// choices, the network empty, and every initial condition true.
    func initial(_ frame: Frame) throws -> Term {
        let probe = makeStep(frame)
        var equalities: [Term] = []
        for (slot, term) in frame.slots.enumerated() {
            if let value = initialSlots[slot] {
                equalities.append(try term == value)
            } else if case .anyOf(let choices) = ir.variables[layout.slotVariable[slot]].initial {
                equalities.append(try algebra.condition(probe.legal(.integer(term), in: choices)))
            }
        }
        equalities += try ir.initialConditions.map { try condition($0, in: frame) }
        equalities += try frame.counters.map { try $0 == 0 }
        equalities += try frame.lengths.map { try $0 == 0 }
        equalities += try frame.queues.flatMap { try $0.map { try $0 == 0 } }
        return try context.and(equalities)
    }

    /// Every slot of `frame` lies in its domain; the network holds at most `capacity` messages
    /// (per channel for FIFO, in total for unordered) and FIFO queues are filled head first.
    func domains(_ frame: Frame) throws -> Term {
        let probe = makeStep(frame)
        var parts: [SymValue] = []
        for (slot, term) in frame.slots.enumerated() {
            parts.append(try probe.legal(.integer(term), in: ir.variables[layout.slotVariable[slot]].domain))
        }
        let capacity = layout.capacity
        let perMessage = ir.network.duplicating ? min(1, capacity) : capacity
        parts += try frame.counters.map { try algebra.within(.integer($0), 0, perMessage) }
        if let total = frame.total {
            parts.append(try algebra.binary(.eq, .integer(total), algebra.sum(frame.counters.map(SymValue.integer))))
            parts.append(try algebra.binary(.le, .integer(total), .constant(capacity)))
        }
        for (channel, length) in frame.lengths.enumerated() {
            parts.append(try algebra.within(.integer(length), 0, capacity))
            let pair = layout.channels[channel]
            let codes = layout.keys.filter { $0.sender == pair.sender && $0.receiver == pair.receiver }.map { $0.code + 1 }
            for (position, entry) in frame.queues[channel].enumerated() {
                let empty = try algebra.binary(.eq, .integer(entry), .constant(0))
                let beyond = try algebra.binary(.le, .integer(length), .constant(position))
                parts.append(try algebra.binary(.eq, empty, beyond))
                parts.append(try algebra.or([empty] + codes.map { try algebra.binary(.eq, .integer(entry), .constant($0)) }))
            }
        }
        return try algebra.condition(algebra.and(parts))
    }

    /// The condition of invariant `index` in `frame` (reads out of range give 0, as in the explorer).
    func invariant(_ index: Int, in frame: Frame) throws -> Term {
        var probe = makeStep(frame)
        return try algebra.condition(probe.encode(ir.invariants[index].condition, Scope(), when: .true))
    }

    /// Whether `frame` lies within every state constraint (true when the spec has none): only
    /// such a state is expanded — has successors, can deadlock or overflow.
    func withinConstraints(_ frame: Frame) throws -> Term {
        try context.and(ir.stateConstraints.map { try condition($0.condition, in: frame) })
    }

    /// Whether the closed condition `expr` (no free bindings) holds in `frame`.
    func condition(_ expr: Expr, in frame: Frame) throws -> Term {
        var probe = makeStep(frame)
        return try algebra.condition(probe.encode(expr, Scope(), when: .true))
    }

    /// Whether two frames hold the same state (every slot, counter and queue).
    func same(_ a: Frame, _ b: Frame) throws -> Term {
        var equalities = try zip(a.slots, b.slots).map { try $0 == $1 } + zip(a.counters, b.counters).map { try $0 == $1 }
        equalities += try zip(a.lengths, b.lengths).map { try $0 == $1 }
        for channel in a.queues.indices {   // only the positions in use: a FIFO's free slots hold nothing
            for position in a.queues[channel].indices {
                let used = try a.lengths[channel] > position
                equalities.append(try used.implies(a.queues[channel][position] == b.queues[channel][position]))
            }
        }
        return try context.and(equalities)
    }

    /// Whether `frame` is a declared valid end state (false when the spec declares none).
    func validEnd(in frame: Frame) throws -> Term {
        guard let condition = ir.validEndState else { return try context.bool(false) }
        var probe = makeStep(frame)
        return try algebra.condition(probe.encode(condition, Scope(), when: .true))
    }

    /// One step from `current` to `next`, selected by `step@k`.
    func transition(from current: Frame, to next: Frame) throws -> Transition {
        let selector = try context.intConst("step@\(current.index)")
        var outcomes: [StepEncoder] = []
        var enabled: [Term] = []
        var clauses = [try selector >= 0, try selector < instances.count]
        for (index, instance) in instances.enumerated() {
            let outcome = try SpecEncoder.step(instance, from: current, ir: ir, layout: layout, catalog: catalog, algebra: algebra)
            guard outcome.unknownKeys.isEmpty else {
                throw SymbolicError.unsupported("a message key was missed by key discovery (internal)")
            }
            enabled.append(try algebra.condition(outcome.alive))
            clauses.append(try (selector == index).implies(enabled[index]))
            outcomes.append(outcome)
        }
        func successor(_ now: Term, _ next: Term, _ value: (StepEncoder) -> SymValue) throws -> Term {
            var chosen = SymValue.integer(now)
            for (index, outcome) in outcomes.enumerated() where !value(outcome).isSame(as: .integer(now)) {
                chosen = try algebra.ite(.boolean(selector == index), value(outcome), chosen)
            }
            return try next == algebra.integer(chosen)
        }
        for slot in 0..<current.slots.count {
            clauses.append(try successor(current.slots[slot], next.slots[slot]) { $0.slots[slot] })
        }
        for key in 0..<current.counters.count {
            clauses.append(try successor(current.counters[key], next.counters[key]) { $0.network.counters[key] })
        }
        for channel in 0..<current.lengths.count {
            clauses.append(try successor(current.lengths[channel], next.lengths[channel]) { $0.network.lengths[channel] })
            for position in 0..<layout.capacity {
                clauses.append(try successor(current.queues[channel][position], next.queues[channel][position]) {
                    $0.network.queues[channel][position]
                })
            }
        }
        let stuck = try algebra.and(outcomes.map { try algebra.not(algebra.or([$0.alive, $0.overflowed])) })
        var failing: [Term] = []
        let assertions = try outcomes.map { outcome in
            try outcome.assertions.map { ($0.assertion, try algebra.condition($0.fails)) }
        }
        for (index, checks) in assertions.enumerated() where !checks.isEmpty {
            failing.append(try context.and([selector == index, context.or(checks.map(\.1))]))
        }
        return Transition(relation: try context.and(clauses), selector: selector, stuck: try algebra.condition(stuck),
                          enabled: enabled, overflows: try outcomes.map { try algebra.condition($0.overflowed) },
                          assertionFailed: try context.or(failing), assertions: assertions)
    }

    private func makeStep(_ frame: Frame) -> StepEncoder {
        StepEncoder(ir: ir, layout: layout, catalog: catalog, algebra: algebra, frame: frame)
    }
}
