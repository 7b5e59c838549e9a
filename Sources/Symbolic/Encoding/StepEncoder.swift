import Kripke
import SMT

/// Encodes one action instance from one frame with sequential statement semantics: statements
/// run in order, each write becomes `ite(pc, new, old)` on the slot (SSA), so a later statement
/// reads earlier writes. `alive` is the running condition that every `Require` on the taken path
/// held and nothing faulted or overflowed — the instance is enabled when it is still alive at the end.
///
/// Where the explorer stops with a modelling error (a value outside its variable's domain, an index
/// out of range, a slot written twice, division by zero), the encoder disables the step instead;
/// the explorer reports such a spec as wrong, so on a correct spec both engines agree.
///
/// ```swift
/// var step = StepEncoder(context: shared, frame: frame)
/// try step.run(action.body, scope, pc: .true)
/// step.alive      // enabled condition
/// step.slots      // successor values
/// ```
struct StepEncoder {
    let ir: SpecIR
    let layout: SymbolicLayout
    let catalog: MessageNumbering
    let algebra: Algebra
    var slots: [SymValue]
    var network: NetworkView
    /// Per slot: when it has been written in this step (a second write is a fault).
    var written: [SymValue]
    var alive = SymValue.true
    /// When a send found the network full while the step was otherwise alive.
    var overflowed = SymValue.false
    /// The `Assert`s run, in execution order: the assertion (index in `SpecIR.assertions`) and
    /// when it fails on the taken path (the step fails it if it is also enabled).
    var assertions: [(assertion: Int, fails: SymValue)] = []
    /// Fault conditions of the expressions encoded since the last statement.
    var faults: [SymValue] = []
    /// Keys of messages sent that the layout has no counter or channel for (used to discover keys).
    var unknownKeys: Set<MessageKey> = []

    init(ir: SpecIR, layout: SymbolicLayout, catalog: MessageNumbering, algebra: Algebra, frame: Frame) {
        self.ir = ir
        self.layout = layout
        self.catalog = catalog
        self.algebra = algebra
        slots = frame.slots.map(SymValue.integer)
        network = NetworkView(frame)
        written = Array(repeating: .false, count: layout.slotCount)
    }

    /// Disables the step where `bad` holds (`bad` already includes the path condition).
    mutating func disable(when bad: SymValue) throws {
        alive = try algebra.and([alive, algebra.not(bad)])
    }

    /// Disables the step where an expression encoded since the last call faults.
    mutating func disableOnFaults() throws {
        try disable(when: algebra.or(faults))
        faults = []
    }

    mutating func run(_ block: [Stmt], _ scope: Scope, pc: SymValue) throws {
        for statement in block where pc.known != 0 {
            try run(statement, scope, pc: pc)
        }
    }

    private mutating func run(_ statement: Stmt, _ scope: Scope, pc: SymValue) throws {
        switch statement {
        case .require(let condition, _):
            let holds = try encode(condition, scope, when: pc)
            try disableOnFaults()
            try disable(when: algebra.and([pc, algebra.not(holds)]))
        case .assert(let condition, let message, _):
            let holds = try encode(condition, scope, when: pc)
            try disableOnFaults()
            let fails = try algebra.and([pc, algebra.not(holds)])
            if fails.known != 0 { assertions.append((ir.assertion(named: message)!, fails)) }
        case .assign(let variable, let indices, let value, _):
            try assign(variable.index, indices, value, scope, pc)
        case .send(let kind, let fields, let from, let to, _):
            try send(kind.index, fields, from, to, scope, pc)
        case .ifThenElse(let condition, let then, let otherwise):
            let test = try encode(condition, scope, when: pc)
            try disableOnFaults()
            try run(then, scope, pc: algebra.and([pc, test]))
            try run(otherwise, scope, pc: algebra.and([pc, algebra.not(test)]))
        case .forEach(let binding, let domain, let except, let body):
            let skipped = try except.map { try encode($0, scope, when: pc) }
            try disableOnFaults()
            for value in domain.values(roles: ir.roles) {
                let iteration = try skipped.map { try algebra.and([pc, algebra.binary(.ne, $0, .constant(value))]) } ?? pc
                try run(body, scope.binding(binding, value), pc: iteration)
            }
        }
    }

    private mutating func assign(_ variable: Int, _ indices: [Expr], _ valueExpr: Expr, _ scope: Scope,
                                 _ pc: SymValue) throws {
        let value = try encode(valueExpr, scope, when: pc)
        let index = try indices.map { try encode($0, scope, when: pc) }
        let (candidates, outside) = try slotCandidates(variable, index)
        faults.append(try algebra.and([pc, outside]))
        faults.append(try algebra.and([pc, algebra.not(legal(value, in: ir.variables[variable].domain))]))
        for (slot, when) in candidates {
            faults.append(try algebra.and([pc, when, written[slot]]))
        }
        try disableOnFaults()
        for (slot, when) in candidates {
            let writes = try algebra.and([pc, when])
            slots[slot] = try algebra.ite(writes, value, slots[slot])
            written[slot] = try algebra.or([written[slot], writes])
        }
    }

    /// Whether `value` may be stored in a variable of `domain` (the explorer's assignment check).
    func legal(_ value: SymValue, in domain: ValueDomain) throws -> SymValue {
        let roles = ir.roles
        if case .process(let role, true) = domain {
            let decl = roles[role.index]
            return try algebra.or([algebra.binary(.eq, value, .constant(ProcessID.noneValue)),
                                   algebra.within(value, decl.firstID, decl.firstID + decl.count - 1)])
        }
        return try algebra.within(value, domain.lowerBound(roles: roles), domain.upperBound(roles: roles))
    }

    private mutating func send(_ kind: Int, _ fieldExprs: [Expr], _ from: Expr, _ to: Expr, _ scope: Scope,
                               _ pc: SymValue) throws {
        let sender = try encode(from, scope, when: pc)
        let receiver = try encode(to, scope, when: pc)
        let fields = try fieldExprs.map { try encode($0, scope, when: pc) }
        let processes = 0..<ir.processCount
        var choices: [[(value: Int, when: SymValue)]] = []
        for (value, range) in [(sender, processes), (receiver, processes)] + zip(fields, fieldRanges(kind)) {
            let (options, outside) = try alternatives(value, range)
            choices.append(options)
            faults.append(try algebra.and([pc, outside]))
        }
        try disableOnFaults()
        var candidates: [(key: MessageKey, when: SymValue)] = []
        for combination in cartesian(choices) {
            let values = combination.map(\.value)
            guard let code = catalog.code(kind: kind, fields: Array(values.dropFirst(2))) else { continue }
            candidates.append((MessageKey(sender: values[0], receiver: values[1], code: code),
                               try algebra.and(combination.map(\.when))))
        }
        let full = try network.send(candidates, pc: pc, layout: layout, algebra: algebra,
                                    duplicating: ir.network.duplicating, unknown: &unknownKeys)
        overflowed = try algebra.or([overflowed, algebra.and([alive, full])])
        try disable(when: full)
    }

    private func fieldRanges(_ kind: Int) -> [Range<Int>] {
        zip(catalog.fieldLowerBounds[kind], catalog.fieldSizes[kind]).map { $0..<($0 + $1) }
    }

    /// The values `value` may take within `range`, each with its condition, and when it lies outside.
    private func alternatives(_ value: SymValue, _ range: Range<Int>) throws -> ([(value: Int, when: SymValue)], SymValue) {
        if let known = value.known { return range.contains(known) ? ([(known, .true)], .false) : ([], .true) }
        let options = try range.map { ($0, try algebra.binary(.eq, value, .constant($0))) }
        let outside = range.isEmpty ? SymValue.true : try algebra.not(algebra.within(value, range.lowerBound, range.upperBound - 1))
        return (options, outside)
    }
}

/// Every combination that picks one option per position.
func cartesian<T>(_ options: [[T]]) -> [[T]] {
    options.reduce([[]]) { partial, choices in partial.flatMap { prefix in choices.map { prefix + [$0] } } }
}
