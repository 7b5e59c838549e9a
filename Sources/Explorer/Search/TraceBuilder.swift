import Kripke

/// Rebuilds a counterexample from the fingerprints along its path by re-executing actions from
/// the initial state the path starts at (TLC's method): at each step, the first successor, in the explorer's
/// deterministic order, whose fingerprint matches the next one on the path.
///
/// ```swift
/// let trace = TraceBuilder(system: system, symmetry: false).trace(through: [fp0, fp1, fp2])
/// ```
struct TraceBuilder {
    let system: TransitionSystem
    /// Whether the path's fingerprints are of canonical (symmetry-reduced) states. The trace is a
    /// real run either way: each step takes a real successor whose canonical form is on the path.
    var symmetry: Bool
    let namer: TraceNamer

    init(system: TransitionSystem, symmetry: Bool = false) {
        self.system = system
        self.symmetry = symmetry
        namer = TraceNamer(system.ir)
    }

    /// The run through `path`'s states; with `accepts`, step k takes the first successor that
    /// both matches the fingerprint and whose action instance `accepts(k, instance)` approves
    /// (a lasso names the very instance each edge took). With `assertion`, one more step follows:
    /// the first successor of the last state whose step fails that assertion (its index in
    /// `SpecIR.assertions`).
    func trace(through path: [UInt64], thenFailing assertion: Int? = nil,
               accepts: ((Int, ActionInstance) -> Bool)? = nil) -> Trace {
        let machine = system.makeMachine()
        machine.sentLog = []
        let decoder = StateDecoder(system: system)
        let fingerprinter = StateFingerprinter(system: system, symmetry: symmetry)
        // The first initial state on the path (in canonical form under symmetry): a real initial state.
        guard var current = system.initialStates.first(where: { fingerprinter.fingerprint($0) == path.first }) else {
            preconditionFailure("trace reconstruction lost the path: it does not start at an initial state")
        }
        var frames = [decoder.frame(current)]
        var steps: [TraceStep] = []
        // A fingerprint to reach, or nil for the step that fails `assertion`.
        let targets = path.dropFirst().map(Optional.some) + (assertion == nil ? [] : [nil])
        for (index, target) in targets.enumerated() {
            var match: (ActionInstance, [Int], [RawMessage])?
            current.withUnsafeBufferPointer { source in
                _ = system.forEachSuccessor(of: source.baseAddress!, machine: machine) { instance in
                    guard match == nil, accepts?(index, instance) ?? true else { return }
                    let reached = target.map { fingerprinter.fingerprint(machine.state) == $0 }
                        ?? (machine.failedAssertion == assertion)
                    if reached {
                        match = (instance, Array(UnsafeBufferPointer(start: machine.state, count: system.layout.slotCount)),
                                 machine.sentLog ?? [])
                    }
                }
            }
            guard let (instance, successor, sent) = match else {
                preconditionFailure("trace reconstruction lost the path: the successor relation is not deterministic")
            }
            steps.append(step(for: instance, sent: sent))
            frames.append(decoder.frame(successor))
            current = successor
        }
        return namer.trace(frames: frames, steps: steps)
    }

    /// The trace label of an action instance, with the messages it sent where known.
    func step(for instance: ActionInstance, sent: [RawMessage] = []) -> TraceStep {
        if instance.action == TransitionSystem.lossAction {
            return namer.loss(sender: instance.sender, receiver: instance.process, code: instance.messageCode)
        }
        let delivers = if case .message = system.ir.actions[instance.action].trigger { true } else { false }
        return namer.step(action: instance.action, process: instance.process,
                          delivered: delivers ? (instance.sender, instance.messageCode) : nil, choice: instance.choice,
                          sent: sent)
    }
}
