import Kripke

/// Checks a trace against the explorer's semantics: its first state must be the initial state and
/// each state must be a successor of the one before under the step's action instance (same
/// action, process, message and choice). Serves `kripke trace replay` and the symbolic engine,
/// which replays every counterexample here before showing it.
///
/// A trace an engine made is compared frame by frame on its raw values; a trace read from a file
/// by the values it names (variables missing from its states, e.g. hidden ghosts, are not compared).
///
/// ```swift
/// let ir = try RicartAgrawala.tieBug.instantiate(["N": 2])
/// switch try TraceReplay(ir).replay(trace) {
/// case .replays: print("ok")
/// case .mismatch(let step, let reason): print("step \(step): \(reason)")
/// }
/// ```
public struct TraceReplay {
    public let ir: SpecIR

    public init(_ ir: SpecIR) {
        self.ir = ir
    }

    /// The verdict of a replay.
    public enum Outcome: Sendable, Equatable {
        case replays
        /// `step` 0 is the initial state; step k the k-th transition (leading to `states[k]`).
        case mismatch(step: Int, reason: String)
    }

    /// Replays `trace`. Throws `SpecError` if the spec cannot be compiled.
    public func replay(_ trace: Trace) throws(SpecError) -> Outcome {
        try replay(trace, system: TransitionSystem(ir)).outcome
    }

    /// Replays `trace` and, when it replays, gives the explorer's own rendition of it: the same
    /// states and steps, with raw frames and each step's sent messages as executing it showed them.
    public func rebuild(_ trace: Trace) throws(SpecError) -> (outcome: Outcome, rebuilt: Trace?) {
        let replayed = try replay(trace, system: TransitionSystem(ir))
        return (replayed.outcome, replayed.rebuilt)
    }

    /// Why invariant `name` fails in the last state of `trace`: the instance that falsifies it
    /// (nil when the trace does not replay, or the invariant holds there).
    public func falsifyingInstance(of name: String, at trace: Trace) throws(SpecError) -> FalsifyingInstance? {
        let system = try TransitionSystem(ir)
        guard let invariant = ir.invariants.first(where: { $0.name == name }),
              let last = replay(trace, system: system).last else { return nil }
        let machine = system.makeMachine()
        last.withUnsafeBufferPointer { machine.load($0.baseAddress!) }
        var explainer = InvariantExplainer(system: system, machine: machine)
        guard explainer.compiler.compile(invariant.condition)(machine) == 0 else { return nil }
        return explainer.explain(invariant.condition)
    }

    /// The replay's outcome, and the last state and the explorer's rendition when it replays.
    private func replay(_ trace: Trace, system: TransitionSystem) -> (outcome: Outcome, last: [Int]?, rebuilt: Trace?) {
        let decoder = StateDecoder(system: system)
        let builder = TraceBuilder(system: system, symmetry: false)
        func mismatch(step: Int, reason: String) -> (Outcome, [Int]?, Trace?) { (.mismatch(step: step, reason: reason), nil, nil) }
        guard trace.spec == ir.name, trace.parameters == ir.parameters else {
            return mismatch(step: 0, reason: "the trace is of spec '\(trace.spec)'\(describe(trace.parameters)), "
                             + "not '\(ir.name)'\(describe(ir.parameters))")
        }
        guard let first = trace.states.first, trace.steps.count == trace.states.count - 1 else {
            return mismatch(step: 0, reason: "the trace has \(trace.states.count) states and \(trace.steps.count) steps")
        }
        let missing = decoder.decode(system.initialStates[0]).values.keys.filter { !trace.variables.contains($0) }.sorted()
        guard missing.isEmpty else {   // otherwise those variables would never be compared
            return mismatch(step: 0, reason: "the trace leaves out \(missing.map { "'\($0)'" }.joined(separator: ", ")): "
                             + "every state must give every variable of the spec")
        }
        // An engine's trace carries its raw frames, compared as they are; a file's names, compared by name.
        let given = trace.frames.flatMap { $0.count == trace.states.count ? $0 : nil }
        func matches(_ state: [Int], _ index: Int) -> Bool {
            if let given { return decoder.frame(state) == given[index] }
            return difference(decoder.decode(state), trace.states[index]) == nil
        }
        guard var current = system.initialStates.first(where: { matches($0, 0) }) else {
            if system.initialStates.count > 1 {
                return mismatch(step: 0, reason: "the first state is none of the spec's \(system.initialStates.count) initial states")
            }
            let difference = difference(decoder.decode(system.initialStates[0]), first) ?? "a raw value differs"
            return mismatch(step: 0, reason: "the first state is not the initial state: \(difference)")
        }
        let machine = system.makeMachine()
        machine.sentLog = []
        var frames = [decoder.frame(current)]
        var steps: [TraceStep] = []
        for (index, step) in trace.steps.enumerated() {
            if system.constrained {
                current.withUnsafeBufferPointer { machine.load($0.baseAddress!) }
                if let outside = system.violatedConstraint(machine) {
                    return mismatch(step: index + 1, reason: "state \(index) is outside the state constraint "
                                    + "'\(ir.stateConstraints[outside].name)': the search does not expand it")
                }
            }
            let expected = trace.states[index + 1]
            var successor: (state: [Int], step: TraceStep)?
            var closest: String?
            let expansion = current.withUnsafeBufferPointer { source in
                system.forEachSuccessor(of: source.baseAddress!, machine: machine) { instance in
                    guard successor == nil, builder.step(for: instance) == step.instance else { return }
                    let state = Array(UnsafeBufferPointer(start: machine.state, count: system.layout.slotCount))
                    let executed = builder.step(for: instance, sent: machine.sentLog ?? [])
                    if !matches(state, index + 1) {
                        closest = closest ?? difference(decoder.decode(state), expected) ?? "a raw value differs"
                    } else if !step.sent.isEmpty && step.sent != executed.sent {
                        closest = closest ?? "it sends \(executed.sent.map(describe)), the trace says \(step.sent.map(describe))"
                    } else {
                        successor = (state, executed)
                    }
                }
            }
            if let successor {
                current = successor.state
                frames.append(decoder.frame(current))
                steps.append(successor.step)
                continue
            }
            if let fault = expansion.fault {
                return mismatch(step: index + 1, reason: "modelling error in \(builder.step(for: fault.instance)): \(fault.message)")
            }
            if let closest {
                return mismatch(step: index + 1, reason: "'\(step)' leads to another state: \(closest)")
            }
            return mismatch(step: index + 1, reason: "'\(step)' is not enabled")
        }
        if let loop = trace.loop {
            // A lasso: the cycle must close on the very state it started from.
            guard trace.states.indices.contains(loop) else {
                return mismatch(step: 0, reason: "the lasso's loop index \(loop) is not one of its \(trace.states.count) states")
            }
            guard frames[loop] == frames[frames.count - 1] else {
                let reason = difference(decoder.namer.state(frames[frames.count - 1]), decoder.namer.state(frames[loop]))
                    ?? "a raw value differs"
                return mismatch(step: trace.length, reason: "the cycle does not close: the last state is not state \(loop): \(reason)")
            }
            return (.replays, current, decoder.namer.trace(frames: frames, steps: steps).looping(at: loop))
        }
        return (.replays, current, decoder.namer.trace(frames: frames, steps: steps))
    }

    private func describe(_ message: DeliveredMessage) -> String {
        "\(message.kind) \(message.sender) → \(message.receiver)"
    }

    /// The first variable whose value differs, described, or nil when `expected`'s values all match.
    private func difference(_ actual: TraceState, _ expected: TraceState) -> String? {
        for name in expected.values.keys.sorted() where actual[name] != expected[name] {
            let value = actual[name].map(String.init(describing:)) ?? "no such variable"
            return "\(name) is \(value), the trace says \(expected[name]!)"
        }
        return nil
    }

    private func describe(_ parameters: [String: Int]) -> String {
        parameters.isEmpty ? "" : " (" + parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + ")"
    }
}
