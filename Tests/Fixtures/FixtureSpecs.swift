import Kripke

/// Specs with seeded mistakes and stress shapes, for the CLI's end-to-end tests. They are served
/// by the `kripke-fixtures` executable, which is also the example of a user's own `kripke` with
/// extra specs.
///
/// ```swift
/// SpecCatalog.install(SpecLibrary.all + FixtureSpecs.all)
/// ```
enum FixtureSpecs {
    static let all = [initialOutOfRange, doubleWrite, unhandledMessage, runtimeOutOfDomain, tinyNetwork, counterGrid, deadAction,
                      failingAssert]

    /// Each of two processes raises its ballot and picks a value in one step (`choosing: 1...2,
    /// 0...1`); the step asserts that a process raising to ballot 2 picks the value the other
    /// holds there. Fails after 2 steps: p0 raises to (2, 0), then p1 to (2, 1).
    static let failingAssert = SpecDefinition(
        name: "failing-assert", summary: "an Assert in a step with two choices fails", parameters: [], expectation: .violated
    ) { s in
        let procs = s.processes("p", count: 2)
        let ballot = s.variable("ballot", per: procs, in: .range(0...2), initial: 0)
        let value = s.variable("value", per: procs, in: .range(0...1), initial: 0)
        s.action("raise", for: procs, choosing: 1...2, 0...1) { i, b, v in
            Require(ballot[i] < b)
            Assert(ForAll(procs, except: i) { j in (ballot[j] == 2).and(b == 2).implies(value[j] == v) },
                   "one value at ballot 2")
            ballot[i] <- b
            value[i] <- v
        }
        s.validEndState(true)
    }

    /// `reset` requires a value the counter never reaches: an action no reachable state enables.
    static let deadAction = SpecDefinition(
        name: "dead-action", summary: "an action whose guard never holds", parameters: [], expectation: .holds
    ) { s in
        let counter = s.process("counter")
        let value = s.variable("value", per: counter, in: .range(0...3), initial: 0)
        s.action("increment", for: counter) { c in
            Require(value[c] < 2)
            value[c] <- value[c] + 1
        }
        s.action("reset", for: counter) { c in
            Require(value[c] == 3)
            value[c] <- 0
        }
        s.validEndState(true)
    }

    /// `clock` starts at 5 but its domain is 0...3.
    static let initialOutOfRange = SpecDefinition(
        name: "broken-initial", summary: "initial value outside its domain", parameters: [], expectation: .holds
    ) { s in
        let procs = s.processes("p", count: 2)
        let clock = s.variable("clock", per: procs, in: .range(0...3), initial: 5)
        s.action("tick", for: procs) { i in
            clock[i] <- clock[i] + 1
        }
    }

    /// `x` is assigned twice in one step.
    static let doubleWrite = SpecDefinition(
        name: "broken-double-write", summary: "a variable written twice in one step", parameters: [], expectation: .holds
    ) { s in
        let procs = s.processes("p", count: 2)
        let x = s.variable("x", per: procs, in: .range(0...3), initial: 0)
        s.action("twice", for: procs) { i in
            x[i] <- 1
            x[i] <- 2
        }
    }

    /// `pong` is declared and sent but nobody handles it.
    static let unhandledMessage = SpecDefinition(
        name: "broken-unhandled", summary: "a message kind nobody handles", parameters: [], expectation: .holds
    ) { s in
        let procs = s.processes("p", count: 2)
        let ping = s.message("ping")
        let pong = s.message("pong")
        s.network(.unordered(capacity: 2))
        s.action("start", for: procs) { i in
            Send(ping, from: i, to: procs.next(i))
        }
        s.on(ping, at: procs) { m in
            Send(pong, from: m.receiver, to: m.sender)
        }
    }

    /// `count` grows past its domain during the search: a modelling fault, exit 2 with a trace.
    static let runtimeOutOfDomain = SpecDefinition(
        name: "broken-overflow", summary: "a counter that leaves its domain", parameters: [], expectation: .holds
    ) { s in
        let counter = s.process("counter")
        let count = s.variable("count", per: counter, in: .range(0...2), initial: 0)
        s.action("increment", for: counter) { c in
            count[c] <- count[c] + 1
        }
    }

    /// Two processes ping-pong forever over a channel of capacity 1: the capacity is reached (its
    /// invariant holds in every explored state, so only the capacity keeps any engine from a verdict).
    static let tinyNetwork = SpecDefinition(
        name: "tiny-network", summary: "sends more than the network's capacity", parameters: [], expectation: .holds
    ) { s in
        let procs = s.processes("p", count: 2)
        let ping = s.message("ping")
        s.network(.fifo(capacity: 1))
        s.action("send", for: procs) { i in
            Send(ping, from: i, to: procs.next(i))
        }
        s.on(ping, at: procs) { _ in
        }
        s.invariant("at most two pings in flight", InFlight(ping) <= 2)
        s.validEndState(true)
    }

    /// `N` independent counters 0...K: (K+1)^N states, to exercise the limits.
    static let counterGrid = SpecDefinition(
        name: "counter-grid", summary: "independent counters, (K+1)^N states",
        parameters: [ParameterDecl(name: "N", defaultValue: 6, range: 1...8),
                     ParameterDecl(name: "K", defaultValue: 9, range: 1...15)],
        expectation: .holds
    ) { s in
        let k = s.parameter("K")
        let procs = s.processes("p", count: s.parameter("N"))
        let value = s.variable("value", per: procs, in: .range(0...k), initial: 0)
        s.action("increment", for: procs) { i in
            Require(value[i] < .constant(k))
            value[i] <- value[i] + 1
        }
        s.validEndState(true)
    }
}
