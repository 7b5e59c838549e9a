import Kripke

/// The spec's fairness assumptions as units over the graph's step labels: each unit is weakly or
/// strongly fair and holds the labels of its steps (`FairnessDecl`).
///
/// ```swift
/// let units = FairnessUnits(ir, labels: graph.labels)
/// units.ofLabel[label]   // the units a step with this label belongs to
/// ```
struct FairnessUnits {
    let kinds: [FairnessDecl.Kind]
    /// What each unit is, for reports: "weak fairness of p1: enter".
    let names: [String]
    let ofLabel: [[Int32]]

    init(_ ir: SpecIR, labels: [StateGraph.Label]) {
        var kinds: [FairnessDecl.Kind] = [], names: [String] = []
        var keys: [String: Int32] = [:]
        var ofLabel: [[Int32]] = Array(repeating: [], count: labels.count)
        func unit(_ key: String, _ kind: FairnessDecl.Kind, _ name: String) -> Int32 {
            if let known = keys[key] { return known }
            kinds.append(kind)
            names.append("\(kind.rawValue) fairness of \(name)")
            keys[key] = Int32(kinds.count - 1)
            return Int32(kinds.count - 1)
        }
        for (declaration, fairness) in ir.fairness.enumerated() {
            for (index, label) in labels.enumerated() where label.action != TransitionSystem.lossAction {
                let action = ir.actions[label.action]
                let process = ir.processName(label.process)
                let id: Int32?
                switch fairness.scope {
                case .eachInstance(let target) where target == label.action:
                    var name = "\(process): \(action.name)"
                    if label.sender >= 0 { name += " from \(ir.processName(label.sender))" }
                    let chosen = action.chosenValues(label.choice, roles: ir.roles).map { String($0.1) }
                    if !chosen.isEmpty { name += " (choosing \(chosen.joined(separator: ", ")))" }
                    id = unit("\(declaration)/\(label.process)/\(label.choice)/\(label.sender)", fairness.kind, name)
                case .wholeAction(let target) where target == label.action:
                    id = unit("\(declaration)", fairness.kind, action.name)
                case .eachProcess(let role) where action.role == role && action.name != FairnessUnits.crashAction:
                    id = unit("\(declaration)/\(label.process)", fairness.kind, process)
                default:
                    id = nil
                }
                if let id { ofLabel[index].append(id) }
            }
        }
        self.kinds = kinds
        self.names = names
        self.ofLabel = ofLabel
    }

    var count: Int { kinds.count }

    /// The action `SpecBuilder.crashes` adds: a crash is never fair by way of a process's fairness.
    static let crashAction = "crash"
}
