import Kripke
import Testing

/// `kripke explain` reads a spec back from its IR as pseudocode.
@Suite struct SpecPrinterTests {
    enum Phase: Enumeration { case idle, busy }

    @Test func printsDeclarationsActionsAndInvariants() throws {
        let spec = SpecDefinition(name: "demo", summary: "", parameters: [], expectation: .holds) { s in
            let procs = s.processes("p", count: 2, symmetric: true)
            let leader = s.process("leader")
            let phase = s.variable("phase", per: procs, in: .cases(Phase.self), initial: .idle)
            let holder = s.variable("holder", per: leader, in: .processOrNone(procs), initial: .none)
            let ts = Field("ts", .range(0...2))
            let hello = s.message("hello", ts)
            s.network(.unordered(capacity: 2, lossy: true))
            s.action("go", for: procs) { i in
                Require(phase[i] == .idle)
                phase[i] <- .busy
                Send(hello.with(ts, 1), from: i, to: leader.only)
            }
            s.on(hello, at: leader) { m in
                If(holder[m.receiver] == .none) {
                    holder[m.receiver] <- m.sender
                }
            }
            s.check(MutualExclusion(procs) { i in phase[i] == .busy })
        }
        let text = SpecPrinter(try spec.instantiate()).render()
        #expect(text == """
            spec demo

            processes:
              p: p0, p1  (symmetric)
              leader: leader
            variables:
              phase[p]: Phase {idle, busy} = idle
              holder[leader]: p or none = none
            messages:
              hello(ts: 0...2)
            network: unordered, capacity 2, lossy
            actions:
              go — a step of each p (self):
                require phase[self] == idle
                phase[self] := busy
                send hello(ts: 1) from self to leader
              on hello at leader (self), from m.sender:
                if holder[self] == none:
                  holder[self] := m.sender
            invariants:
              mutual exclusion: (number of j in p with phase[j] == busy) <= 1
            """)
    }
}
