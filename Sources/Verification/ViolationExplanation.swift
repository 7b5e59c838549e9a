import Explorer
import Kripke

extension Outcome {
    /// Names the instance that falsifies the violated invariant (found by replaying the trace on
    /// the explorer and evaluating the invariant's parts in its last state) in the property, the
    /// summary and the trace's conclusion.
    mutating func explainViolation(of ir: SpecIR) {
        guard let run = trace, run.kind == .counterexample,
              let index = properties.firstIndex(where: { $0.verdict == .violated && ($0.kind == .invariant || $0.kind == .lemma) }),
              let instance = (try? TraceReplay(ir).falsifyingInstance(of: properties[index].name, at: run.trace)) ?? nil,
              !instance.description.isEmpty else { return }
        properties[index].falsifiedBy = instance
        summary += " — \(instance)"
        trace = OutcomeTrace(kind: run.kind, trace: run.trace, property: run.property, isShortest: run.isShortest,
                             heading: run.heading,
                             conclusion: "⇒ \(properties[index].displayName) is violated in the last state — \(instance).",
                             description: run.description, stepLocations: run.stepLocations)
    }
}
