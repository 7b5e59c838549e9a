/// Checks that roles declared `symmetric` really are: that the spec treats their process ids
/// only as names (compares them for equality, stores them, sends to them, quantifies over
/// them, or over its quorums: a permutation maps the subsets of m processes onto themselves),
/// so permuting the ids maps runs to runs. Symmetry reduction is sound only then.
///
/// Rejected for a symmetric role: ordering (`<`, `Precedes`) or arithmetic on its ids (ring
/// successors), a fixed process of the role (`procs.process(0)`, an id literal), indexing a
/// per-process variable, or testing membership in one of its quorums, with something that is
/// not one of its ids.
///
/// ```swift
/// let problems = SymmetryCheck(ir).problems()
/// // ["role p: declared symmetric, but action 'receive request' orders or computes with its process ids (…)"]
/// ```
struct SymmetryCheck {
    let ir: SpecIR
    private let symmetric: Set<Int>

    init(_ ir: SpecIR) {
        self.ir = ir
        symmetric = Set(ir.roles.indices.filter { ir.roles[$0].symmetric && ir.roles[$0].count > 1 })
    }

    /// What an expression is, as far as symmetry is concerned.
    private enum Kind: Equatable {
        /// An id of this symmetric role.
        case process(Int)
        /// An id of a process whose role is not known statically (a message's sender).
        case anyProcess
        /// Anything else (integers, booleans, ids of non-symmetric roles).
        case other
    }

    private typealias Scope = [BindingID: Kind]

    func problems() -> [SpecProblem] {
        guard !symmetric.isEmpty else { return [] }
        var found: [SpecProblem] = []
        for variable in ir.variables {
            let scope = Scope(uniqueKeysWithValues: zip(variable.indexBindings, variable.indices.map(kind(of:))))
            if let initial = variable.initial.value {
                check(initial, scope, message: nil, element: "variable \(variable.name)", into: &found)
            }
        }
        for action in ir.actions {
            var scope: Scope = [action.process: kind(of: .role(action.role))]
            for (binding, domain) in action.parameters { scope[binding] = kind(of: domain) }
            var message: MessageDecl?
            if case .message(let kindID, let sender) = action.trigger {
                scope[sender] = .anyProcess
                message = ir.messages[kindID.index]
            }
            check(action.body, scope, message: message, element: "action '\(action.name)'", into: &found)
        }
        for invariant in ir.invariants {
            check(invariant.condition, [:], message: nil, element: "invariant '\(invariant.name)'", into: &found)
        }
        if let end = ir.validEndState { check(end, [:], message: nil, element: "valid end state", into: &found) }
        for condition in ir.initialConditions {
            check(condition, [:], message: nil, element: "an initial condition", into: &found)
        }
        for constraint in ir.stateConstraints {
            check(constraint.condition, [:], message: nil, element: "state constraint '\(constraint.name)'", into: &found)
        }
        var seen = Set<String>()
        return found.filter { seen.insert($0.description).inserted }
    }

    private func kind(of domain: IterationDomain) -> Kind {
        if case .role(let role) = domain, symmetric.contains(role.index) { return .process(role.index) }
        return .other
    }

    private func kind(of domain: ValueDomain) -> Kind {
        if case .process(let role, _) = domain, symmetric.contains(role.index) { return .process(role.index) }
        return .other
    }

    private func problem(_ role: Int?, _ what: String, _ element: String) -> SpecProblem {
        let roles = role.map { [ir.roles[$0].name] } ?? symmetric.sorted().map { ir.roles[$0].name }
        return SpecProblem("declared symmetric, but \(element) \(what); remove `symmetric: true` or treat its ids only as names",
                           element: "role " + roles.joined(separator: ", "))
    }

    private func check(_ block: [Stmt], _ scope: Scope, message: MessageDecl?, element: String, into found: inout [SpecProblem]) {
        for statement in block {
            switch statement {
            case .assign(let variable, let indices, let value, _):
                let decl = ir.variables[variable.index]
                checkIndices(decl, indices, scope, message: message, element: element, into: &found)
                checkLiteral(value, against: kind(of: decl.domain), element: element, into: &found)
            case .send(let kindID, let fields, let from, let to, _):
                checkLiteral(from, against: .anyProcess, element: element, into: &found)
                checkLiteral(to, against: .anyProcess, element: element, into: &found)
                for (field, value) in zip(ir.messages[kindID.index].fields, fields) {
                    checkLiteral(value, against: kind(of: field.domain), element: element, into: &found)
                }
            case .forEach(let binding, let domain, let except, let body):
                if let except { check(except, scope, message: message, element: element, into: &found) }
                var inner = scope
                inner[binding] = kind(of: domain)
                check(body, inner, message: message, element: element, into: &found)
                continue
            default:
                break
            }
            for expr in statement.expressions { check(expr, scope, message: message, element: element, into: &found) }
            for block in statement.blocks { check(block, scope, message: message, element: element, into: &found) }
        }
    }

    private func check(_ expr: Expr, _ scope: Scope, message: MessageDecl?, element: String, into found: inout [SpecProblem]) {
        switch expr {
        case .variable(let variable, let indices):
            checkIndices(ir.variables[variable.index], indices, scope, message: message, element: element, into: &found)
        case .unary(.negate, let operand):
            if let role = symmetricRole(operand, scope, message) {
                found.append(problem(role, "negates one of its process ids", element))
            }
        case .binary(let op, let lhs, let rhs):
            switch op {
            case .eq, .ne:
                checkLiteral(rhs, against: classify(lhs, scope, message), element: element, into: &found)
                checkLiteral(lhs, against: classify(rhs, scope, message), element: element, into: &found)
            case .and, .or, .implies:
                break
            default:
                if let role = symmetricRole(lhs, scope, message) ?? symmetricRole(rhs, scope, message) {
                    found.append(problem(role, "orders or computes with its process ids ('\(op.symbol)')", element))
                }
            }
        case .aggregate(_, let binding, let domain, let body):
            var inner = scope
            inner[binding] = kind(of: domain)
            check(body, inner, message: message, element: element, into: &found)
            return
        case .member(let process, _, let role, _) where symmetric.contains(role.index):
            let actual = classify(process, scope, message)
            if case .literal = process {
                checkLiteral(process, against: .process(role.index), element: element, into: &found)
            } else if actual != .process(role.index) && actual != .anyProcess {
                found.append(problem(role.index, "tests membership in a quorum of something other than one of its process ids", element))
            }
        case .inFlight(let kindID, let sender, let receiver, let filter):
            var inner = scope
            inner[sender] = .anyProcess
            inner[receiver] = .anyProcess
            check(filter, inner, message: ir.messages[kindID.index], element: element, into: &found)
            return
        default:
            break
        }
        for child in expr.children { check(child, scope, message: message, element: element, into: &found) }
    }

    /// Indices of symmetric dimensions must be ids of that role (or a sender, which may be one).
    private func checkIndices(_ variable: VariableDecl, _ indices: [Expr], _ scope: Scope, message: MessageDecl?,
                              element: String, into found: inout [SpecProblem]) {
        for (domain, index) in zip(variable.indices, indices) {
            guard case .process(let role) = kind(of: domain) else { continue }
            let actual = classify(index, scope, message)
            if actual != .process(role) && actual != .anyProcess {
                found.append(problem(role, "indexes '\(variable.name)' with something other than one of its process ids", element))
            }
        }
    }

    /// A literal standing for a process of a symmetric role singles that process out.
    private func checkLiteral(_ expr: Expr, against expected: Kind, element: String, into found: inout [SpecProblem]) {
        guard case .literal(let value) = expr, value != ProcessID.noneValue else { return }
        switch expected {
        case .process(let role):
            found.append(problem(role, "names a fixed process (id \(value))", element))
        case .anyProcess:
            if let role = symmetric.first(where: { ir.roles[$0].contains(value) }) {
                found.append(problem(role, "names a fixed process (id \(value))", element))
            }
        case .other:
            break
        }
    }

    private func symmetricRole(_ expr: Expr, _ scope: Scope, _ message: MessageDecl?) -> Int? {
        switch classify(expr, scope, message) {
        case .process(let role): return role
        case .anyProcess: return symmetric.min()
        case .other: return nil
        }
    }

    private func classify(_ expr: Expr, _ scope: Scope, _ message: MessageDecl?) -> Kind {
        switch expr {
        case .binding(let binding): return scope[binding] ?? .other
        case .variable(let variable, _): return kind(of: ir.variables[variable.index].domain)
        case .messageField(let position):
            guard let message, position < message.fields.count else { return .other }
            return kind(of: message.fields[position].domain)
        case .ite(_, let then, let otherwise):
            let first = classify(then, scope, message)
            return first == .other ? classify(otherwise, scope, message) : first
        default:
            return .other
        }
    }
}
