import Explorer
import Kripke
import Symbolic
import Verification

/// For `kripke prove --explain` (and users' own code): when the step case fails, the facts that
/// hold in every reachable state of this instance (the explorer's search shows them to
/// ``ReachableFacts``) but not in the first state of the counterexample to induction. Each is a
/// lemma that would exclude that CTI, provided it holds in general; the user states it with
/// `s.lemma` and proves again.
///
/// ```swift
/// if let hints = try CandidateLemmas(result, ir: ir) {
///     for fact in hints.facts { print(fact) }   // ∀ i: phase[i] = critical ⇒ replies[i] = 2 (fails for i = p0)
/// }
/// ```
public struct CandidateLemmas: Sendable {
    /// The most states mined, and the longest time spent mining them.
    public static let maxStates = 100_000
    public static let maxSeconds = 20.0

    public let facts: [ReachableFacts.Fact]
    /// Per fact: assumed as one more lemma, it discharges the failing consecution (the fact itself
    /// still has to be proved); `nil` when Z3 could not tell.
    public let closes: [Bool?]
    /// The invariant or lemma whose consecution failed.
    public let failing: String
    /// Reachable states mined, and whether they are all of them.
    public let states: Int
    public let complete: Bool

    /// Nil unless the result is "not inductive" with a CTI an engine made (it has raw frames).
    public init?(_ result: KInduction.Result, ir: SpecIR) throws(SpecError) {
        guard case .notInductive(let k, let invariant, let cti) = result.verdict, let first = cti.frames?.first,
              let index = ir.invariants.firstIndex(where: { $0.name == invariant }) else { return nil }
        failing = invariant
        var focus: Set<String> = []   // what the failing invariant reads: facts about it come first
        ir.invariants[index].condition.visit { expr in
            if case .variable(let id, _) = expr { focus.insert(ir.variables[id.index].name) }
            if case .inFlight(let kind, _, _, _) = expr { focus.insert(ir.messages[kind.index].name) }
        }
        let mined = ReachableFacts(ir)
        complete = try Self.showReachable(ir, to: mined)
        facts = mined.violated(by: first, focus: focus)
        closes = facts.map { fact in try? KInduction(ReachableFacts.adding(fact, to: ir)).consecutionHolds(of: index, k: k) }
        states = mined.states
    }

    /// Shows every reachable state of `ir` (no reduction, no property to stop at) to `visitor`,
    /// within the limits; whether it saw them all.
    static func showReachable(_ ir: SpecIR, to visitor: ReachableFacts) throws(SpecError) -> Bool {
        var plain = ir
        plain.invariants = []
        var options = SearchOptions(partialOrder: false)
        options.symmetry = false
        options.checkDeadlock = false
        options.maxStates = maxStates
        options.maxSeconds = maxSeconds
        options.visitor = visitor
        do {
            if case .holds = try BreadthFirstSearch(plain, options: options).run().verdict { return true }
            return false
        } catch let error as SpecError {
            throw error
        } catch {   // a modelling fault: the states before it were shown
            return false
        }
    }

    /// The candidates as `prove --explain` prints them.
    public var text: [String] {
        let scope = complete ? "all \(states) reachable states of this instance"
            : "the first \(states) reachable states found (the search stopped at its limit, so they may not hold)"
        guard !facts.isEmpty else {
            return ["", "No simple fact of \(scope) excludes the CTI's first state: the missing lemma relates several "
                    + "processes or counts (as in 'replies count the permissions received'), or try a larger --max-k."]
        }
        return ["", "Candidate lemmas — facts that hold in \(scope) and that the CTI's first state violates; "
                + "a lemma stating one (if it holds in general) excludes this CTI. Marked ✓: assumed alone, it also "
                + "discharges the failing consecution of '\(failing)' (the lemma itself must then be proved):"]
            + zip(facts, closes).map { fact, closes in "  \(closes == true ? "✓" : " ") \(fact)" }
    }

    /// The candidates as the JSON result's `candidateLemmas`.
    public var statistic: Statistic.Value {
        .group([Statistic("reachableStates", .int(states)), Statistic("complete", .bool(complete)),
                Statistic("facts", .list(zip(facts, closes).map { fact, closes in
                    .group([Statistic("statement", .text(fact.statement)), Statistic("fails", .text(fact.witness)),
                            Statistic("closesConsecution", closes.map { .bool($0) } ?? .absent)])
                }))])
    }
}
