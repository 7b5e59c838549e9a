import Kripke

/// A generator of small random specs (seeded, reproducible) for cross-checking reductions:
/// one role of 2–3 processes, a few per-process and global variables, one or two message
/// kinds, a random network (FIFO or unordered, tight capacity, sometimes lossy or duplicating),
/// local actions and handlers made of random guards, updates and sends, and random invariants.
///
/// ```swift
/// var random = SplitMix(seed: 7)
/// let ir = RandomSpecs.make(&random)
/// ```
public enum RandomSpecs {
    static let process = BindingID(index: 0), sender = BindingID(index: 1), loop = BindingID(index: 2)
    static let flightSender = BindingID(index: 3), flightReceiver = BindingID(index: 4)
    static let here = SourceLocation(file: "RandomSpecs.swift", line: 1)

    /// With `initialChoices`, some variables start at any value and an initial condition may
    /// filter the combinations (drawn after everything else, so the rest of the spec is the
    /// one the seed gives without them).
    /// With `constraint`, a state constraint (drawn last) cuts off the states where one cell has one value.
    public static func make(_ random: inout SplitMix, initialChoices: Bool = false, constraint: Bool = false) -> SpecIR {
        let processes = random.int(2...3)
        let role = RoleDecl(name: "p", count: processes, firstID: 0)
        let roleID = RoleID(index: 0)
        var variables = [
            VariableDecl(name: "x", indices: [.role(roleID)], domain: .range(0, 2), initial: .value(.literal(0)),
                         indexBindings: [loop], isGhost: false, location: here),
            VariableDecl(name: "y", indices: [.role(roleID)], domain: .bool, initial: .value(.literal(0)),
                         indexBindings: [loop], isGhost: false, location: here),
            VariableDecl(name: "g", indices: [], domain: .range(0, 2), initial: .value(.literal(0)),
                         indexBindings: [], isGhost: false, location: here),
        ]
        let kinds = random.int(1...2)
        let messages = (0..<kinds).map { k in
            MessageDecl(name: "m\(k)", fields: k == 0 ? [FieldDecl(name: "v", domain: .range(0, 1))] : [], location: here)
        }
        let fifo = random.chance(0.5)
        let network = NetworkDecl(semantics: fifo ? .fifo : .unordered, capacity: random.int(1...2),
                                  lossy: random.chance(0.15), duplicating: !fifo && random.chance(0.2))
        var actions: [ActionDecl] = []
        for index in 0..<random.int(2...3) {
            actions.append(ActionDecl(name: "a\(index)", role: roleID, process: process, parameters: [], trigger: .local,
                                      body: body(&random, kinds: kinds, processes: processes, handler: false), location: here))
        }
        for k in 0..<kinds where random.chance(0.9) {
            actions.append(ActionDecl(name: "on m\(k)", role: roleID, process: process, parameters: [],
                                      trigger: .message(MessageKindID(index: k), sender: sender),
                                      body: body(&random, kinds: kinds, processes: processes, handler: k == 0), location: here))
        }
        let invariants = (0..<random.int(1...2)).map { index in
            InvariantDecl(name: "inv\(index)", condition: invariant(&random, kinds: kinds), location: here)
        }
        let validEnd: Expr? = random.chance(0.3) ? .binary(.eq, .variable(VariableID(index: 2), []), .literal(2)) : nil
        var conditions: [Expr] = []
        if initialChoices {
            var chosen: Set<Int> = []
            for (index, choices) in [ValueDomain.range(0, 1), .bool, .range(0, 2)].enumerated() where random.chance(0.5) {
                chosen.insert(index)
                let variable = variables[index]
                variables[index] = VariableDecl(name: variable.name, indices: variable.indices, domain: variable.domain,
                                                initial: .anyOf(choices), indexBindings: variable.indexBindings,
                                                isGhost: false, location: here)
            }
            // Satisfiable whenever x or g starts at a choice (both start at 0 otherwise).
            if random.chance(0.5) && !chosen.isDisjoint(with: [0, 2]) {
                let first = Expr.variable(VariableID(index: 0), [.literal(0)])
                conditions.append(.binary(.ne, .variable(VariableID(index: 2), []), first))
            }
        }
        var ir = SpecIR(name: "random", parameters: [:], roles: [role], variables: variables, messages: messages,
                        network: network, actions: actions, invariants: invariants, validEndState: validEnd, bindingCount: 5)
        ir.initialConditions = conditions
        if constraint {
            let (variable, _, size) = cell(&random)
            let indices: [Expr] = variable.index == 2 ? [] : [.literal(random.int(0...(processes - 1)))]
            let cut = Expr.binary(.ne, .variable(variable, indices), .literal(random.int(1...(size - 1))))
            ir.stateConstraints = [StateConstraintDecl(name: "constraint", condition: cut, location: here)]
        }
        return ir
    }

    private static func cell(_ random: inout SplitMix) -> (VariableID, [Expr], Int) {
        switch random.int(0...9) {
        case 0...4: return (VariableID(index: 0), [.binding(process)], 3)
        case 5...8: return (VariableID(index: 1), [.binding(process)], 2)
        default: return (VariableID(index: 2), [], 3)
        }
    }

    private static func body(_ random: inout SplitMix, kinds: Int, processes: Int, handler: Bool) -> [Stmt] {
        var statements: [Stmt] = []
        for _ in 0..<random.int(0...2) {
            let (variable, indices, size) = cell(&random)
            let op: Expr.BinaryOperator = random.chance(0.5) ? .eq : .ne
            statements.append(.require(.binary(op, .variable(variable, indices), .literal(random.int(0...(size - 1)))), at: here))
        }
        if handler && random.chance(0.5) {
            statements.append(.require(.binary(.eq, .messageField(0), .literal(random.int(0...1))), at: here))
        }
        var written = Set<Int>()
        for _ in 0..<random.int(1...2) {
            let (variable, indices, size) = cell(&random)
            guard written.insert(variable.index).inserted else { continue }
            let current = Expr.variable(variable, indices)
            let value: Expr
            switch random.int(0...2) {
            case 0: value = .literal(random.int(0...(size - 1)))
            case 1: value = .binary(.modulo, .binary(.add, current, .literal(1)), .literal(size))
            default: value = handler ? .binary(.modulo, .messageField(0), .literal(size)) : .literal(size - 1)
            }
            let assign = Stmt.assign(variable, indices: indices, value: value, at: here)
            if random.chance(0.25) {
                let (other, otherIndices, otherSize) = cell(&random)
                let condition = Expr.binary(.eq, .variable(other, otherIndices), .literal(random.int(0...(otherSize - 1))))
                statements.append(.ifThenElse(condition, then: [assign], else: []))
            } else {
                statements.append(assign)
            }
        }
        if random.chance(0.6) {
            let kind = random.int(0...(kinds - 1))
            let fields: [Expr] = kind == 0 ? [.binary(.modulo, .variable(VariableID(index: 1), [.binding(process)]), .literal(2))] : []
            let next = Expr.binary(.modulo, .binary(.add, .binding(process), .literal(1)), .literal(processes))
            if random.chance(0.3) {
                statements.append(.forEach(loop, .role(RoleID(index: 0)), except: .binding(process), body: [
                    .send(MessageKindID(index: kind), fields: fields, from: .binding(process), to: .binding(loop), at: here),
                ]))
            } else {
                statements.append(.send(MessageKindID(index: kind), fields: fields, from: .binding(process),
                                        to: random.chance(0.5) ? next : .binding(handler ? sender : process), at: here))
            }
        }
        return statements
    }

    private static func invariant(_ random: inout SplitMix, kinds: Int) -> Expr {
        let x = Expr.variable(VariableID(index: 0), [.binding(loop)])
        let y = Expr.variable(VariableID(index: 1), [.binding(loop)])
        let g = Expr.variable(VariableID(index: 2), [])
        let p = IterationDomain.role(RoleID(index: 0))
        switch random.int(0...6) {
        case 0:
            return .binary(.le, .aggregate(.count, loop, p, .binary(.eq, x, .literal(2))), .literal(1))
        case 1:
            return .aggregate(.forall, loop, p, .binary(.or, .unary(.not, y), .binary(.ne, x, .literal(random.int(0...2)))))
        case 2:
            return .binary(.ne, g, .literal(random.int(1...2)))
        case 3:
            return .binary(.implies, .binary(.eq, g, .literal(2)),
                           .aggregate(.exists, loop, p, .binary(.eq, x, .literal(random.int(0...2)))))
        case 4:
            return .binary(.and, .binary(.lt, .aggregate(.count, loop, p, y), .literal(2)),
                           .binary(.ne, g, .literal(random.int(0...2))))
        case 5:
            return .unary(.not, .aggregate(.exists, loop, p, .binary(.and, y, .binary(.eq, x, .literal(random.int(1...2))))))
        default:
            let kind = MessageKindID(index: random.int(0...(kinds - 1)))
            return .binary(.le, .inFlight(kind, sender: flightSender, receiver: flightReceiver, filter: .literal(1)),
                           .literal(random.int(0...1)))
        }
    }
}

/// SplitMix64: a small, fast, seedable generator, so a failing seed reproduces exactly.
public struct SplitMix: RandomNumberGenerator {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    public mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }
}
