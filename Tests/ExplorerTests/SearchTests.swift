@testable import Explorer
import Kripke
import Testing

/// Breadth-first search on specs whose state spaces are known by hand.
@Suite struct SearchTests {
    private func run(_ body: @escaping @Sendable (SpecBuilder) -> Void, deadlock: Bool = true) throws -> CheckResult {
        let spec = SpecDefinition(name: "t", summary: "", parameters: [], expectation: .holds, body: body)
        var options = SearchOptions()
        options.partialOrder = false
        options.checkDeadlock = deadlock
        return try BreadthFirstSearch(try spec.instantiate(), options: options).run()
    }

    /// N counters 0...K each, incremented independently: (K+1)^N states, depth N·K.
    @Test func counterGridHasExactlyProductStates() throws {
        let result = try run({ s in
            let procs = s.processes("p", count: 3)
            let x = s.variable("x", per: procs, in: .range(0...4), initial: 0)
            s.action("inc", for: procs) { i in
                Require(x[i] < 4)
                x[i] <- x[i] + 1
            }
        }, deadlock: false)
        guard case .holds = result.verdict else { Issue.record("expected holds"); return }
        #expect(result.statistics.states == 125)
        #expect(result.statistics.depth == 12)
        // Each state has one transition per counter below 4: 3 · 4 · 25 = 300.
        #expect(result.statistics.transitions == 300)
        #expect(result.statistics.coverage == [ActionCoverage(name: "inc", transitions: 300, newStates: 124)])
    }

    @Test func shortestCounterexampleToInvariant() throws {
        let result = try run({ s in
            let procs = s.processes("p", count: 2)
            let x = s.variable("x", per: procs, in: .range(0...5), initial: 0)
            s.action("inc", for: procs) { i in
                Require(x[i] < 5)
                x[i] <- x[i] + 1
            }
            s.invariant("sum below 3", Sum(procs) { i in x[i] } < 3)
        }, deadlock: false)
        guard case .violated(let violation) = result.verdict else { Issue.record("expected violation"); return }
        #expect(violation.kind == .invariant("sum below 3"))
        #expect(violation.trace.length == 3)
        #expect(violation.trace.steps.map(\.description) == ["p0: inc", "p0: inc", "p0: inc"])
    }

    @Test func deadlockUnlessValidEndState() throws {
        let stuck: @Sendable (SpecBuilder) -> Void = { s in
            let procs = s.processes("p", count: 1)
            let x = s.variable("x", per: procs, in: .range(0...2), initial: 0)
            s.action("inc", for: procs) { i in
                Require(x[i] < 2)
                x[i] <- x[i] + 1
            }
        }
        let result = try run(stuck)
        guard case .violated(let violation) = result.verdict else { Issue.record("expected deadlock"); return }
        #expect(violation.kind == .deadlock)
        #expect(violation.trace.length == 2)
        let finished = try run { s in
            stuck(s)
            s.validEndState(true)
        }
        guard case .holds = finished.verdict else { Issue.record("valid end state is no deadlock"); return }
    }

    @Test func fifoDeliversInOrderAndUnorderedInAnyOrder() throws {
        func received(_ network: Network) throws -> Int {
            let result = try run({ s in
                let sender = s.process("sender")
                let receiver = s.process("receiver")
                let sent = s.variable("sent", per: sender, in: .range(0...2), initial: 0)
                let last = s.variable("last", per: receiver, in: .range(0...2), initial: 0)
                let value = Field("value", .range(0...2))
                let data = s.message("data", value)
                s.network(network)
                s.action("send", for: sender) { i in
                    Require(sent[i] < 2)
                    sent[i] <- sent[i] + 1
                    Send(data.with(value, sent[i]), from: i, to: receiver.only)
                }
                s.on(data, at: receiver) { m in
                    last[m.receiver] <- m[value]
                }
                s.invariant("never 1 after 2", !(last[receiver.only] == 1 && sent[sender.only] == 2 && InFlight(data) == 0))
            }, deadlock: false)
            if case .violated = result.verdict { return 1 }
            return 0
        }
        // FIFO: message 1 is always received before message 2, so the last one seen once both are delivered is 2.
        #expect(try received(.fifo(capacity: 2)) == 0)
        // Unordered: 2 may overtake 1.
        #expect(try received(.unordered(capacity: 2)) == 1)
    }

    @Test func lossyNetworkLosesAndDuplicatingNetworkRedelivers() throws {
        func outcome(_ network: Network) throws -> (states: Int, maxCount: Bool) {
            let result = try run({ s in
                let a = s.process("a")
                let b = s.process("b")
                let count = s.variable("count", per: b, in: .range(0...2), initial: 0)
                let sent = s.variable("sent", per: a, in: .bool, initial: false)
                let ping = s.message("ping")
                s.network(network)
                s.action("send", for: a) { i in
                    Require(!sent[i])
                    sent[i] <- true
                    Send(ping, from: i, to: b.only)
                }
                s.on(ping, at: b) { m in
                    Require(count[m.receiver] < 2)
                    count[m.receiver] <- count[m.receiver] + 1
                }
                s.invariant("at most one delivery", count[b.only] <= 1)
            }, deadlock: false)
            if case .violated = result.verdict { return (result.statistics.states, true) }
            return (result.statistics.states, false)
        }
        // Reliable: init, sent, delivered.
        #expect(try outcome(.unordered(capacity: 1)) == (3, false))
        // Lossy: also "sent then lost" (same state as delivered? no: count stays 0, network empty).
        #expect(try outcome(.unordered(capacity: 1, lossy: true)) == (4, false))
        // Duplicating: the message can be delivered twice.
        #expect(try outcome(.unordered(capacity: 1, duplicating: true)).maxCount)
    }

    /// A handler that forwards a field of the message it handles sends that value, not a stale one.
    @Test func forwardedFieldsCarryTheHandledValue() throws {
        let result = try run({ s in
            let procs = s.processes("p", count: 3)
            let got = s.variable("got", per: procs, in: .range(0...3), initial: 0)
            let value = Field("value", .range(0...3))
            let token = s.message("token", value)
            s.network(.fifo(capacity: 1))
            s.action("start", for: procs) { i in
                Require(got[i] == 0)
                Require(i == procs.process(0))
                got[i] <- 3
                Send(token.with(value, 3), from: i, to: procs.next(i))
            }
            s.on(token, at: procs) { m in
                got[m.receiver] <- m[value]
                If(m.receiver != procs.process(0)) {
                    Send(token.with(value, m[value]), from: m.receiver, to: procs.next(m.receiver))
                }
            }
            s.invariant("only 3 travels", ForAll(procs) { i in got[i] == 0 || got[i] == 3 })
        }, deadlock: false)
        guard case .holds = result.verdict else { Issue.record("expected holds, got \(result.verdict)"); return }
        #expect(result.statistics.states == 5)
    }

    /// Regression: an action without a chosen value must not overwrite its process binding
    /// (here binding 0, since no variable allocates a binding first).
    @Test func everyProcessActsAsItself() throws {
        let result = try run({ s in
            let procs = s.processes("p", count: 2)
            let marked = s.global("marked", in: .processOrNone(procs), initial: .none)
            s.action("mark", for: procs) { i in
                Require(marked == .none)
                marked <- i
            }
            s.invariant("p1 never marks", marked != procs.process(1))
        }, deadlock: false)
        guard case .violated(let violation) = result.verdict else { Issue.record("p1 should be able to mark"); return }
        #expect(violation.trace.steps.map(\.description) == ["p1: mark"])
        #expect(result.statistics.states == 3)
    }

    @Test func stateLimitEndsIncomplete() throws {
        let spec = SpecDefinition(name: "t", summary: "", parameters: [], expectation: .holds) { s in
            let procs = s.processes("p", count: 4)
            let x = s.variable("x", per: procs, in: .range(0...9), initial: 0)
            s.action("inc", for: procs) { i in
                Require(x[i] < 9)
                x[i] <- x[i] + 1
            }
            s.validEndState(true)
        }
        var options = SearchOptions()
        options.partialOrder = false
        options.maxStates = 100
        let result = try BreadthFirstSearch(try spec.instantiate(), options: options).run()
        guard case .incomplete(let reason) = result.verdict else { Issue.record("expected incomplete"); return }
        #expect(reason == "state limit reached (100 states)")
        #expect(result.statistics.states >= 100)
    }

    @Test func modellingFaultCarriesTheRunThatReachesIt() throws {
        let spec = SpecDefinition(name: "t", summary: "", parameters: [], expectation: .holds) { s in
            let procs = s.processes("p", count: 1)
            let x = s.variable("x", per: procs, in: .range(0...1), initial: 0)
            s.action("inc", for: procs) { i in
                x[i] <- x[i] + 1
            }
        }
        #expect {
            try BreadthFirstSearch(try spec.instantiate(), options: SearchOptions(partialOrder: false)).run()
        } throws: { error in
            guard let fault = error as? ModelFault else { return false }
            return fault.message == "value 2 assigned to 'x' is outside its domain 0...1" && fault.trace.length == 1
                && fault.action == "p: inc"
        }
    }

    /// A leading guard that reads neither the process nor the parameters is evaluated once per
    /// state (`TransitionSystem`'s shared guard). Where it is false no instance runs; where it
    /// is true the instances' own guards decide, exactly as when every instance evaluates it.
    @Test func sharedGuardDisablesEveryInstanceOnlyWhereItIsFalse() throws {
        let result = try run({ s in
            let procs = s.processes("p", count: 3)
            let bank = s.process("bank")
            let x = s.variable("x", per: procs, in: .range(0...2), initial: 0)
            let budget = s.variable("budget", per: bank, in: .range(0...4), initial: 4)
            s.action("inc", for: procs) { i in
                Require(budget[bank.only] > 0)   // shared: the same for every process
                Require(x[i] < 2)
                x[i] <- x[i] + 1
                budget[bank.only] <- budget[bank.only] - 1
            }
        }, deadlock: false)
        guard case .holds = result.verdict else { Issue.record("expected holds"); return }
        // The vectors x with 0 ≤ x[i] ≤ 2 and Σx ≤ 4 (budget = 4 − Σx): 27 minus the 4 with Σx > 4.
        #expect(result.statistics.states == 23)
        #expect(result.statistics.depth == 4)
        // From each state with budget > 0, one step per counter below 2.
        #expect(result.statistics.transitions == 42)
    }

    /// A shared guard that faults is not skipped: the first instance meets the fault and reports it.
    @Test func sharedGuardFaultIsReportedByTheFirstInstance() throws {
        let spec = SpecDefinition(name: "t", summary: "", parameters: [], expectation: .holds) { s in
            let procs = s.processes("p", count: 2)
            let bank = s.process("bank")
            let x = s.variable("x", per: procs, in: .range(0...1), initial: 0)
            let divisor = s.variable("divisor", per: bank, in: .range(0...1), initial: 0)
            s.action("inc", for: procs) { i in
                Require(10 / divisor[bank.only] > 1)
                x[i] <- 1
            }
        }
        #expect {
            try BreadthFirstSearch(try spec.instantiate(), options: SearchOptions(partialOrder: false)).run()
        } throws: { error in
            guard let fault = error as? ModelFault else { return false }
            return fault.message == "division by zero" && fault.trace.length == 0 && fault.action == "p0: inc"
        }
    }
}
