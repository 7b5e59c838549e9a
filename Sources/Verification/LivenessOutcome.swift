import Explorer
import Symbolic
import Kripke

extension Outcome {
    /// `kripke check`: the breadth-first search for invariant violations and deadlocks, then, when
    /// those hold and the spec has liveness properties (and `liveness` is on), the fair-cycle search.
    /// Throws `SpecError` and `ModelFault` as `BreadthFirstSearch.run` does.
    ///
    /// ```swift
    /// let outcome = try Outcome.check(ir, options: SearchOptions())
    /// ```
    public static func check(_ ir: SpecIR, options: SearchOptions, liveness: Bool = true) throws -> Outcome {
        let result = try BreadthFirstSearch(ir, options: options).run()
        var outcome = Outcome(result, ir: ir, options: options)
        if liveness && !ir.liveness.isEmpty, case .holds = result.verdict {
            outcome.addLiveness(try LivenessChecker(ir, maxStates: options.maxStates, shouldStop: options.shouldStop).run(),
                                ir: ir)
        }
        return outcome
    }

    /// Adds the liveness verdicts of `check` to the outcome of its safety search: one property per
    /// process instance, `violated` with a lasso when a fair run breaks one (the first such run
    /// becomes the outcome's trace), `incomplete` when the graph could not be built.
    ///
    /// ```swift
    /// var outcome = Outcome(safety, ir: ir, options: options)
    /// outcome.addLiveness(try LivenessChecker(ir).run(), ir: ir)
    /// ```
    public mutating func addLiveness(_ result: LivenessResult, ir: SpecIR) {
        if let reason = result.incomplete {
            properties += ir.liveness.map {
                PropertyOutcome(name: $0.name, kind: .liveness, verdict: .unknown, location: $0.location)
            }
            verdict = .incomplete(reason: "liveness: \(reason)")
            summary = "liveness: \(reason)"
            return
        }
        for property in result.properties {
            let location = ir.liveness[property.declaration].location
            properties.append(PropertyOutcome(name: property.name, kind: .liveness,
                                              verdict: property.lasso == nil ? .holds : .violated, location: location,
                                              seconds: nil))
        }
        details.append(String(format: "Liveness: %d states, %d transitions searched for fair cycles, without reductions, in %.2f s "
                              + "(symmetry and partial-order reduction stay off for liveness: the reduced graph "
                              + "can miss fair cycles)", result.states, result.transitions, result.seconds))
        if ir.fairness.isEmpty {
            warnings.append("no fairness declared (s.fair): a run may stop taking any step forever, so most "
                            + "liveness properties fail")
        }
        guard let violated = result.properties.first(where: { $0.lasso != nil }), let lasso = violated.lasso,
              let loop = lasso.loop else {
            if verdict == .holds {
                let names = result.properties.map { "'\($0.name)'" }
                summary += "; liveness \(names.joined(separator: ", ")) \(names.count == 1 ? "holds" : "hold") on every fair run"
            }
            return
        }
        show(lasso, loop: loop, violating: violated.name, isShortest: false, ir: ir, fairness: violated.fairness)
    }

    /// `kripke bmc`: adds the liveness verdicts of the lasso-shaped search to `depth` steps — a
    /// lasso, or none of at most `depth` steps (bounded, not a proof: `check` proves them).
    ///
    /// ```swift
    /// outcome.addBoundedLiveness(try BoundedLivenessChecker(ir).run(depth: 12), ir: ir, depth: 12)
    /// ```
    public mutating func addBoundedLiveness(_ results: [BoundedLivenessChecker.Result], ir: SpecIR, depth: Int) {
        for result in results {
            properties.append(PropertyOutcome(name: result.name, kind: .liveness,
                                              verdict: result.lasso == nil ? .holdsToDepth(depth) : .violated,
                                              location: ir.liveness[result.declaration].location))
        }
        guard let violated = results.first(where: { $0.lasso != nil }), let lasso = violated.lasso, let loop = lasso.loop else {
            let names = results.map { "'\($0.name)'" }
            if !names.isEmpty { summary += "; no fair run of at most \(depth) steps violates liveness \(names.joined(separator: ", "))" }
            return
        }
        show(lasso, loop: loop, violating: violated.name, isShortest: true, ir: ir,
             fairness: ir.fairness.isEmpty ? [] : ["each fairness assumption of the spec holds on it (Z3 checked them)"])
    }

    /// Makes `lasso`, which violates liveness property `name`, the outcome's verdict and trace.
    mutating func show(_ lasso: Trace, loop: Int, violating name: String, isShortest: Bool, ir: SpecIR,
                               fairness units: [String]) {
        verdict = .violated
        let cycle = lasso.length - loop
        let heading: String, fairness: String
        if cycle == 0 {
            summary = "liveness '\(name)' fails: a fair run stops after \(loop) step\(loop == 1 ? "" : "s") "
                + "and never gets there"
            heading = "Lasso (\(loop) steps, then no step forever):"
            fairness = ir.fairness.isEmpty ? "no fairness is declared, so a run may stop anywhere"
                : "no fair step is enabled in the last state, so a fair run may stop there"
        } else {
            summary = "liveness '\(name)' fails: a fair run repeats a cycle of \(cycle) step\(cycle == 1 ? "" : "s") "
                + "forever without it"
            heading = "Lasso (\(loop) steps to the cycle, then \(cycle) repeated forever):"
            fairness = units.isEmpty ? "no fairness applies to the cycle"
                : "the cycle is fair — " + units.joined(separator: "; ")
        }
        trace = OutcomeTrace(kind: .lasso, trace: lasso, property: "liveness '\(name)'", isShortest: isShortest,
                             heading: heading,
                             conclusion: "⇒ liveness '\(name)' is violated: \(fairness).",
                             description: "liveness '\(name)' violated", stepLocations: ir.locations(of: lasso))
    }
}
