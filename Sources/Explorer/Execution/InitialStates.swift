import Kripke
import Foundation

/// A spec's initial states, enumerated: the cells with one initial value at that value, and every
/// combination of the cells that start at any value of a domain (`InitialValue.anyOf`, in slot
/// order, the last cell varying fastest), kept where every initial condition holds — TLC's
/// "computing initial states".
///
/// ```swift
/// let states = try InitialStates.enumerate(ir, layout: layout, expressions: expressions)
/// // EWD840 with N=3: active and color free per node, tpos free: 2³ · 2³ · 3 = 192 states
/// ```
enum InitialStates {
    /// The most combinations of initial choices enumerated; past it the spec is rejected with advice.
    static let maxCombinations = 10_000_000

    static func enumerate(_ ir: SpecIR, layout: StateLayout, expressions: ExprCompiler) throws(SpecError) -> [[Int]] {
        let machine = Machine(slotCount: layout.slotCount, bindingCount: ir.bindingCount, fieldCount: 1)
        var state = [Int](repeating: 0, count: layout.slotCount)
        var free: [(slot: Int, values: [Int])] = []
        for (index, variable) in ir.variables.enumerated() {
            let dimensions = layout.variableDimensions[index]
            let cells = layout.variableBase[index]..<(layout.variableBase[index] + dimensions.reduce(1) { $0 * $1.count })
            guard case .value(let expr) = variable.initial else {
                if case .anyOf(let choices) = variable.initial {
                    free += cells.map { ($0, choices.values(roles: ir.roles)) }
                }
                continue
            }
            let initial = expressions.compile(expr)
            for slot in cells {
                let offset = slot - cells.lowerBound
                for (position, dimension) in dimensions.enumerated() {
                    machine.bindings[variable.indexBindings[position].index] = dimension.lower + (offset / dimension.stride) % dimension.count
                }
                let value = initial(machine)
                guard variable.domain.contains(value, roles: ir.roles) else {
                    throw SpecError(spec: ir.name, problems: [SpecProblem(
                        "initial value \(value) is outside its domain", element: "variable \(variable.name)",
                        location: variable.location)])
                }
                state[slot] = value
            }
        }
        let combinations = free.reduce(1.0) { $0 * Double($1.values.count) }
        guard combinations <= Double(maxCombinations) else {
            throw SpecError(spec: ir.name, problems: [SpecProblem(
                "the initial choices allow \(String(format: "%.3g", combinations)) combinations, more than "
                + "\(maxCombinations) can be enumerated; narrow the `initially:` domains or fix more variables",
                element: "initial states")])
        }
        let conditions = ir.initialConditions.map(expressions.compile)
        var states: [[Int]] = []
        var choice = [Int](repeating: 0, count: free.count)
        for cell in free { state[cell.slot] = cell.values[0] }
        while true {
            let admitted = state.withUnsafeBufferPointer { buffer in
                machine.load(buffer.baseAddress!)
                return conditions.allSatisfy { $0(machine) != 0 }
            }
            if admitted { states.append(state) }
            var position = free.count - 1
            while position >= 0 {
                choice[position] += 1
                if choice[position] < free[position].values.count {
                    state[free[position].slot] = free[position].values[choice[position]]
                    break
                }
                choice[position] = 0
                state[free[position].slot] = free[position].values[0]
                position -= 1
            }
            if position < 0 { break }
        }
        guard !states.isEmpty else {
            throw SpecError(spec: ir.name, problems: [SpecProblem(
                "no initial state: no combination of the `initially:` choices satisfies the initial conditions",
                element: "initial states")])
        }
        return states
    }
}
