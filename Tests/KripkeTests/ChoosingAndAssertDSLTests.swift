import Kripke
import Testing

/// `choosing:` with two and three ranges, and `Assert`, build the IR they read like; the validator
/// and the spec printer handle them.
@Suite struct ChoosingAndAssertDSLTests {
    static let spec = SpecDefinition(name: "choices", summary: "", parameters: [], expectation: .holds) { s in
        let procs = s.processes("p", count: 2)
        let x = s.variable("x", per: procs, in: .range(0...9), initial: 0)
        s.action("pair", for: procs, choosing: 1...2, 0...1) { i, b, v in
            Require(x[i] < b)
            x[i] <- b + v
        }
        s.action("triple", for: procs, choosing: -1...0, 0...2, 3...3) { i, a, b, c in
            Assert(x[i] + a >= -1, "x is never below -1 after a")
            x[i] <- a + b + c
        }
    }

    @Test func everyChoiceBecomesAParameter() throws {
        let ir = try Self.spec.instantiate()
        #expect(ir.actions[0].parameters.map(\.1) == [.range(1, 2), .range(0, 1)])
        #expect(ir.actions[1].parameters.map(\.1) == [.range(-1, 0), .range(0, 2), .range(3, 3)])
        #expect(Set(ir.actions[1].parameters.map(\.0)).count == 3)
        #expect(!ir.actions[1].parameters.map(\.0).contains(ir.actions[1].process))
    }

    @Test func choiceCodesCoverEveryCombinationOnce() throws {
        let ir = try Self.spec.instantiate()
        let encoding = try #require(ChoiceEncoding(ir.actions[1], roles: ir.roles))
        #expect(encoding.codes == -3..<3)
        let combinations = encoding.codes.map(encoding.values(of:))
        #expect(combinations == [[-1, 0, 3], [-1, 1, 3], [-1, 2, 3], [0, 0, 3], [0, 1, 3], [0, 2, 3]])
        #expect(combinations.map(encoding.code(of:)) == Array(encoding.codes))
        #expect(ir.actions[1].chosenValues(-2, roles: ir.roles).map(\.1) == [-1, 1, 3])
    }

    @Test func oneChoiceKeepsItsValueAsCode() throws {
        let spec = SpecDefinition(name: "one", summary: "", parameters: [], expectation: .holds) { s in
            let procs = s.processes("p", count: 1)
            let x = s.variable("x", per: procs, in: .range(0...9), initial: 0)
            s.action("set", for: procs, choosing: 4...6) { i, v in x[i] <- v }
        }
        let ir = try spec.instantiate()
        #expect(ir.actions[0].choiceCodes(roles: ir.roles) == 4..<7)
        #expect(ir.actions[0].chosenValues(5, roles: ir.roles).map(\.1) == [5])
        #expect(ChoiceEncoding(ir.actions[0], roles: ir.roles)?.values(of: 6) == [6])
    }

    @Test func assertBecomesAStatementAndAnAssertion() throws {
        let ir = try Self.spec.instantiate()
        guard case .assert(_, let message, let location) = ir.actions[1].body[0] else {
            Issue.record("expected an assert, got \(ir.actions[1].body[0])")
            return
        }
        #expect(message == "x is never below -1 after a")
        #expect(location.file == "KripkeTests/ChoosingAndAssertDSLTests.swift")
        #expect(ir.assertions.map(\.message) == ["x is never below -1 after a"])
        #expect(ir.assertion(named: "x is never below -1 after a") == 0)
        #expect(ir.hasAssertions)
    }

    @Test func anAssertNeedsAMessage() {
        let spec = SpecDefinition(name: "t", summary: "", parameters: [], expectation: .holds) { s in
            let procs = s.processes("p", count: 1)
            let x = s.variable("x", per: procs, in: .range(0...1), initial: 0)
            s.action("a", for: procs) { i in
                Assert(x[i] == 0, " ")
                x[i] <- 1
            }
        }
        do {
            _ = try spec.instantiate()
            Issue.record("the validator accepts an Assert without a message")
        } catch {
            #expect(error.problems.map(\.message) == ["an Assert needs a message that names it"])
        }
    }

    /// An `Assert` that orders the ids of a symmetric role makes symmetry reduction unsound, as
    /// any other condition would.
    @Test func symmetryCheckReadsAsserts() {
        let spec = SpecDefinition(name: "t", summary: "", parameters: [], expectation: .holds) { s in
            let procs = s.processes("p", count: 2, symmetric: true)
            let x = s.variable("x", per: procs, in: .range(0...1), initial: 0)
            s.action("a", for: procs) { i in
                Assert(ForAll(procs) { j in i <= j }, "lowest id")
                x[i] <- 1
            }
        }
        do {
            _ = try spec.instantiate()
            Issue.record("the validator accepts an Assert that orders symmetric ids")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems.first?.element == "role p")
        }
    }

    @Test func printerNamesEveryChoiceAndShowsAsserts() throws {
        let text = SpecPrinter(try Self.spec.instantiate()).render()
        #expect(text.contains("""
              pair — a step of each p (self), choosing choice1 in 1...2, choice2 in 0...1:
                require x[self] < choice1
                x[self] := choice1 + choice2
              triple — a step of each p (self), choosing choice1 in -1...0, choice2 in 0...2, choice3 in 3...3:
                assert (x[self] + choice1) >= -1 — "x is never below -1 after a"
                x[self] := (choice1 + choice2) + choice3
            """), "\(text)")
    }
}
