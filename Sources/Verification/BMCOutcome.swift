import Foundation
import Kripke
import Symbolic

extension Outcome {
    /// The outcome of bounded model checking (`kripke bmc`) to `depth` steps, with the checker's
    /// `maxSeconds` (named when it ran out).
    ///
    /// ```swift
    /// let outcome = Outcome(try BoundedModelChecker(ir).run(depth: 10), ir: ir, depth: 10, deadlock: true)
    /// ```
    public init(_ result: BMCResult, ir: SpecIR, depth: Int, deadlock: Bool, maxSeconds: Double? = nil) {
        let statistics = result.statistics
        let names = ir.invariants.map { "'\($0.name)'" } + ir.assertions.map { "assertion '\($0.message)'" }
            + (deadlock ? [PropertyOutcome.deadlockFreedom] : [])
        let hold = "\(names.joined(separator: ", ")) \(names.count == 1 ? "holds" : "hold")"
        var properties = PropertyOutcome.all(of: ir, deadlock: deadlock, verdict: .unknown)
        let verdict: OutcomeVerdict
        let summary: String
        var trace: OutcomeTrace?
        let checked: Int
        switch result.verdict {
        case .violated(let counterexample):
            verdict = .violated
            checked = counterexample.trace.length - 1
            properties.markViolated(by: counterexample.property)
            summary = counterexample.summary
            trace = counterexample.outcomeTrace(ir: ir)
        case .holdsToDepth(let depth):
            verdict = .holdsToDepth(depth)
            checked = depth
            for index in properties.indices { properties[index].verdict = .holdsToDepth(depth) }
            summary = "\(hold) in every run of at most \(depth) steps (bounded, not a proof)"
        case .timedOut(let depthChecked):
            checked = depthChecked
            let stop = statistics.cancelled ? "interrupted"
                : "the time limit of \(maxSeconds.map { String(format: "%g", $0) } ?? "?") s ran out"
            verdict = .incomplete(reason: statistics.cancelled ? "interrupted" : "time limit reached")
            summary = "\(stop) at depth \(depthChecked + 1)"
                + (depthChecked < 0 ? "" : "; \(hold) in every run of at most \(depthChecked) steps")
        case .networkFull(let overflow, let depthChecked):
            checked = depthChecked
            verdict = .incomplete(reason: overflow.reason)
            summary = "\(overflow.reason), a step not explored; \(hold) in every explored run of at most \(depthChecked) steps"
            trace = overflow.outcomeTrace(ir: ir)
        }
        self.init(command: "bmc", engine: "bmc", method: "symbolic, bounded model checking (Z3)",
                  spec: ir.name, parameters: ir.parameters, specLocation: ir.declarationLocation,
                  verdict: verdict, summary: summary, properties: properties, trace: trace,
                  options: [Statistic("depth", .int(depth)), Statistic("deadlock", .bool(deadlock))]
                    + (maxSeconds.map { [Statistic("maxSeconds", .number($0))] } ?? []),
                  statistics: [
                    Statistic("depth", .int(statistics.depth)),
                    Statistic("checkedDepth", .int(checked)),
                    Statistic("actionInstances", .int(statistics.instances)),
                    Statistic("messageKeys", .int(statistics.messageKeys)),
                    Statistic("commutingPairs", .int(statistics.commutingPairs)),
                    Statistic("seconds", .number((statistics.seconds * 1000).rounded() / 1000)),
                    Statistic("secondsPerDepth", .list(statistics.secondsPerDepth.map { .number(($0 * 1000).rounded() / 1000) })),
                  ],
                  reductions: statistics.commutingPairs > 0 ? ["partial-order reduction (commuting steps in one order)"] : [],
                  details: [String(format: "Depth: %d  action instances: %d  message keys: %d  commuting pairs: %d  time: %.2f s",
                                   statistics.depth, statistics.instances, statistics.messageKeys, statistics.commutingPairs,
                                   statistics.seconds)])
        explainViolation(of: ir)
    }
}

extension NetworkOverflow {
    /// Why a symbolic run is incomplete when a send finds the network full (the explorer's wording).
    var reason: String {
        let steps = trace.length
        return "network capacity reached: '\(action)' at \(process) sends into a full network "
            + "after \(steps) step\(steps == 1 ? "" : "s")"
    }

    /// The run to the state whose send finds the network full.
    func outcomeTrace(ir: SpecIR) -> OutcomeTrace {
        OutcomeTrace(kind: .toFullNetwork, trace: trace,
                     heading: "Run to the full network (\(trace.length) step\(trace.length == 1 ? "" : "s"); replayed on the explorer):",
                     conclusion: "⇒ '\(action)' at \(process) cannot send in the last state: the network is full.",
                     description: "a send into a full network follows", stepLocations: ir.locations(of: trace))
    }
}

extension Counterexample {
    /// "invariant 'x' fails after 8 steps".
    var summary: String { "\(description) fails after \(trace.length) steps" }

    /// The counterexample as an outcome shows it: a shortest one, replayed on the explorer.
    func outcomeTrace(ir: SpecIR) -> OutcomeTrace {
        OutcomeTrace(kind: .counterexample, trace: trace, property: description, isShortest: true,
                     heading: "Counterexample (\(trace.length) steps, shortest; replayed on the explorer):",
                     conclusion: failedAssertion.map { ir.assertionConclusion($0, trace: trace) },
                     description: "\(description) violated", stepLocations: ir.locations(of: trace))
    }
}

extension Counterexample {
    /// The message of the assertion the trace's last step fails, for an assertion violation.
    var failedAssertion: String? {
        if case .assertion(let message) = property { message } else { nil }
    }
}

extension [PropertyOutcome] {
    /// Marks the property a symbolic counterexample breaks as violated.
    mutating func markViolated(by property: Counterexample.Property) {
        for index in indices where self[index].matches(property) { self[index].verdict = .violated }
    }
}

extension PropertyOutcome {
    /// Whether this is the property a symbolic counterexample breaks.
    func matches(_ property: Counterexample.Property) -> Bool {
        switch property {
        case .invariant(let name): (kind == .invariant || kind == .lemma) && self.name == name
        case .assertion(let message): kind == .assertion && self.name == message
        case .deadlock: kind == .deadlock
        }
    }
}
