import Kripke

extension RandomSpecs {
    /// `ir` with its first invariant moved into one action as an `Assert` (at the start of the body,
    /// checking the state before the step, or at its end, checking the state the step leaves) and
    /// no invariants left: the random specs, with an assertion as the only property.
    ///
    /// ```swift
    /// var random = SplitMix(seed: 7)
    /// let asserting = RandomSpecs.withAssertion(RandomSpecs.make(&random), &random)
    /// ```
    public static func withAssertion(_ ir: SpecIR, _ random: inout SplitMix) -> SpecIR {
        var copy = ir
        let target = random.int(0...(ir.actions.count - 1))
        let action = ir.actions[target]
        let check = Stmt.assert(ir.invariants[0].condition, message: ir.invariants[0].name, at: here)
        let body = random.chance(0.5) ? [check] + action.body : action.body + [check]
        copy.actions[target] = ActionDecl(name: action.name, role: action.role, process: action.process,
                                          parameters: action.parameters, trigger: action.trigger, body: body,
                                          location: action.location)
        copy.invariants = []
        return copy
    }
}
