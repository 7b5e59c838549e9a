import Kripke

/// Rebuilds a counterexample from the fingerprints along its path by re-executing actions from
/// the initial state (TLC's method): at each step, the first successor, in the explorer's
/// deterministic order, whose fingerprint matches the next one on the path.
///
/// ```swift
/// let trace = TraceBuilder(system: system, symmetry: false).trace(through: [fp0, fp1, fp2])
/// ```
struct TraceBuilder {
    let system: TransitionSystem
    /// Whether the path's fingerprints are of canonical (symmetry-reduced) states. The trace is a
    /// real run either way: each step takes a real successor whose canonical form is on the path.
    var symmetry = false

    func trace(through path: [UInt64]) -> Trace {
        let machine = system.makeMachine()
        let decoder = StateDecoder(system: system)
        let fingerprinter = StateFingerprinter(system: system, symmetry: symmetry)
        var current = system.initialState
        var states = [decoder.decode(current)]
        var steps: [TraceStep] = []
        for target in path.dropFirst() {
            var match: (ActionInstance, [Int])?
            current.withUnsafeBufferPointer { source in
                _ = system.forEachSuccessor(of: source.baseAddress!, machine: machine) { instance in
                    guard match == nil else { return }
                    if fingerprinter.fingerprint(machine.state) == target {
                        match = (instance, Array(UnsafeBufferPointer(start: machine.state, count: system.layout.slotCount)))
                    }
                }
            }
            guard let (instance, successor) = match else {
                preconditionFailure("trace reconstruction lost the path: the successor relation is not deterministic")
            }
            steps.append(step(for: instance))
            states.append(decoder.decode(successor))
            current = successor
        }
        let ir = system.ir
        return Trace(spec: ir.name, parameters: ir.parameters, variables: ir.variables.map(\.name) + ["network"],
                     ghosts: Set(ir.variables.filter(\.isGhost).map(\.name)), states: states, steps: steps)
    }

    /// The trace label of an action instance.
    func step(for instance: ActionInstance) -> TraceStep {
        let ir = system.ir
        let decoder = StateDecoder(system: system)
        if instance.action == TransitionSystem.lossAction {
            let kind = system.layout.codec.kind(of: instance.messageCode)
            let lost = DeliveredMessage(kind: ir.messages[kind].name, sender: ir.processName(instance.sender),
                                        receiver: ir.processName(instance.process),
                                        fields: decoder.fields(ofCode: instance.messageCode))
            return TraceStep(action: "lose \(lost.kind)", process: TraceStep.networkProcess, message: lost, choices: [])
        }
        let action = ir.actions[instance.action]
        var delivered: DeliveredMessage?
        if case .message(let kind, _) = action.trigger {
            delivered = DeliveredMessage(kind: ir.messages[kind.index].name, sender: ir.processName(instance.sender),
                                         receiver: ir.processName(instance.process),
                                         fields: decoder.fields(ofCode: instance.messageCode))
        }
        return TraceStep(action: action.name, process: ir.processName(instance.process), message: delivered,
                         choices: action.parameters.isEmpty ? [] : [instance.choice])
    }
}
