import Kripke

/// Clients take turns in a critical section by asking a lock server for the lock.
///
/// **Property**: mutual exclusion. **Bug** (`lock-server-eager`): the server grants every request,
/// even while a client holds the lock — two clients end up in the critical section after 6 steps.
public enum LockServer {
    public enum Phase: Enumeration { case idle, waiting, critical }

    public static let correct = SpecDefinition(
        name: "lock-server", summary: "clients ask a lock server for the single lock",
        parameters: [ParameterDecl(name: "N", defaultValue: 3, range: 2...5)], expectation: .holds
    ) { s in build(s, eager: false) }

    public static let eager = SpecDefinition(
        name: "lock-server-eager", summary: "the lock server grants every request (buggy)",
        parameters: [ParameterDecl(name: "N", defaultValue: 3, range: 2...5)], expectation: .violated
    ) { s in build(s, eager: true) }

    public static let all = [correct, eager]

    static func build(_ s: SpecBuilder, eager: Bool) {
        let clients = s.processes("client", count: s.parameter("N"), symmetric: true)
        let server = s.process("server")
        let phase = s.variable("phase", per: clients, in: .cases(Phase.self), initial: .idle)
        let holder = s.variable("holder", per: server, in: .processOrNone(clients), initial: .none)
        let request = s.message("request"), grant = s.message("grant"), release = s.message("release")
        s.network(.fifo(capacity: 2))

        s.action("ask", for: clients) { c in
            Require(phase[c] == .idle)
            phase[c] <- .waiting
            Send(request, from: c, to: server.only)
        }
        s.on(request, at: server) { m in
            if !eager { Require(holder[m.receiver] == .none) }   // otherwise the request waits
            holder[m.receiver] <- m.sender
            Send(grant, from: m.receiver, to: m.sender)
        }
        s.on(grant, at: clients) { m in
            phase[m.receiver] <- .critical
        }
        s.action("leave", for: clients) { c in
            Require(phase[c] == .critical)
            phase[c] <- .idle
            Send(release, from: c, to: server.only)
        }
        s.on(release, at: server) { m in
            holder[m.receiver] <- .none
        }
        s.check(MutualExclusion(clients) { c in phase[c] == .critical })
    }
}
