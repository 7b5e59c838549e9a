import Explorer
import Kripke
import Testing

/// The DSL example of the README, verbatim, so the README cannot drift from what compiles.
@Suite struct ReadmeExampleTests {
    enum Phase: Enumeration { case idle, waiting, critical }

    static let centralMutex = SpecDefinition(
        name: "central-mutex", summary: "clients ask a coordinator for the single grant",
        parameters: [ParameterDecl(name: "N", defaultValue: 3, range: 2...5)], expectation: .holds
    ) { s in
        let clients = s.processes("client", count: s.parameter("N"), symmetric: true)
        let coordinator = s.process("coordinator")
        let phase = s.variable("phase", per: clients, in: .cases(Phase.self), initial: .idle)
        let holder = s.variable("holder", per: coordinator, in: .processOrNone(clients), initial: .none)
        let request = s.message("request"), grant = s.message("grant"), release = s.message("release")
        s.network(.fifo(capacity: 2))

        s.action("ask", for: clients) { c in
            Require(phase[c] == .idle)
            phase[c] <- .waiting
            Send(request, from: c, to: coordinator.only)
        }
        s.on(request, at: coordinator) { m in
            Require(holder[m.receiver] == .none)          // otherwise the request waits in the network
            holder[m.receiver] <- m.sender
            Send(grant, from: m.receiver, to: m.sender)
        }
        s.on(grant, at: clients) { m in
            phase[m.receiver] <- .critical
        }
        s.action("leave", for: clients) { c in
            Require(phase[c] == .critical)
            phase[c] <- .idle
            Send(release, from: c, to: coordinator.only)
        }
        s.on(release, at: coordinator) { m in
            holder[m.receiver] <- .none
        }
        s.check(MutualExclusion(clients) { c in phase[c] == .critical })
    }

    @Test func readmeExampleHolds() throws {
        var options = SearchOptions()
        options.partialOrder = false
        options.symmetry = false
        let result = try BreadthFirstSearch(try Self.centralMutex.instantiate(["N": 2]), options: options).run()
        guard case .holds = result.verdict else {
            Issue.record("expected the README example to hold, got \(result.verdict)")
            return
        }
        #expect(result.statistics.states == 20)
        // The two clients are symmetric: 9 states have a mirror image, 2 are their own.
        let reduced = try BreadthFirstSearch(try Self.centralMutex.instantiate(["N": 2]), options: SearchOptions(partialOrder: false)).run()
        #expect(reduced.statistics.states == 11)
    }
}
