import Kripke
import Testing

/// The validator names the element of every seeded mistake.
@Suite struct ValidatorTests {
    private func problems(_ body: @escaping @Sendable (SpecBuilder) -> Void,
                          parameters: [ParameterDecl] = [], overrides: [String: Int] = [:]) -> [String] {
        let spec = SpecDefinition(name: "t", summary: "", parameters: parameters, expectation: .holds, body: body)
        do {
            _ = try spec.instantiate(overrides)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func acceptsAWellFormedSpec() {
        #expect(problems { s in
            let procs = s.processes("p", count: 2)
            let x = s.variable("x", per: procs, in: .range(0...3), initial: 0)
            s.action("inc", for: procs) { i in
                Require(x[i] < 3)
                x[i] <- x[i] + 1
            }
        }.isEmpty)
    }

    /// Traces show the network under `network` and each message with its kind, from and to.
    @Test func reservedNamesAreRejected() {
        let found = problems { s in
            let procs = s.processes("p", count: 2)
            _ = s.variable("network", per: procs, in: .range(0...1), initial: 0)
            let ping = s.message("ping", Field("from", .range(0...1)), Field("kind", .range(0...1)), Field("sender", .bool))
            s.network(.unordered(capacity: 1))
            s.on(ping, at: procs) { _ in [] }
        }
        let expected = ["variable network: 'network' is reserved: traces show the network's contents under that name",
                        "message ping field from: field name 'from' is reserved: traces show each message with its kind, sender and receiver (kind, from, to, sender, receiver)",
                        "message ping field kind: field name 'kind' is reserved: traces show each message with its kind, sender and receiver (kind, from, to, sender, receiver)",
                        "message ping field sender: field name 'sender' is reserved: traces show each message with its kind, sender and receiver (kind, from, to, sender, receiver)"]
        #expect(found.count == expected.count)
        for (problem, prefix) in zip(found, expected) { #expect(problem.hasPrefix(prefix), "\(problem)") }
    }

    @Test func initialValueOutsideDomain() {
        let found = problems { s in
            let procs = s.processes("p", count: 2)
            _ = s.variable("clock", per: procs, in: .range(0...3), initial: 7)
        }
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("variable clock: initial value 7 is outside its domain 0...3") == true)
    }

    @Test func initialValueDependingOnProcessID() {
        let found = problems { s in
            let procs = s.processes("p", count: 3)
            _ = s.variable("id", per: procs, in: .range(0...1)) { i in procs.index(i) }
        }
        #expect(found.first?.contains("initial value 2 is outside its domain 0...1") == true)
    }

    @Test func variableWrittenTwiceInOneStep() {
        let found = problems { s in
            let procs = s.processes("p", count: 2)
            let x = s.variable("x", per: procs, in: .range(0...3), initial: 0)
            s.action("twice", for: procs) { i in
                x[i] <- 1
                x[i] <- 2
            }
        }
        #expect(found.first?.hasPrefix("action 'twice': variable 'x' may be written twice in one step") == true)
    }

    @Test func writesInExclusiveBranchesAreFine() {
        #expect(problems { s in
            let procs = s.processes("p", count: 2)
            let x = s.variable("x", per: procs, in: .range(0...3), initial: 0)
            s.action("branch", for: procs) { i in
                If(x[i] == 0) {
                    x[i] <- 1
                } else: {
                    x[i] <- 0
                }
            }
        }.isEmpty)
    }

    @Test func loopWritingOneSlotEveryIteration() {
        let found = problems { s in
            let procs = s.processes("p", count: 3)
            let x = s.variable("x", per: procs, in: .range(0...3), initial: 0)
            s.action("loop", for: procs) { i in
                ForEach(procs) { _ in
                    x[i] <- 1
                }
            }
        }
        #expect(found.first?.contains("variable 'x' is written in every iteration of a loop") == true)
    }

    @Test func unhandledMessageKind() {
        let found = problems { s in
            let procs = s.processes("p", count: 2)
            let ping = s.message("ping")
            s.network(.unordered(capacity: 2))
            s.action("send", for: procs) { i in
                Send(ping, from: i, to: procs.next(i))
            }
        }
        #expect(found.first?.hasPrefix("message ping: no process handles message kind 'ping'") == true)
    }

    @Test func sendWithoutNetwork() {
        let found = problems { s in
            let procs = s.processes("p", count: 2)
            let ping = s.message("ping")
            s.action("send", for: procs) { i in
                Send(ping, from: i, to: procs.next(i))
            }
            s.on(ping, at: procs) { _ in }
        }
        #expect(found.contains { $0.hasPrefix("network: messages are sent but no network is declared") })
    }

    @Test func missingAndDuplicateMessageFields() {
        let found = problems { s in
            let procs = s.processes("p", count: 2)
            let ts = Field("ts", .range(0...3))
            let other = Field("other", .bool)
            let request = s.message("request", ts)
            s.network(.unordered(capacity: 2))
            s.action("send", for: procs) { i in
                Send(request.with(other, true), from: i, to: procs.next(i))
            }
            s.on(request, at: procs) { _ in }
        }
        #expect(found.contains { $0.hasPrefix("message request: field 'ts' of message 'request' is not set") })
        #expect(found.contains { $0.hasPrefix("message request: message 'request' has no field 'other'") })
    }

    /// Inside an InFlight filter, fields are the filtered message's: reading the handler's
    /// message's field there (or an outer filter's) would silently mean the inner one's.
    @Test func outerMessageFieldInsideInFlightFilter() {
        func spec(nested: Bool) -> [String] {
            problems { s in
                let procs = s.processes("p", count: 2)
                let ts = Field("ts", .range(0...3))
                let request = s.message("request", ts)
                let seen = s.variable("seen", per: procs, in: .range(0...2), initial: 0)
                s.network(.unordered(capacity: 2))
                s.action("send", for: procs) { i in
                    Send(request.with(ts, 1), from: i, to: procs.next(i))
                }
                s.on(request, at: procs) { m in
                    seen[m.receiver] <- InFlight(request) { d in nested ? d[ts] == m[ts] : d[ts] == 1 }
                }
                s.invariant("pairs", InFlight(request) { d in
                    InFlight(request) { e in nested ? e[ts] == d[ts] : e[ts] == 1 } <= 2
                } <= 2)
            }
        }
        #expect(spec(nested: false).isEmpty)
        let found = spec(nested: true)
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.hasPrefix("message request: field 'ts' of an enclosing 'request' message is read "
                                                + "inside an InFlight filter, where fields are the filtered message's") })
    }

    @Test func emptyRole() {
        let found = problems { s in
            let procs = s.processes("p", count: 0)
            _ = s.variable("x", per: procs, in: .range(0...1), initial: 0)
        }
        #expect(found == ["role p: a role needs at least one process (count is 0)"])
    }

    @Test func duplicateNames() {
        let found = problems { s in
            let procs = s.processes("p", count: 1)
            _ = s.variable("x", per: procs, in: .bool, initial: false)
            _ = s.variable("x", per: procs, in: .bool, initial: false)
        }
        #expect(found.first == "variable x: two variables are named 'x'")
    }

    @Test func undeclaredParameter() {
        let found = problems { s in _ = s.processes("p", count: s.parameter("M")) }
        #expect(found.first?.hasPrefix("parameter M: parameter 'M' is not declared") == true)
    }

    @Test func parameterOutOfRangeAndUnknown() {
        let parameters = [ParameterDecl(name: "N", defaultValue: 2, range: 1...4)]
        let body: @Sendable (SpecBuilder) -> Void = { s in _ = s.processes("p", count: s.parameter("N")) }
        #expect(problems(body, parameters: parameters, overrides: ["N": 9])
            == ["parameter N: parameter N=9 is outside its range 1...4"])
        #expect(problems(body, parameters: parameters, overrides: ["Q": 1])
            == ["parameter Q: unknown parameter 'Q' (spec 't' has: N)"])
    }


    @Test func parameterConstraint() {
        let found = problems { s in s.assume(false, "W must not exceed N") }
        #expect(found == ["parameters: W must not exceed N (KripkeTests/ValidatorTests.swift:\(#line - 1))"])
    }
}
