import Explorer
import Kripke
import Reports
import Verification

/// A spec check that did not conclude what a test expected: its description is the expectation
/// and the whole text result, counterexample included, so the failing test shows how the spec
/// breaks (Swift Testing and XCTest both print a thrown error's description).
///
/// ```swift
/// do { try expectHolds(RicartAgrawala.tieBug, parameters: ["N": 2]) }
/// catch let failure as SpecExpectationFailure { print(failure.outcome.verdict.name) }   // "violated"
/// ```
public struct SpecExpectationFailure: Error, CustomStringConvertible {
    /// What the test expected, in a sentence.
    public let expectation: String
    /// What the check concluded.
    public let outcome: Outcome

    public var description: String {
        "expected \(expectation), but:\n" + OutcomeText.render(outcome)
    }
}

/// Checks `spec` with the explorer and requires every property to hold (exhaustively); with
/// `states` or `transitions`, also pins those counts. Throws ``SpecExpectationFailure`` (with the
/// counterexample) otherwise, and `SpecError` for an invalid spec; returns the outcome.
///
/// ```swift
/// @Test func ricartAgrawalaIsSafe() throws {
///     try expectHolds(RicartAgrawala.correct, parameters: ["N": 2], states: 1_106)
/// }
/// ```
@discardableResult
public func expectHolds(_ spec: SpecDefinition, parameters: [String: Int] = [:], states: Int? = nil,
                        transitions: Int? = nil, options: SearchOptions = SearchOptions()) throws -> Outcome {
    let outcome = try check(spec, parameters, options)
    let expectation = "every property of \(outcome.title) to hold"
    guard outcome.verdict == .holds else { throw SpecExpectationFailure(expectation: expectation, outcome: outcome) }
    try pin(states, "states", in: outcome, expectation)
    try pin(transitions, "transitions", in: outcome, expectation)
    return outcome
}

/// Checks `spec` with the explorer and requires `property` — an invariant's or lemma's name, an
/// assertion's message, or "deadlock freedom" — to be violated, within `steps` steps if given. Throws
/// ``SpecExpectationFailure`` otherwise (also when another property fails first); returns the
/// outcome, whose `trace` is the counterexample.
///
/// ```swift
/// @Test func theTieBugBreaksMutualExclusion() throws {
///     let outcome = try expectViolation(RicartAgrawala.tieBug, parameters: ["N": 2], of: "mutual exclusion", within: 8)
///     #expect(outcome.trace?.trace.length == 8)
/// }
/// ```
@discardableResult
public func expectViolation(_ spec: SpecDefinition, parameters: [String: Int] = [:], of property: String,
                            within steps: Int? = nil, options: SearchOptions = SearchOptions()) throws -> Outcome {
    let outcome = try check(spec, parameters, options)
    let expectation = "\(property) of \(outcome.title) to be violated" + (steps.map { " within \($0) steps" } ?? "")
    guard outcome.verdict == .violated, let violated = outcome.properties.first(where: { $0.verdict == .violated }),
          violated.name == property else {
        throw SpecExpectationFailure(expectation: expectation, outcome: outcome)
    }
    if let steps, let length = outcome.trace?.trace.length, length > steps {
        throw SpecExpectationFailure(expectation: expectation + " (the counterexample has \(length))", outcome: outcome)
    }
    return outcome
}

private func check(_ spec: SpecDefinition, _ parameters: [String: Int], _ options: SearchOptions) throws -> Outcome {
    let ir = try spec.instantiate(parameters)
    do {
        return Outcome(try BreadthFirstSearch(ir, options: options).run(), ir: ir, options: options)
    } catch let fault as ModelFault {
        return .error(fault.description, command: "check", engine: "explorer", spec: ir, trace: fault.trace)
    }
}

private func pin(_ expected: Int?, _ name: String, in outcome: Outcome, _ expectation: String) throws {
    guard let expected, case .int(let found)? = outcome.statistic(name), found != expected else { return }
    throw SpecExpectationFailure(expectation: "\(expectation) in \(expected) \(name) (found \(found))", outcome: outcome)
}
