import Kripke

/// The premise and conclusion of every liveness property instance, compiled once to closures over
/// a machine with a state loaded: what the state graph records per state and a random run per
/// position, so both read a state's truth the same way.
///
/// ```swift
/// let predicates = LivenessPredicates(system: system, instances: LivenessInstance.all(of: system.ir))
/// machine.load(state)
/// predicates.evaluate(machine) { index, premise, conclusion in print(index, premise, conclusion) }
/// ```
struct LivenessPredicates {
    private let compiled: [(premise: Evaluator, conclusion: Evaluator, instance: LivenessInstance)]

    init(system: TransitionSystem, instances: [LivenessInstance]) {
        let compiler = ExprCompiler(ir: system.ir, layout: system.layout)
        compiled = instances.map { (compiler.compile($0.premise), compiler.compile($0.conclusion), $0) }
    }

    /// Calls `body` with each instance's index and the truth of its premise and conclusion in the
    /// state loaded into `machine` (binding the instance's process where it has one).
    func evaluate(_ machine: Machine, _ body: (Int, Bool, Bool) -> Void) {
        for (index, (premise, conclusion, instance)) in compiled.enumerated() {
            if let binding = instance.binding { machine.bindings[binding] = instance.value }
            body(index, premise(machine) != 0, conclusion(machine) != 0)
        }
    }
}
