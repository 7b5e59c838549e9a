import Kripke
import Testing

/// The DSL builds the IR it reads like.
@Suite struct DSLTests {
    enum Phase: Enumeration { case idle, busy }

    static let toy = SpecDefinition(
        name: "toy", summary: "toy", parameters: [ParameterDecl(name: "N", defaultValue: 2, range: 1...3)],
        expectation: .holds
    ) { s in
        let procs = s.processes("p", count: s.parameter("N"), symmetric: true)
        let leader = s.process("leader")
        let phase = s.variable("phase", per: procs, in: .cases(Phase.self), initial: .idle)
        let holder = s.global("holder", in: .processOrNone(procs), initial: .none)
        let ts = Field("ts", .range(0...3))
        let hello = s.message("hello", ts)
        s.network(.fifo(capacity: 2))
        s.action("go", for: procs) { i in
            Require(phase[i] == .idle)
            phase[i] <- .busy
            holder <- i
            Send(hello.with(ts, 1), from: i, to: leader.only)
        }
        s.on(hello, at: leader) { m in
            Require(m[ts] > 0)
        }
        s.check(MutualExclusion(procs) { i in phase[i] == .busy })
    }

    @Test func rolesGetConsecutiveGlobalIDs() throws {
        let ir = try Self.toy.instantiate(["N": 3])
        #expect(ir.roles.map(\.name) == ["p", "leader"])
        #expect(ir.roles.map(\.firstID) == [0, 3])
        #expect(ir.roles[0].symmetric)
        #expect(ir.processName(1) == "p1")
        #expect(ir.processName(3) == "leader")
    }

    @Test func declarationsBecomeIR() throws {
        let ir = try Self.toy.instantiate()
        #expect(ir.parameters == ["N": 2])
        #expect(ir.variables.map(\.name) == ["phase", "holder"])
        #expect(ir.variables[0].domain == .enumeration(name: "Phase", cases: ["idle", "busy"]))
        #expect(ir.variables[1].domain == .process(role: RoleID(index: 0), optional: true))
        #expect(ir.variables[1].initial == .value(.literal(-1)))
        #expect(ir.messages.map(\.name) == ["hello"])
        #expect(ir.network == NetworkDecl(semantics: .fifo, capacity: 2))
        #expect(ir.actions.map(\.name) == ["go", "receive hello"])
        #expect(ir.invariants.map(\.name) == ["mutual exclusion"])
    }

    @Test func actionBodyIsGuardedCommandInOrder() throws {
        let ir = try Self.toy.instantiate()
        let body = ir.actions[0].body
        #expect(body.count == 4)
        guard case .require(.binary(.eq, .variable(let v, _), .literal(0)), _) = body[0] else {
            Issue.record("first statement should be the guard phase[i] == idle")
            return
        }
        #expect(v == VariableID(index: 0))
        guard case .assign(_, _, .literal(1), _) = body[1] else {
            Issue.record("second statement should assign busy (1)")
            return
        }
        guard case .send(MessageKindID(index: 0), let fields, _, .literal(2), _) = body[3] else {
            Issue.record("fourth statement should send hello to the leader (id 2)")
            return
        }
        #expect(fields == [.literal(1)])
    }

    @Test func crashFaultsGuardEveryActionOfTheRole() throws {
        let spec = SpecDefinition(name: "c", summary: "", parameters: [], expectation: .holds) { s in
            let procs = s.processes("p", count: 3)
            let x = s.variable("x", per: procs, in: .bool, initial: false)
            _ = s.crashes(procs, upTo: 1)
            s.action("set", for: procs) { i in
                x[i] <- true
            }
        }
        let ir = try spec.instantiate()
        #expect(ir.variables.map(\.name) == ["x", "crashed"])
        #expect(ir.actions.map(\.name) == ["crash", "set"])
        guard case .require(.unary(.not, .variable(VariableID(index: 1), _)), _) = ir.actions[1].body.first else {
            Issue.record("'set' should first require the process not to have crashed")
            return
        }
    }

    @Test func precedesIsLexicographicOnTimestampThenID() {
        let a = Term<Int>.constant(1), b = Term<Int>.constant(1)
        let i = Term<ProcessID>(.literal(0)), j = Term<ProcessID>(.literal(1))
        let expr = Precedes(a, i, b, j).expr
        #expect(expr == .binary(.or, .binary(.lt, .literal(1), .literal(1)),
                                .binary(.and, .binary(.eq, .literal(1), .literal(1)), .binary(.lt, .literal(0), .literal(1)))))
    }
}
