import Kripke

extension SpecIR {
    /// The last line of a counterexample to the assertion with `message`: the step that fails it
    /// and where the `Assert` is written. The trace shows that step and the state it produced
    /// (an `Assert` does not stop its step).
    ///
    /// ```swift
    /// ir.assertionConclusion("ballots bounded", trace: trace)
    /// // "⇒ assertion 'ballots bounded' fails in step 3 (p0: phase2a (choosing 1, 0)), at Paxos.swift:88."
    /// ```
    func assertionConclusion(_ message: String, trace: Trace) -> String {
        let step = trace.steps.last.map { " (\($0))" } ?? ""
        let location = assertions.first { $0.message == message }.flatMap { $0.location.isKnown ? ", at \($0.location)" : nil } ?? ""
        return "⇒ assertion '\(message)' fails in step \(trace.length)\(step)\(location)."
    }
}
