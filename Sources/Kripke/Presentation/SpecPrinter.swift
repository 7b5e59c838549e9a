/// Prints an instantiated spec as readable pseudocode — processes, variables with their domains
/// and initial values, messages, network, each action as a guarded command, invariants — read
/// back from the IR, so an author sees exactly what the engines will check.
///
/// ```swift
/// print(SpecPrinter(ir).render())
/// // request — a step of each p (self):
/// //   require phase[self] == idle
/// //   phase[self] := waiting
/// ```
public struct SpecPrinter {
    let ir: SpecIR
    private var names: [BindingID: String] = [:]
    private var domains: [BindingID: ValueDomain] = [:]
    private var message: MessageDecl?

    public init(_ ir: SpecIR) { self.ir = ir }

    /// A printer for the body of a quantifier: `base`'s names plus `binding`.
    init(naming binding: BindingID, as name: String, domain: IterationDomain, base: SpecPrinter) {
        self = base
        names[binding] = name
        if case .role(let role) = domain { domains[binding] = .process(role: role, optional: false) }
    }

    func bindingName(_ binding: BindingID) -> String { names[binding] ?? "x\(binding.index)" }
    func bindingDomain(_ binding: BindingID) -> ValueDomain? { domains[binding] }
    var currentMessage: MessageDecl? { message }

    /// A bound-variable name not used in the current scope (capitals for quorums).
    func freshName(for domain: IterationDomain? = nil) -> String {
        var letters = ["j", "k", "l", "q", "r", "u", "v", "w"]
        if case .subsets? = domain { letters = ["Q", "R", "S", "T"] }
        return letters.first { !names.values.contains($0) } ?? "x\(names.count)"
    }

    public func render() -> String {
        var printer = self
        return printer.renderAll()
    }

    private mutating func renderAll() -> String {
        let parameters = ir.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        var lines = ["spec \(ir.name)" + (parameters.isEmpty ? "" : " (\(parameters))"), "", "processes:"]
        for role in ir.roles where !role.isValueSet {
            let ids = (role.firstID..<(role.firstID + role.count)).map(role.processName).joined(separator: ", ")
            lines.append("  \(role.name): \(ids)\(role.symmetric ? "  (symmetric)" : "")")
        }
        let valueSets = ir.roles.filter(\.isValueSet)
        if !valueSets.isEmpty { lines.append("scalarsets (interchangeable values):") }
        for values in valueSets {
            lines.append("  \(values.name): " + (values.firstID..<(values.firstID + values.count)).map(values.processName).joined(separator: ", "))
        }
        lines.append("variables:")
        for variable in ir.variables {
            let indices = variable.indices.map { "[\(describe($0))]" }.joined()
            for (binding, index) in zip(variable.indexBindings, variable.indices) {
                names[binding] = "self"
                if case .role(let role) = index { domains[binding] = .process(role: role, optional: false) }
            }
            let ghost = variable.isGhost ? "  (ghost)" : ""
            let start = switch variable.initial {
            case .value(let value): "= \(text(value, as: variable.domain))"
            case .anyOf(let choices) where choices == variable.domain: "= any"
            case .anyOf(let choices): "= any of \(describe(choices))"
            }
            lines.append("  \(variable.name)\(indices): \(describe(variable.domain)) \(start)\(ghost)")
        }
        for condition in ir.initialConditions { lines.append("initially: \(text(condition))") }
        if !ir.messages.isEmpty {
            lines.append("messages:")
            for message in ir.messages {
                let fields = message.fields.map { "\($0.name): \(describe($0.domain))" }.joined(separator: ", ")
                lines.append("  \(message.name)" + (fields.isEmpty ? "" : "(\(fields))"))
            }
            let network = ir.network
            var faults: [String] = []
            if network.lossy { faults.append("lossy") }
            if network.duplicating { faults.append("duplicating") }
            lines.append("network: \(network.semantics.rawValue), capacity \(network.capacity)"
                         + (faults.isEmpty ? "" : ", " + faults.joined(separator: ", ")))
        }
        lines.append("actions:")
        for action in ir.actions { lines += render(action) }
        names = [:]
        domains = [:]
        message = nil
        lines.append("invariants:")
        for invariant in ir.invariants { lines.append("  \(invariant.isLemma ? "lemma " : "")\(invariant.name): \(text(invariant.condition))") }
        if let end = ir.validEndState { lines.append("valid end states: \(text(end))") }
        if !ir.stateConstraints.isEmpty {
            lines.append("state constraints (states outside are checked, not expanded):")
            for constraint in ir.stateConstraints { lines.append("  \(constraint.name): \(text(constraint.condition))") }
        }
        return lines.joined(separator: "\n")
    }

    private mutating func render(_ action: ActionDecl) -> [String] {
        names = [action.process: "self"]
        domains = [action.process: .process(role: action.role, optional: false)]
        message = nil
        let role = ir.roles[action.role.index].name
        var header: String
        switch action.trigger {
        case .local:
            header = "  \(action.name) — a step of each \(role) (self)"
        case .message(let kind, let sender):
            message = ir.messages[kind.index]
            names[sender] = "m.sender"
            header = "  on \(ir.messages[kind.index].name) at \(role) (self), from m.sender"
        }
        if let (binding, domain) = action.parameters.first, action.parameters.count == 1 {
            names[binding] = "choice"
            header += ", choosing \(describe(domain))"
        } else if !action.parameters.isEmpty {
            let chosen = action.parameters.enumerated().map { position, parameter in
                names[parameter.0] = "choice\(position + 1)"
                return "choice\(position + 1) in \(describe(parameter.1))"
            }
            header += ", choosing " + chosen.joined(separator: ", ")
        }
        return [header + ":"] + render(action.body, indent: 4)
    }

    private mutating func render(_ block: [Stmt], indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        for statement in block {
            switch statement {
            case .require(let condition, _):
                lines.append(pad + "require " + text(condition))
            case .assert(let condition, let message, _):
                lines.append(pad + "assert " + text(condition) + " — \"\(message)\"")
            case .assign(let variable, let indices, let value, _):
                let decl = ir.variables[variable.index]
                lines.append(pad + text(.variable(variable, indices)) + " := " + text(value, as: decl.domain))
            case .send(let kind, let fields, let from, let to, _):
                let declared = ir.messages[kind.index]
                let payload = zip(declared.fields, fields).map { "\($0.name): \(text($1, as: $0.domain))" }.joined(separator: ", ")
                lines.append(pad + "send \(declared.name)" + (payload.isEmpty ? "" : "(\(payload))")
                             + " from \(text(from, asProcess: true)) to \(text(to, asProcess: true))")
            case .ifThenElse(let condition, let then, let otherwise):
                lines.append(pad + "if " + text(condition) + ":")
                lines += render(then, indent: indent + 2)
                if !otherwise.isEmpty {
                    lines.append(pad + "else:")
                    lines += render(otherwise, indent: indent + 2)
                }
            case .forEach(let binding, let domain, let except, let body):
                let name = bind(binding, domain)
                let skip = except.map { " except " + text($0, asProcess: true) } ?? ""
                lines.append(pad + "for each \(name) in \(describe(domain))\(skip):")
                lines += render(body, indent: indent + 2)
            }
        }
        return lines
    }

    private mutating func bind(_ binding: BindingID, _ domain: IterationDomain) -> String {
        let name = freshName()
        names[binding] = name
        if case .role(let role) = domain { domains[binding] = .process(role: role, optional: false) }
        return name
    }

    func describe(_ domain: IterationDomain) -> String {
        switch domain {
        case .role(let role): return ir.roles[role.index].name
        case .range(let lower, let upper): return "\(lower)...\(upper)"
        case .subsets(let role, let size): return "quorums(\(ir.roles[role.index].name), \(size))"
        }
    }

    private func describe(_ domain: ValueDomain) -> String {
        switch domain {
        case .bool: return "Bool"
        case .range(let lower, let upper): return "\(lower)...\(upper)"
        case .enumeration(let name, let cases): return "\(name) {\(cases.joined(separator: ", "))}"
        case .process(let role, let optional): return ir.roles[role.index].name + (optional ? " or none" : "")
        }
    }
}
