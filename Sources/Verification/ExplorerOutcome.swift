import Foundation
import Explorer
import Kripke

extension Outcome {
    /// The outcome of an explorer search (`kripke check`).
    ///
    /// ```swift
    /// let outcome = Outcome(try BreadthFirstSearch(ir).run(), ir: ir, options: SearchOptions())
    /// ```
    public init(_ result: CheckResult, ir: SpecIR, options: SearchOptions) {
        let statistics = result.statistics
        let symmetric = ir.roles.filter { $0.symmetric && $0.count > 1 }.map(\.name)
        var reductions: [String] = []
        if options.reducesPartialOrder(on: ir) { reductions.append("partial-order reduction") }
        if options.symmetry && !symmetric.isEmpty { reductions.append("symmetry (\(symmetric.joined(separator: ", ")))") }
        let verdict: OutcomeVerdict
        let summary: String
        var properties = PropertyOutcome.all(of: ir, deadlock: options.checkDeadlock, verdict: .unknown)
        var trace: OutcomeTrace?
        switch result.verdict {
        case .holds:
            verdict = .holds
            for index in properties.indices { properties[index].verdict = .holds }
            var names = ir.invariants.filter { !$0.isLemma }.map { "'\($0.name)'" }
            let lemmas = ir.invariants.count { $0.isLemma }
            if lemmas > 0 { names.append("\(lemmas) helper lemma\(lemmas == 1 ? "" : "s")") }
            names += ir.assertions.map { "assertion '\($0.message)'" }
            if options.checkDeadlock { names.append(PropertyOutcome.deadlockFreedom) }
            summary = "\(names.joined(separator: ", ")) \(names.count == 1 ? "holds" : "hold") in "
                + (options.reducesPartialOrder(on: ir) ? "every reachable state (\(statistics.states) states explored)"
                                                       : "all \(statistics.states) reachable states")
                + (ir.stateConstraints.isEmpty ? "" : " within the state constraints")
        case .violated(let violation):
            verdict = .violated
            properties = properties.map { property in
                var property = property
                if property.matches(violation.kind) { property.verdict = .violated }
                return property
            }
            summary = "\(violation.property) fails after \(violation.trace.length) steps"
            let length = result.counterexampleIsShortest ? "shortest"
                : "found with partial-order reduction, may not be shortest: --shortest finds one"
            trace = OutcomeTrace(kind: .counterexample, trace: violation.trace, property: violation.property,
                                 isShortest: result.counterexampleIsShortest,
                                 heading: "Counterexample (\(violation.trace.length) steps, \(length)):",
                                 conclusion: violation.failedAssertion.map { ir.assertionConclusion($0, trace: violation.trace) },
                                 description: "\(violation.property) violated", stepLocations: ir.locations(of: violation.trace))
        case .incomplete(let reason):
            verdict = .incomplete(reason: reason)
            summary = reason
        }
        self.init(command: "check", engine: "explorer",
                  method: "explorer, breadth-first" + reductions.map { ", " + $0 }.joined(),
                  spec: ir.name, parameters: ir.parameters, specLocation: ir.declarationLocation,
                  verdict: verdict, summary: summary, properties: properties, trace: trace,
                  options: Self.options(options, ir: ir), statistics: Self.statistics(statistics, exact: options.exactStates),
                  reductions: reductions, details: Self.details(result, ir: ir, options: options),
                  warnings: Self.warnings(result))
        explainViolation(of: ir)
    }

    /// The fewest states for which the text result shows states/s and bytes/state.
    static let statesWorthRates = 1_000

    private static func options(_ options: SearchOptions, ir: SpecIR) -> [Statistic] {
        [
            Statistic("search", .text("bfs")),
            Statistic("deadlock", .bool(options.checkDeadlock)),
            Statistic("workers", .int(options.workers)),
            Statistic("partialOrder", .bool(options.reducesPartialOrder(on: ir))),
            Statistic("exactStates", .bool(options.exactStates)),
            Statistic("symmetry", .bool(options.symmetry && ir.roles.contains { $0.symmetric && $0.count > 1 })),
            Statistic("maxStates", options.maxStates.map { .int($0) } ?? .absent),
            Statistic("maxSeconds", options.maxSeconds.map { .number($0) } ?? .absent),
            Statistic("maxMemoryBytes", options.maxMemoryBytes.map { .int($0) } ?? .absent),
        ]
    }

    private static func statistics(_ statistics: SearchStatistics, exact: Bool) -> [Statistic] {
        [
            Statistic("states", .int(statistics.states)),
            Statistic("initialStates", .int(statistics.initialStates)),
            Statistic("constrainedStates", .int(statistics.constrainedStates)),
            Statistic("transitions", .int(statistics.transitions)),
            Statistic("depth", .int(statistics.depth)),
            Statistic("seconds", .number((statistics.seconds * 1000).rounded() / 1000)),
            Statistic("statesPerSecond", .number(statistics.statesPerSecond.rounded())),
            Statistic("bytesPerState", .number((statistics.bytesPerState * 10).rounded() / 10)),
            Statistic("fingerprintCollisionProbability", .number(exact ? 0 : statistics.fingerprintCollisionProbability)),
            Statistic("peakMemoryBytes", .int(statistics.peakMemoryBytes)),
            Statistic("networkOverflows", .int(statistics.overflows)),
            Statistic("partialOrder", statistics.partialOrder.map { por in
                .group([Statistic("reducedStates", .int(por.reducedStates)),
                        Statistic("prunedTransitions", .int(por.prunedTransitions)),
                        Statistic("provisoExpansions", .int(por.provisoExpansions)),
                        Statistic("stoppedAtDepth", por.stoppedAtDepth.map { .int($0) } ?? .absent)])
            } ?? .absent),
            Statistic("coverage", .list(statistics.coverage.map { action in
                .group([Statistic("action", .text(action.name)), Statistic("transitions", .int(action.transitions)),
                        Statistic("newStates", .int(action.newStates))])
            })),
        ]
    }

    /// The text lines after the verdict: the figures, the storage, the reduction, dead actions.
    private static func details(_ result: CheckResult, ir: SpecIR, options: SearchOptions) -> [String] {
        let statistics = result.statistics
        // Rates and bytes per state mean little for a few states (fixed costs dominate): the JSON keeps them.
        let rates = statistics.states < Self.statesWorthRates ? ""
            : String(format: "  (%.0f states/s, %.1f bytes/state)", statistics.statesPerSecond, statistics.bytesPerState)
        var notes: [String] = []
        if statistics.initialStates > 1 { notes.append("\(statistics.initialStates) initial") }
        if !ir.stateConstraints.isEmpty { notes.append("\(statistics.constrainedStates) outside the state constraints, not expanded") }
        let initial = notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))"
        var lines = ["States: \(statistics.states)\(initial)" + String(format: "  transitions: %d  depth: %d  time: %.2f s",
                            statistics.transitions, statistics.depth, statistics.seconds) + rates]
        if options.exactStates {
            lines.append("Exact state storage: states compared in full, no fingerprint collision can drop one "
                         + "(partial-order reduction off)")
        } else {
            lines.append(String(format: "Fingerprint collision probability: at most %.1e (64-bit fingerprints; --exact to rule it out)",
                                statistics.fingerprintCollisionProbability))
        }
        if options.reducesPartialOrder && !options.reducesPartialOrder(on: ir) {
            lines.append("Partial-order reduction: off — the spec has state constraints, which a reordered run could cross")
        }
        if let por = statistics.partialOrder {
            lines.append("Partial-order reduction: \(por.reducedStates) of \(statistics.states) states expanded with a "
                         + "reduced set, \(por.prunedTransitions) transitions left out, \(por.provisoExpansions) full "
                         + "expansions forced by the cycle proviso"
                         + (por.stoppedAtDepth.map { "; stopped at depth \($0), where it had left out under "
                             + "\(Int(SearchOptions.adaptiveMinimumPruning * 100)) % of the transitions (--always-por keeps it)" } ?? ""))
        }
        return lines
    }

    /// After an exhaustive search: the actions no reachable state enables.
    private static func warnings(_ result: CheckResult) -> [String] {
        guard case .holds = result.verdict else { return [] }
        let dead = result.statistics.coverage.filter { $0.transitions == 0 && $0.name != "network: lose message" }.map(\.name)
        return dead.isEmpty ? [] : ["never taken in any reachable state: \(dead.joined(separator: ", ")) (dead code, or a guard that can never hold?)"]
    }
}

extension Violation {
    /// The message of the assertion the trace's last step fails, for an assertion violation.
    var failedAssertion: String? {
        if case .assertion(let message) = kind { message } else { nil }
    }
}

extension PropertyOutcome {
    /// Whether this is the property a violation of `kind` breaks.
    func matches(_ kind: Violation.Kind) -> Bool {
        switch kind {
        case .invariant(let name): (self.kind == .invariant || self.kind == .lemma) && self.name == name
        case .assertion(let message): self.kind == .assertion && self.name == message
        case .deadlock: self.kind == .deadlock
        }
    }
}
