import Explorer
import Kripke
import Symbolic
import Verification

/// For `kripke prove --explain`: when the step case fails, the facts that hold in every
/// reachable state of this instance (found by the explorer) but not in the first state of the
/// counterexample to induction. Each is a lemma that would exclude that CTI, provided it holds
/// in general; the user states it with `s.lemma` and proves again.
///
/// ```swift
/// if let hints = try CandidateLemmas(result, ir: ir) {
///     for fact in hints.facts { print(fact) }   // ∀ i: phase[i] = critical ⇒ replies[i] = 2 (fails for i = p0)
/// }
/// ```
struct CandidateLemmas {
    static let maxStates = 100_000
    static let maxSeconds = 20.0

    let facts: [ReachableFacts.Fact]
    /// Per fact: assumed as one more lemma, it discharges the failing consecution (the fact itself
    /// still has to be proved); `nil` when Z3 could not tell.
    let closes: [Bool?]
    /// The invariant or lemma whose consecution failed.
    let failing: String
    /// Reachable states mined, and whether they are all of them.
    let states: Int
    let complete: Bool

    /// Nil unless the result is "not inductive".
    init?(_ result: KInduction.Result, ir: SpecIR) throws(SpecError) {
        guard case .notInductive(let k, let invariant, let cti) = result.verdict, let first = cti.states.first,
              let index = ir.invariants.firstIndex(where: { $0.name == invariant }) else { return nil }
        failing = invariant
        var focus: Set<String> = []   // what the failing invariant reads: facts about it come first
        ir.invariants.first { $0.name == invariant }?.condition.visit { expr in
            if case .variable(let id, _) = expr { focus.insert(ir.variables[id.index].name) }
            if case .inFlight(let kind, _, _, _) = expr { focus.insert(ir.messages[kind.index].name) }
        }
        let reachable = try ReachableStates(ir).collect(maxStates: Self.maxStates, maxSeconds: Self.maxSeconds)
        facts = ReachableFacts(ir, states: reachable.states).violated(by: first, focus: focus)
        closes = facts.map { fact in try? KInduction(ReachableFacts.adding(fact, to: ir)).consecutionHolds(of: index, k: k) }
        states = reachable.states.count
        complete = reachable.complete
    }

    var text: [String] {
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
    var statistic: Statistic.Value {
        .group([Statistic("reachableStates", .int(states)), Statistic("complete", .bool(complete)),
                Statistic("facts", .list(zip(facts, closes).map { fact, closes in
                    .group([Statistic("statement", .text(fact.statement)), Statistic("fails", .text(fact.witness)),
                            Statistic("closesConsecution", closes.map { .bool($0) } ?? .absent)])
                }))])
    }
}
