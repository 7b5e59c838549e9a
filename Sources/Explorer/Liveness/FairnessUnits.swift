import Kripke

/// The spec's fairness assumptions as units over step labels: each unit is weakly or strongly
/// fair and holds the labels of its steps (`FairnessDecl`). The state graph knows its labels up
/// front; a random run meets them step by step and `append`s each new one.
///
/// ```swift
/// let units = FairnessUnits(ir, labels: graph.labels)
/// units.ofLabel[label]   // the units a step with this label belongs to
/// ```
struct FairnessUnits {
    private(set) var kinds: [FairnessDecl.Kind] = []
    /// What each unit is, for reports: "weak fairness of p1: enter".
    private(set) var names: [String] = []
    private(set) var ofLabel: [[Int32]] = []
    private let ir: SpecIR
    private var keys: [String: Int32] = [:]

    init(_ ir: SpecIR, labels: [StateGraph.Label]) {
        self.ir = ir
        ofLabel = Array(repeating: [], count: labels.count)
        for declaration in ir.fairness.indices {
            for (index, label) in labels.enumerated() {
                if let unit = unit(of: label, under: declaration) { ofLabel[index].append(unit) }
            }
        }
    }

    var count: Int { kinds.count }

    /// Adds a label met after these units were made, as `ofLabel`'s next entry: the units its
    /// steps belong to, the ones no earlier label opened numbered after the known ones.
    mutating func append(_ label: StateGraph.Label) {
        ofLabel.append(ir.fairness.indices.compactMap { unit(of: label, under: $0) })
    }

    /// The unit of fairness declaration `declaration` that steps with `label` belong to, if any.
    private mutating func unit(of label: StateGraph.Label, under declaration: Int) -> Int32? {
        guard label.action != TransitionSystem.lossAction else { return nil }
        let fairness = ir.fairness[declaration]
        let action = ir.actions[label.action]
        let key: String
        let name: () -> String
        switch fairness.scope {
        case .eachInstance(let target) where target == label.action:
            key = "\(declaration)/\(label.process)/\(label.choice)/\(label.sender)"
            name = { [ir] in
                var name = "\(ir.processName(label.process)): \(action.name)"
                if label.sender >= 0 { name += " from \(ir.processName(label.sender))" }
                let chosen = action.chosenValues(label.choice, roles: ir.roles).map { String($0.1) }
                if !chosen.isEmpty { name += " (choosing \(chosen.joined(separator: ", ")))" }
                return name
            }
        case .wholeAction(let target) where target == label.action:
            key = "\(declaration)"
            name = { action.name }
        case .eachProcess(let role) where action.role == role && action.name != FairnessUnits.crashAction:
            key = "\(declaration)/\(label.process)"
            name = { [ir] in ir.processName(label.process) }
        default:
            return nil
        }
        if let known = keys[key] { return known }
        kinds.append(fairness.kind)
        names.append("\(fairness.kind.rawValue) fairness of \(name())")
        keys[key] = Int32(kinds.count - 1)
        return Int32(kinds.count - 1)
    }

    /// The action `SpecBuilder.crashes` adds: a crash is never fair by way of a process's fairness.
    static let crashAction = "crash"
}
