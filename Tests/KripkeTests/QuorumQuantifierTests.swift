@testable import Kripke
import Testing

/// Quorum quantifiers in the DSL: the IR they build, the numbering of subsets, the validator
/// (accepts them over a symmetric role, rejects a quorum used as a value), and `kripke explain`.
@Suite struct QuorumQuantifierTests {
    private func problems(_ body: @escaping @Sendable (SpecBuilder) -> Void) -> [String] {
        let spec = SpecDefinition(name: "t", summary: "", parameters: [], expectation: .holds, body: body)
        do {
            _ = try spec.instantiate()
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    /// Acceptors with a ballot each; quorum quantifiers in a guard, an `If` and an invariant.
    static let ballots: @Sendable (SpecBuilder) -> Void = { s in
        let acceptors = s.processes("acceptor", count: 3, symmetric: true)
        let promised = s.variable("promised", per: acceptors, in: .range(0...2), initial: 0)
        let done = s.global("done", in: .bool, initial: false)
        s.action("promise", for: acceptors) { a in
            Require(promised[a] < 2)
            promised[a] <- promised[a] + 1
        }
        s.action("finish", for: acceptors) { a in
            Require(Exists(majorities(of: acceptors)) { q in q.contains(a) })
            If(ForAll(quorums(of: acceptors, size: 2)) { q in Count(q) { b in promised[b] >= 1 } >= 1 }) {
                done <- true
            }
        }
        s.invariant("some pair promised", Exists(quorums(of: acceptors, size: 2)) { q in
            ForAll(q) { b in promised[b] >= 0 }
        })
        s.invariant("sums", ForAll(majorities(of: acceptors)) { q in Sum(q) { b in promised[b] } <= 4 })
        s.validEndState(true)
    }

    @Test func subsetsAreNumberedInLexicographicOrder() {
        #expect(Subsets.masks(count: 3, size: 2) == [0b011, 0b101, 0b110])
        #expect(Subsets.number(count: 5, size: 2) == 10)
        #expect(Subsets.number(count: 3, size: 4) == 0)
        #expect(Subsets.members(4, count: 4, size: 2) == [1, 3])
        #expect(Subsets.masks(count: 4, size: 0) == [0])
        #expect(IterationDomain.subsets(RoleID(index: 0), size: 2).values(roles: [RoleDecl(name: "a", count: 4, firstID: 1)]) == 0..<6)
        let role = RoleDecl(name: "a", count: 3, firstID: 1)
        #expect(Subsets.contains(3, subset: 1, of: role, size: 2))
        #expect(!Subsets.contains(2, subset: 1, of: role, size: 2))
        #expect(!Subsets.contains(4, subset: 1, of: role, size: 2))
    }

    @Test func quantifiersBuildSubsetDomainsAndMembershipTests() throws {
        let ir = try SpecDefinition(name: "ballots", summary: "", parameters: [], expectation: .holds, body: Self.ballots).instantiate()
        guard case .aggregate(.exists, let q, .subsets(let role, size: 2), let body) = ir.invariants[0].condition,
              case .aggregate(.forall, let b, .role(role), .binary(.implies, let member, _)) = body else {
            Issue.record("Exists(quorums) { q in ForAll(q) { … } } builds \(ir.invariants[0].condition)")
            return
        }
        #expect(member == .member(.binding(b), subset: .binding(q), role: role, size: 2))
        guard case .aggregate(.forall, _, .subsets(_, size: 2), _) = ir.invariants[1].condition else {
            Issue.record("majorities of 3 are quorums of 2")
            return
        }
    }

    @Test func symmetricRoleWithQuorumQuantifiersIsAccepted() {
        #expect(problems(Self.ballots).isEmpty)
    }

    @Test func aQuorumUsedAsAValueIsRejected() {
        let found = problems { s in
            let acceptors = s.processes("acceptor", count: 3)
            s.invariant("arithmetic", Exists(quorums(of: acceptors, size: 2)) { q in Term<Int>(.binding(q.binding)) == 1 })
        }
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("invariant 'arithmetic': uses a quorum as a value; a quorum can only be "
                                       + "quantified over or tested for membership (never stored, sent, compared or computed with) (") == true)
    }

    @Test func aQuorumStoredOrSentIsRejected() {
        let found = problems { s in
            let acceptors = s.processes("acceptor", count: 3)
            let kept = s.global("kept", in: .range(0...2), initial: 0)
            let field = Field("quorum", .range(0...2))
            let note = s.message("note", field)
            s.network(.unordered(capacity: 3))
            s.on(note, at: acceptors) { _ in [] }
            s.action("keep", for: acceptors) { a in
                let q = BuildContext.active.freshBinding()
                let store = kept <- Term<Int>(.binding(q))
                let send = Send(note.with(field, Term(.binding(q))), from: a, to: a)
                // The one quorum of all three: no slot is written twice.
                Stmt.forEach(q, .subsets(acceptors.id, size: 3), except: nil, body: [store, send])
            }
        }
        let asValue = "action 'keep': uses a quorum as a value; a quorum can only be quantified over or tested "
            + "for membership (never stored, sent, compared or computed with) ("
        #expect(found.count == 3)   // the loop; the assignment (on the action's line) and the send (on its own)
        #expect(found.first?.hasPrefix("action 'keep': ranges over quorums outside a quantifier; only ForAll, Exists and Count may (") == true)
        #expect(found.dropFirst().allSatisfy { $0.hasPrefix(asValue) })
    }

    @Test func quorumsLargerThanTheRoleAreRejected() {
        let found = problems { s in
            let acceptors = s.processes("acceptor", count: 3)
            s.invariant("big", Exists(quorums(of: acceptors, size: 4)) { q in q.contains(acceptors.process(0)) })
        }
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("invariant 'big': quorums of 4 processes of role acceptor, which has 3 (") == true)
    }

    /// Over a symmetric role, membership of a fixed process or of a number singles a process out.
    @Test func symmetryRejectsMembershipOfAFixedProcess() {
        let fixed: @Sendable (Bool) -> [String] = { symmetric in
            self.problems { s in
                let acceptors = s.processes("acceptor", count: 3, symmetric: symmetric)
                let n = s.global("n", in: .range(0...2), initial: 0)
                s.invariant("first", Exists(quorums(of: acceptors, size: 2)) { q in q.contains(acceptors.process(0)) })
                s.invariant("number", Exists(quorums(of: acceptors, size: 2)) { q in q.contains(Term(n.expr)) })
            }
        }
        #expect(fixed(false).isEmpty)
        let remedy = "; remove `symmetric: true` or treat its ids only as names"
        #expect(fixed(true) == [
            "role acceptor: declared symmetric, but invariant 'first' names a fixed process (id 0)" + remedy,
            "role acceptor: declared symmetric, but invariant 'number' tests membership in a quorum of something other "
                + "than one of its process ids" + remedy,
        ])
    }

    @Test func explainPrintsQuorumQuantifiers() throws {
        let ir = try SpecDefinition(name: "ballots", summary: "", parameters: [], expectation: .holds, body: Self.ballots).instantiate()
        let text = SpecPrinter(ir).render()
        #expect(text.contains("require (exists Q in quorums(acceptor, 2): self in Q)"))
        #expect(text.contains("if (for all Q in quorums(acceptor, 2): (number of j in Q with promised[j] >= 1) >= 1):"))
        #expect(text.contains("some pair promised: (exists Q in quorums(acceptor, 2): (for all j in Q: promised[j] >= 0))"))
        #expect(text.contains("sums: (for all Q in quorums(acceptor, 2): (sum over j in Q of promised[j]) <= 4)"))
    }
}
