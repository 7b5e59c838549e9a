import Kripke

extension RandomSpecs {
    static let firstChoice = BindingID(index: 5), secondChoice = BindingID(index: 6)

    /// `ir` with one local action made to choose two values `c1 ∈ 0...1, c2 ∈ 0...2`: its body
    /// first requires `x[p] ≠ c2 ∨ y[p] = c1`, and sets `g` to `c2` unless it writes `g` already.
    /// `byHand` is the same spec written with one action per pair of values (the values as
    /// literals), which must have the same states and transitions.
    ///
    /// ```swift
    /// var random = SplitMix(seed: 7)
    /// let (choosing, byHand) = RandomSpecs.withChoices(RandomSpecs.make(&random), &random)
    /// ```
    public static func withChoices(_ ir: SpecIR, _ random: inout SplitMix) -> (choosing: SpecIR, byHand: SpecIR) {
        let locals = ir.actions.indices.filter { if case .local = ir.actions[$0].trigger { true } else { false } }
        let target = locals[random.int(0...(locals.count - 1))]
        let action = ir.actions[target]
        let writesG = action.body.contains { statement in
            if case .assign(VariableID(index: 2), _, _, _) = statement { return true }
            if case .ifThenElse(_, let then, _) = statement, case .assign(VariableID(index: 2), _, _, _)? = then.first { return true }
            return false
        }
        func body(_ c1: Expr, _ c2: Expr) -> [Stmt] {
            let x = Expr.variable(VariableID(index: 0), [.binding(process)])
            let y = Expr.variable(VariableID(index: 1), [.binding(process)])
            let guardStatement = Stmt.require(.binary(.or, .binary(.ne, x, c2), .binary(.eq, y, c1)), at: here)
            let setG = writesG ? [] : [Stmt.assign(VariableID(index: 2), indices: [], value: c2, at: here)]
            return [guardStatement] + action.body + setG
        }
        func rebuilt(_ name: String, parameters: [(BindingID, IterationDomain)], body: [Stmt]) -> ActionDecl {
            ActionDecl(name: name, role: action.role, process: action.process, parameters: parameters, trigger: .local,
                       body: body, location: action.location)
        }
        var choosing = ir
        choosing.bindingCount = 7
        choosing.actions[target] = rebuilt(action.name, parameters: [(firstChoice, .range(0, 1)), (secondChoice, .range(0, 2))],
                                           body: body(.binding(firstChoice), .binding(secondChoice)))
        var byHand = ir
        byHand.actions.remove(at: target)
        for c1 in 0...1 {
            for c2 in 0...2 {
                byHand.actions.append(rebuilt("\(action.name) \(c1) \(c2)", parameters: [], body: body(.literal(c1), .literal(c2))))
            }
        }
        return (choosing, byHand)
    }
}
