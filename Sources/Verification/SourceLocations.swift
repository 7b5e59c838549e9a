import Kripke

extension SpecIR {
    /// Where reports locate results that concern the whole spec: its definition, or else its first action.
    var declarationLocation: SourceLocation? {
        location ?? actions.first?.location
    }

    /// Where the action of each step of `trace` is declared (nil for the network's own steps).
    func locations(of trace: Trace) -> [SourceLocation?] {
        let declared = Dictionary(actions.map { ($0.name, $0.location) }, uniquingKeysWith: { first, _ in first })
        return trace.steps.map { step in
            step.process == TraceStep.networkProcess ? nil : declared[step.action]
        }
    }
}
