import Kripke

/// A spec compiled for explicit-state search: the initial states, successor enumeration,
/// invariant and end-state checks, all as closures over packed-layout states.
///
/// ```swift
/// let system = try TransitionSystem(ir)
/// let machine = system.makeMachine()
/// system.forEachSuccessor(of: state, machine: machine) { instance in /* machine.state is the successor */ }
/// ```
final class TransitionSystem {
    let ir: SpecIR
    let layout: StateLayout
    let packer: StatePacker
    /// Every initial state, unpacked, in enumeration order (one unless variables start at a choice).
    let initialStates: [[Int]]
    private let actions: [CompiledAction]
    private let invariants: [CompiledExpr]
    private let validEnd: Evaluator?
    private let constraints: [CompiledExpr]
    /// Whether the spec has state constraints (else every state is expanded).
    let constrained: Bool
    private let hasHandlers: Bool

    /// A class, not a struct: the successor loop then takes one reference per action instead of
    /// copying (and retaining) its closure, guards and choice encoding.
    private final class CompiledAction {
        let processes: Range<Int>
        let processBinding: Int
        /// How a choice code binds the action's parameters; nil without parameters.
        let choice: ChoiceEncoding?
        let messageKind: Int?
        let senderBinding: Int
        let run: Executor
        /// The body's leading `Require` conditions, in order.
        let guards: [CompiledExpr]
        /// The first of those that read neither the acting process nor the action's parameters,
        /// as one condition (nil if the first guard reads them): evaluated once per state, not
        /// once per instance. When it is false, no instance is enabled.
        let sharedGuard: CompiledExpr?

        init(processes: Range<Int>, processBinding: Int, choice: ChoiceEncoding?, messageKind: Int?, senderBinding: Int,
             run: @escaping Executor, guards: [CompiledExpr], sharedGuard: CompiledExpr?) {
            self.processes = processes
            self.processBinding = processBinding
            self.choice = choice
            self.messageKind = messageKind
            self.senderBinding = senderBinding
            self.run = run
            self.guards = guards
            self.sharedGuard = sharedGuard
        }
    }

    init(_ ir: SpecIR) throws(SpecError) {
        self.ir = ir
        layout = StateLayout(ir)
        packer = StatePacker(layout)
        let expressions = ExprCompiler(ir: ir, layout: layout)
        let statements = StmtCompiler(ir: ir, layout: layout)
        actions = ir.actions.map { action in
            var kind: Int?
            var sender = 0
            if case .message(let k, let s) = action.trigger {
                kind = k.index
                sender = s.index
            }
            let conditions = action.body.prefix { if case .require = $0 { true } else { false } }.compactMap { statement in
                if case .require(let condition, _) = statement { condition } else { nil }
            }
            return CompiledAction(
                processes: IterationDomain.role(action.role).values(roles: ir.roles),
                processBinding: action.process.index,
                choice: ChoiceEncoding(action, roles: ir.roles),
                messageKind: kind, senderBinding: sender, run: statements.compile(action.body),
                guards: conditions.map { CompiledExpr(expressions.compile($0)) },
                sharedGuard: kind == nil ? Self.sharedGuard(of: action, conditions).map { CompiledExpr(expressions.compile($0)) } : nil)
        }
        hasHandlers = actions.contains { $0.messageKind != nil }
        invariants = ir.invariants.map { CompiledExpr(expressions.compile($0.condition)) }
        validEnd = ir.validEndState.map(expressions.compile)
        constraints = ir.stateConstraints.map { CompiledExpr(expressions.compile($0.condition)) }
        constrained = !constraints.isEmpty
        initialStates = try InitialStates.enumerate(ir, layout: layout, expressions: expressions)
    }

    /// The conjunction of the leading `conditions` that mention neither the action's process
    /// nor its parameters (`and` evaluates left to right and stops at the first false one, as
    /// the body's `Require`s do); nil when the first one mentions them.
    private static func sharedGuard(of action: ActionDecl, _ conditions: [Expr]) -> Expr? {
        let perInstance = [action.process] + action.parameters.map(\.0)
        let shared = conditions.prefix { condition in !perInstance.contains { condition.mentions($0) } }
        guard let first = shared.first else { return nil }
        return shared.dropFirst().reduce(first) { .binary(.and, $0, $1) }
    }

    func makeMachine() -> Machine {
        Machine(slotCount: layout.slotCount, bindingCount: ir.bindingCount, fieldCount: layout.codec.maxFieldCount)
    }

    /// Outcome of expanding one state.
    struct Expansion {
        /// Number of enabled action instances (successors emitted, duplicates included).
        var enabled = 0
        /// Action instances dropped because a send found the network full.
        var overflows = 0
        /// The first modelling fault met, with the action instance that hit it.
        var fault: (message: String, instance: ActionInstance)?
        /// The first step that failed an assertion (its index in `SpecIR.assertions`).
        var failedAssertion: (assertion: Int, instance: ActionInstance)?
        /// Told of each instance dropped for a full network.
        var overflowed: ((ActionInstance) -> Void)?
    }

    /// Runs every action instance on `state`; calls `emit` with `machine.state` holding each successor,
    /// and `overflow` with each instance whose send found the network full.
    /// Stops early and reports the fault if an instance hits a modelling error; `machine.failedAssertion`
    /// tells `emit` whether the step failed an assertion.
    func forEachSuccessor(of state: UnsafePointer<Int>, machine: Machine,
                          overflow: ((ActionInstance) -> Void)? = nil,
                          _ emit: (ActionInstance) -> Void) -> Expansion {
        var expansion = Expansion(overflowed: overflow)
        machine.load(state)
        if hasHandlers || layout.lossy { collectMessages(state, allSlots: layout.lossy, into: &machine.inFlight) }
        let messages = machine.inFlight
        for (index, action) in actions.enumerated() {
            if let kind = action.messageKind {
                deliver(kind, action, index, messages, state, machine, &expansion, emit)
            } else {
                // A false shared guard disables every instance. (One that faults is left to the
                // first instance, which meets the same fault and reports it.)
                if let shared = action.sharedGuard {
                    machine.reload(state)
                    if shared.evaluate(machine) == 0 && machine.fault == nil { continue }
                }
                for process in action.processes {
                    for choice in action.choice?.codes ?? 0..<1 {
                        machine.reload(state)
                        machine.bindings[action.processBinding] = process
                        action.choice?.bind(choice, into: machine.bindings)
                        let instance = ActionInstance(action: index, process: process, choice: choice, sender: -1, messageCode: -1)
                        if !finish(action.run(machine), instance, machine, &expansion, emit) { return expansion }
                    }
                }
            }
        }
        if layout.lossy { lose(messages, state, machine, &expansion, emit) }
        return expansion
    }

    /// Action index of a message loss in `ActionInstance.action`.
    static let lossAction = -1

    /// The network loses one message (each distinct message in flight once).
    private func lose(_ messages: [MessageInFlight], _ state: UnsafePointer<Int>, _ machine: Machine,
                      _ expansion: inout Expansion, _ emit: (ActionInstance) -> Void) {
        for message in messages where layout.semantics == .fifo || message.deliverable {
            machine.reload(state)
            machine.dirty = true
            NetworkOps.remove(slot: message.slot, in: machine.state, last: lastSlot(of: message.slot))
            expansion.enabled += 1
            emit(ActionInstance(action: TransitionSystem.lossAction, process: message.receiver, choice: 0,
                                sender: message.sender, messageCode: message.code))
        }
    }

    /// The last slot of the channel (FIFO) or bag (unordered) that `slot` belongs to.
    private func lastSlot(of slot: Int) -> Int {
        switch layout.semantics {
        case .fifo:
            let channelStart = slot - (slot - layout.networkBase) % layout.capacity
            return channelStart + layout.capacity - 1
        case .unordered:
            return layout.networkBase + layout.capacity - 1
        }
    }

    /// Returns false when the search must stop (a fault).
    private func finish(_ ran: Bool, _ instance: ActionInstance, _ machine: Machine,
                        _ expansion: inout Expansion, _ emit: (ActionInstance) -> Void) -> Bool {
        if let fault = machine.fault {
            expansion.fault = (fault, instance)
            return false
        }
        if machine.overflowed {
            expansion.overflows += 1
            expansion.overflowed?(instance)
        } else if ran {
            expansion.enabled += 1
            emit(instance)
            if machine.failedAssertion >= 0 && expansion.failedAssertion == nil {
                expansion.failedAssertion = (machine.failedAssertion, instance)
            }
        }
        return true
    }

    private func deliver(_ kind: Int, _ action: CompiledAction, _ index: Int, _ messages: [MessageInFlight],
                         _ state: UnsafePointer<Int>, _ machine: Machine, _ expansion: inout Expansion,
                         _ emit: (ActionInstance) -> Void) {
        for message in messages where message.deliverable && message.kind == kind && action.processes.contains(message.receiver) {
            machine.reload(state)
            if !layout.duplicating {
                machine.dirty = true
                NetworkOps.remove(slot: message.slot, in: machine.state, last: lastSlot(of: message.slot))
            }
            _ = layout.messages.decode(message.code, into: machine.fields)
            machine.bindings[action.processBinding] = message.receiver
            machine.bindings[action.senderBinding] = message.sender
            let instance = ActionInstance(action: index, process: message.receiver, choice: 0, sender: message.sender,
                                          messageCode: message.code)
            if !finish(action.run(machine), instance, machine, &expansion, emit) { return }
        }
    }

    /// The messages in flight, decoded: FIFO channel heads (or, with `allSlots`, every queued
    /// message, for losses), or every bag entry.
    private func collectMessages(_ state: UnsafePointer<Int>, allSlots: Bool, into messages: inout [MessageInFlight]) {
        messages.removeAll(keepingCapacity: true)
        switch layout.semantics {
        case .fifo:
            for sender in 0..<layout.processCount {
                for receiver in 0..<layout.processCount {
                    let base = layout.channelBase(sender: sender, receiver: receiver)
                    for position in 0..<(allSlots ? layout.capacity : min(layout.capacity, 1)) where state[base + position] != 0 {
                        let code = state[base + position] - 1
                        messages.append(MessageInFlight(slot: base + position, sender: sender, receiver: receiver, code: code,
                                                        kind: layout.messages.kind(of: code), deliverable: position == 0))
                    }
                }
            }
        case .unordered:
            var previous = -1
            for position in 0..<layout.capacity where state[layout.networkBase + position] != 0 {
                let value = state[layout.networkBase + position]
                let (sender, receiver, code) = layout.bagEntry(value)
                messages.append(MessageInFlight(slot: layout.networkBase + position, sender: sender, receiver: receiver, code: code,
                                                kind: layout.messages.kind(of: code), deliverable: value != previous))
                previous = value
            }
        }
    }

    /// Positions of the leading `Require`s of `action` that are false in the machine's loaded
    /// state for this process, choice and message (`messageCode` −1: none, for a local action or
    /// for the conditions that do not read the message).
    func failingGuards(action index: Int, process: Int, choice: Int, sender: Int, messageCode: Int,
                       machine: Machine) -> [Int] {
        let action = actions[index]
        machine.bindings[action.processBinding] = process
        action.choice?.bind(choice, into: machine.bindings)
        if messageCode >= 0 {
            machine.bindings[action.senderBinding] = sender
            _ = layout.messages.decode(messageCode, into: machine.fields)
        }
        return action.guards.indices.filter { action.guards[$0].evaluate(machine) == 0 }
    }

    /// Whether a state can break an invariant or lie outside the state constraints (else no
    /// state needs checking).
    var checksStates: Bool { !invariants.isEmpty || constrained }

    /// Index of the first invariant violated by the machine's state, if any.
    func violatedInvariant(_ machine: Machine) -> Int? {
        for (index, invariant) in invariants.enumerated() where invariant.evaluate(machine) == 0 { return index }
        return nil
    }

    /// Whether the machine's state satisfies every state constraint (a state outside them is
    /// stored and checked, not expanded).
    func withinConstraints(_ machine: Machine) -> Bool {
        violatedConstraint(machine) == nil
    }

    /// Index of the first state constraint the machine's state is outside of, if any.
    func violatedConstraint(_ machine: Machine) -> Int? {
        constraints.firstIndex { $0.evaluate(machine) == 0 }
    }

    /// Whether the machine's state is a declared valid end state.
    func isValidEnd(_ machine: Machine) -> Bool {
        guard let validEnd else { return false }
        return validEnd(machine) != 0
    }
}
