import Foundation
import Kripke
import Symbolic

extension Outcome {
    /// The outcome of a k-induction proof attempt (`kripke prove`) up to `maxK`; with `explain`,
    /// the text lists the proof obligations.
    ///
    /// ```swift
    /// let outcome = Outcome(try KInduction(ir).run(maxK: 6), ir: ir, maxK: 6, explain: false)
    /// ```
    public init(_ result: KInduction.Result, ir: SpecIR, maxK: Int, explain: Bool) {
        let invariants = ir.invariants.filter { !$0.isLemma }.map { "'\($0.name)'" }
        let lemmas = ir.invariants.count { $0.isLemma }
        var properties = PropertyOutcome.all(of: ir, deadlock: false, verdict: .unknown)
        let verdict: OutcomeVerdict
        let summary: String
        var trace: OutcomeTrace?
        var extensions: [Statistic] = []
        switch result.verdict {
        case .proved(let k):
            verdict = .proved(k: k)
            for index in properties.indices { properties[index].verdict = .proved }
            let helped = lemmas == 0 ? "" : ", with \(lemmas) helper lemma\(lemmas == 1 ? "" : "s"), proved too"
            summary = "\(invariants.joined(separator: ", ")) \(invariants.count == 1 ? "holds" : "hold") "
                + "in every reachable state (\(k)-inductive\(helped))"
        case .violated(let counterexample):
            verdict = .violated
            properties.markViolated(by: counterexample.property)
            summary = counterexample.summary
            trace = counterexample.outcomeTrace(ir: ir)
        case .notInductive(let k, let invariant, let cti):
            verdict = .notInductive(k: k)
            let failing = Set(result.consecution.filter { !$0.holds }.map(\.property))
            for index in properties.indices where failing.contains(properties[index].name) {
                properties[index].verdict = .notInductive
            }
            let kind = Self.kind(invariant, ir)
            summary = "\(kind) '\(invariant)' can fail at step \(k + 1) from states that satisfy every invariant and lemma "
                + "(counterexample to induction below)"
            extensions.append(Statistic("invariant", .text(invariant)))
            trace = OutcomeTrace(kind: .counterexampleToInduction, trace: cti, property: "\(kind) '\(invariant)'",
                                 heading: "Counterexample to induction (its first state satisfies the invariants but may be unreachable):",
                                 conclusion: "⇒ \(kind) '\(invariant)' is violated in the last state (step \(cti.length)). Strengthen "
                                    + "the invariants with a lemma that the first state violates, or try a larger --max-k"
                                    + (explain ? "." : " (--explain suggests lemmas)."),
                                 description: "counterexample to induction of '\(invariant)'",
                                 stepLocations: ir.locations(of: cti))
        case .networkFull(let overflow):
            verdict = .incomplete(reason: overflow.reason)
            summary = "\(overflow.reason); the model's runs stop there, so nothing is proved (raise the capacity)"
            trace = overflow.outcomeTrace(ir: ir)
        case .stopped(let interrupted):
            verdict = .incomplete(reason: interrupted ? "interrupted" : "time limit reached")
            let closed = result.stepCases.last.map { ", after the step case at k = \($0.k)" } ?? ""
            summary = "\(interrupted ? "interrupted" : "time limit reached")\(closed); nothing is proved"
        }
        var details: [String] = []
        if case .explored(let states) = result.capacity {
            details.append("Network capacity: never reached — not inductive, so the explorer enumerated all \(states) "
                           + "reachable states of this instance: no send finds the network full")
        }
        details.append(String(format: "Time: %.2f s", result.seconds))
        if explain { details += Self.obligations(result, ir: ir) }
        self.init(command: "prove", engine: "k-induction", method: "symbolic, k-induction (Z3)",
                  spec: ir.name, parameters: ir.parameters, specLocation: ir.declarationLocation,
                  verdict: verdict, summary: summary, properties: properties, trace: trace,
                  options: [Statistic("maxK", .int(maxK))], statistics: Self.statistics(result),
                  details: details, extensions: extensions)
        explainViolation(of: ir)
    }

    private static func statistics(_ result: KInduction.Result) -> [Statistic] {
        let capacity: Statistic.Value
        switch result.capacity {
        case .inductive: capacity = .group([Statistic("proof", .text("inductive"))])
        case .explored(let states): capacity = .group([Statistic("proof", .text("explored")), Statistic("states", .int(states))])
        case .unproved: capacity = .group([Statistic("proof", .text("unproved"))])
        }
        return [
            Statistic("seconds", .number((result.seconds * 1000).rounded() / 1000)),
            Statistic("capacity", capacity),
            Statistic("stepCases", .list(result.stepCases.map { .group([Statistic("k", .int($0.k)), Statistic("closed", .bool($0.closed))]) })),
            Statistic("consecution", .list(result.consecution.map {
                .group([Statistic("property", .text($0.property)), Statistic("lemma", .bool($0.isLemma)),
                        Statistic("holds", .bool($0.holds)), Statistic("uses", .texts($0.uses))])
            })),
        ]
    }

    private static func kind(_ name: String, _ ir: SpecIR) -> String {
        if name == KInduction.capacityObligation { return "obligation" }
        return ir.invariants.first { $0.name == name }?.isLemma == true ? "lemma" : "invariant"
    }

    /// Initiation and consecution for each invariant and lemma, for `--explain`.
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
}
