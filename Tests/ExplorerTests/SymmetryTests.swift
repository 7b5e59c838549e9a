@testable import Explorer
import Kripke
import KripkeTestSupport
import Testing

/// Symmetry reduction stores exactly one state per orbit, and the validator only allows it for
/// roles the spec treats symmetrically.
@Suite struct SymmetryTests {
    enum Phase: Enumeration { case idle, waiting, critical }

    /// Clients of a coordinator: per-client variables, a client id held by the coordinator, FIFO
    /// channels and a pair matrix, so every kind of slot a permutation moves is exercised.
    static let clients = SpecDefinition(name: "clients", summary: "", parameters: [], expectation: .holds) { s in
        let clients = s.processes("client", count: 3, symmetric: true)
        let coordinator = s.process("coordinator")
        let phase = s.variable("phase", per: clients, in: .cases(Phase.self), initial: .idle)
        let holder = s.variable("holder", per: coordinator, in: .processOrNone(clients), initial: .none)
        let seen = s.variable("seen", per: clients, clients, in: .bool, initial: false)
        let who = Field("who", .process(clients))
        let request = s.message("request", who)
        let grant = s.message("grant")
        s.network(.fifo(capacity: 2))
        s.action("ask", for: clients) { c in
            Require(phase[c] == .idle)
            phase[c] <- .waiting
            Send(request.with(who, c), from: c, to: coordinator.only)
        }
        s.on(request, at: coordinator) { m in
            Require(holder[m.receiver] == .none)
            holder[m.receiver] <- m[who]
            Send(grant, from: m.receiver, to: m.sender)
        }
        s.on(grant, at: clients) { m in
            phase[m.receiver] <- .critical
            ForEach(clients, except: m.receiver) { other in
                seen[other, m.receiver] <- true
            }
        }
        s.check(MutualExclusion(clients) { c in phase[c] == .critical })
        s.validEndState(true)
    }

    /// Every reachable state of the full search, by depth-first enumeration.
    private func reachable(_ system: TransitionSystem) -> Set<[Int]> {
        let machine = system.makeMachine()
        var seen: Set<[Int]> = [system.initialStates[0]]
        var stack = [system.initialStates[0]]
        while let state = stack.popLast() {
            state.withUnsafeBufferPointer { buffer in
                _ = system.forEachSuccessor(of: buffer.baseAddress!, machine: machine) { _ in
                    let next = Array(UnsafeBufferPointer(start: machine.state, count: system.layout.slotCount))
                    if seen.insert(next).inserted { stack.append(next) }
                }
            }
        }
        return seen
    }

    private func permutations(_ items: [Int]) -> [[Int]] {
        guard let first = items.first else { return [[]] }
        return permutations(Array(items.dropFirst())).flatMap { rest in
            (0...rest.count).map { position in Array(rest[..<position]) + [first] + Array(rest[position...]) }
        }
    }

    @Test(arguments: ["clients", "quorum", "quorum-voting"])
    func oneStatePerOrbit(spec: String) throws {
        let definition: SpecDefinition = switch spec {
        case "clients": Self.clients
        case "quorum": QuorumFixture.spec
        default: QuorumVoting.spec()   // quorum quantifiers over the symmetric acceptors
        }
        let system = try TransitionSystem(try definition.instantiate())
        let reducer = try #require(SymmetryReducer(system))
        let role = reducer.symmetricRoles[0]
        let identity = Array(0..<system.layout.processCount)
        let images: [[Int]] = permutations(Array(role.first..<(role.first + role.count))).map { order in
            var permutation = identity
            for (offset, target) in order.enumerated() { permutation[role.first + offset] = target }
            return permutation
        }
        let states = reachable(system)
        var orbits = Set<[Int]>()
        for state in states {
            let orbit = images.map { reducer.image(of: state, under: $0) }
            orbits.insert(orbit.min { $0.lexicographicallyPrecedes($1) }!)
            // The canonical form is the same for every member of the orbit, and is a member of it.
            let canonicalForms = Set(orbit.map { member -> [Int] in
                var copy = member
                copy.withUnsafeMutableBufferPointer { reducer.canonicalize($0.baseAddress!) }
                return copy
            })
            #expect(canonicalForms.count == 1)
            #expect(orbit.contains(canonicalForms.first!))
        }
        let result = try BreadthFirstSearch(try definition.instantiate(), options: SearchOptions(partialOrder: false)).run()
        #expect(result.statistics.states == orbits.count)
        #expect(orbits.count < states.count)
    }

    @Test func asymmetricUsesOfASymmetricRoleAreRejected() {
        func problems(_ body: @escaping @Sendable (SpecBuilder, Role, StateArray<Int>) -> Void) -> [String] {
            let spec = SpecDefinition(name: "s", summary: "", parameters: [], expectation: .holds) { s in
                let procs = s.processes("p", count: 3, symmetric: true)
                let x = s.variable("x", per: procs, in: .range(0...3), initial: 0)
                body(s, procs, x)
            }
            do {
                _ = try spec.instantiate()
                return []
            } catch {
                return error.problems.map(\.description)
            }
        }
        let ordering = problems { s, procs, x in
            s.action("a", for: procs) { i in
                Require(Exists(procs) { j in i < j })
                x[i] <- 1
            }
        }
        #expect(ordering == ["role p: declared symmetric, but action 'a' orders or computes with its process ids ('<'); remove `symmetric: true` or treat its ids only as names"])
        let ring = problems { s, procs, x in
            s.action("a", for: procs) { i in
                x[procs.next(i)] <- 1
            }
        }
        #expect(ring.contains { $0.contains("orders or computes with its process ids ('-')") })
        let fixed = problems { s, procs, x in
            s.invariant("first is zero", x[procs.process(0)] == 0)
        }
        #expect(fixed.first?.contains("invariant 'first is zero' indexes 'x' with something other than one of its process ids") == true)
        let symmetricUse = problems { s, procs, x in
            s.action("a", for: procs) { i in
                Require(ForAll(procs, except: i) { j in x[j] == x[i] })
                x[i] <- 1
            }
            s.invariant("bounded", Sum(procs) { j in x[j] } <= 3)
        }
        #expect(symmetricUse.isEmpty)
    }
}

/// A small quorum system with symmetric replicas (the shape of Specs' quorum-replication).
enum QuorumFixture {
    static let spec = SpecDefinition(name: "quorum", summary: "", parameters: [], expectation: .holds) { s in
        let writer = s.process("writer")
        let replicas = s.processes("replica", count: 3, symmetric: true)
        let version = s.variable("version", per: replicas, in: .range(0...1), initial: 0)
        let acks = s.variable("acks", per: writer, in: .range(0...3), initial: 0)
        let started = s.variable("started", per: writer, in: .bool, initial: false)
        let write = s.message("write")
        let ack = s.message("ack")
        s.network(.unordered(capacity: 6))
        s.action("write", for: writer) { w in
            Require(!started[w])
            started[w] <- true
            ForEach(replicas) { r in
                Send(write, from: w, to: r)
            }
        }
        s.on(write, at: replicas) { m in
            version[m.receiver] <- 1
            Send(ack, from: m.receiver, to: m.sender)
        }
        s.on(ack, at: writer) { m in
            acks[m.receiver] <- acks[m.receiver] + 1
        }
        s.validEndState(true)
    }
}
