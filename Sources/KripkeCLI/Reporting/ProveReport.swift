import Foundation
import Kripke
import Symbolic
import Traces

/// The text and JSON forms of a `kripke prove` result (`"engine": "k-induction"`, verdicts
/// `proved`, `violated`, `not-inductive`), with the proof obligations for `--explain`: initiation
/// and consecution for each invariant and each lemma.
///
/// ```swift
/// print(ProveReport.text(result, ir: ir, explain: true))
/// ```
enum ProveReport {
    static func text(_ result: KInduction.Result, ir: SpecIR, explain: Bool, hints: CandidateLemmas? = nil) -> String {
        let invariants = ir.invariants.filter { !$0.isLemma }.map { "'\($0.name)'" }
        let lemmas = ir.invariants.count { $0.isLemma }
        var lines = ["kripke prove \(ir.name)\(ResultText.parameterText(ir.parameters)) — symbolic, k-induction (Z3)"]
        switch result.verdict {
        case .proved(let k):
            let helped = lemmas == 0 ? "" : ", with \(lemmas) helper lemma\(lemmas == 1 ? "" : "s"), proved too"
            lines.append("Result: PROVED — \(invariants.joined(separator: ", ")) \(invariants.count == 1 ? "holds" : "hold") "
                         + "in every reachable state (\(k)-inductive\(helped))")
        case .violated(let counterexample):
            lines.append("Result: VIOLATED — \(counterexample.description) fails after \(counterexample.trace.length) steps")
        case .notInductive(let k, let invariant, _):
            lines.append("Result: NOT INDUCTIVE at k = \(k) — \(kind(invariant, ir)) '\(invariant)' can fail at step \(k + 1) "
                         + "from states that satisfy every invariant and lemma (counterexample to induction below)")
        case .networkFull(let overflow):
            lines.append("Result: INCOMPLETE — \(ResultText.networkFullReason(overflow)); the model's runs stop there, "
                         + "so nothing is proved (raise the capacity)")
        case .stopped(let interrupted):
            let closed = result.stepCases.last.map { ", after the step case at k = \($0.k)" } ?? ""
            lines.append("Result: INCOMPLETE — \(interrupted ? "interrupted" : "time limit reached")\(closed); nothing is proved")
        }
        if case .explored(let states) = result.capacity {
            lines.append("Network capacity: never reached — not inductive, so the explorer enumerated all \(states) "
                         + "reachable states of this instance: no send finds the network full")
        }
        lines.append(String(format: "Time: %.2f s", result.seconds))
        if explain { lines += obligations(result, ir: ir) }
        switch result.verdict {
        case .proved, .stopped:
            break
        case .violated(let counterexample):
            lines += ResultText.counterexample(counterexample.trace, property: counterexample.description,
                                               origin: "replayed on the explorer")
        case .notInductive(_, let invariant, let cti):
            lines += ["", "Counterexample to induction (its first state satisfies the invariants but may be unreachable):",
                      TextTraceFormatter(firstState: .arbitrary).format(cti),
                      "⇒ \(kind(invariant, ir)) '\(invariant)' is violated in the last state (step \(cti.length)). Strengthen "
                      + "the invariants with a lemma that the first state violates, or try a larger --max-k"
                      + (explain ? "." : " (--explain suggests lemmas).")]
            lines += hints?.text ?? []
        case .networkFull(let overflow):
            lines += ResultText.networkFullRun(overflow)
        }
        return lines.joined(separator: "\n")
    }

    private static func capacityJSON(_ capacity: KInduction.Capacity) -> JSONValue {
        switch capacity {
        case .inductive: return .object([("proof", .string("inductive"))])
        case .explored(let states): return .object([("proof", .string("explored")), ("states", .int(states))])
        case .unproved: return .object([("proof", .string("unproved"))])
        }
    }

    private static func kind(_ name: String, _ ir: SpecIR) -> String {
        if name == KInduction.capacityObligation { return "obligation" }
        return ir.invariants.first { $0.name == name }?.isLemma == true ? "lemma" : "invariant"
    }

    private static func obligations(_ result: KInduction.Result, ir: SpecIR) -> [String] {
        let k = result.stepCases.last?.k ?? 0
        var failedInitiation: String?
        if case .violated(let counterexample) = result.verdict, case .invariant(let name) = counterexample.property {
            failedInitiation = name
        }
        let states = k == 0 ? "a state satisfying every invariant and lemma is"
            : "\(k + 1) distinct consecutive states satisfying every invariant and lemma are"
        var lines = ["", "Proof obligations (k = \(k)):",
                     "  initiation  = holds in every run of at most \(k) step\(k == 1 ? "" : "s") from the initial state "
                     + "(bounded model checking)",
                     "  consecution = \(states) followed only by states satisfying it"]
        for stepCase in result.stepCases.dropLast() {
            lines.append("  k = \(stepCase.k): some invariant or lemma is not \(stepCase.k)-inductive — tried k = \(stepCase.k + 1)")
        }
        for obligation in result.consecution {
            let initiation = failedInitiation == obligation.property ? "FAILS"
                : failedInitiation == nil ? "discharged" : "not checked past the violation"
            let uses = obligation.uses.isEmpty ? "" : ", using " + obligation.uses.map { "'\($0)'" }.joined(separator: ", ")
            lines += ["  \(kind(obligation.property, ir)) '\(obligation.property)'",
                      "    initiation:  \(initiation)",
                      "    consecution: " + (obligation.holds ? "discharged\(uses)"
                                                           : "FAILS (a counterexample to induction ends in a state violating it)")]
        }
        return lines
    }

    static func json(_ result: KInduction.Result, ir: SpecIR, maxK: Int, hints: CandidateLemmas? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("schema", .string(KripkeVersion.resultSchema)),
            ("tool", .object([("name", .string("kripke")), ("version", .string(KripkeVersion.current))])),
            ("spec", .string(ir.name)),
            ("parameters", .object(ir.parameters.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
            ("engine", .string("k-induction")),
            ("options", .object([("maxK", .int(maxK))])),
        ]
        switch result.verdict {
        case .proved(let k):
            members += [("verdict", .string("proved")), ("k", .int(k))]
        case .violated(let counterexample):
            members += [("verdict", .string("violated")),
                        ("counterexample", ITF.encode(counterexample.trace, description: "\(counterexample.description) violated"))]
        case .notInductive(let k, let invariant, let cti):
            members += [("verdict", .string("not-inductive")), ("k", .int(k)), ("invariant", .string(invariant)),
                        ("cti", ITF.encode(cti, description: "counterexample to induction of '\(invariant)'"))]
            if let hints { members.append(("candidateLemmas", hints.json)) }
        case .networkFull(let overflow):
            members += [("verdict", .string("incomplete")), ("reason", .string(ResultText.networkFullReason(overflow))),
                        ("overflow", ITF.encode(overflow.trace, description: "a send into a full network follows"))]
        case .stopped(let interrupted):
            members += [("verdict", .string("incomplete")), ("reason", .string(interrupted ? "interrupted" : "time limit reached"))]
        }
        members.append(("stats", .object([
            ("seconds", .number((result.seconds * 1000).rounded() / 1000)),
            ("capacity", capacityJSON(result.capacity)),
            ("stepCases", .array(result.stepCases.map { .object([("k", .int($0.k)), ("closed", .bool($0.closed))]) })),
            ("consecution", .array(result.consecution.map {
                .object([("property", .string($0.property)), ("lemma", .bool($0.isLemma)), ("holds", .bool($0.holds)),
                         ("uses", .array($0.uses.map { .string($0) }))])
            })),
        ])))
        return .object(members)
    }
}
