import Kripke
import Traces

/// The text form of an outcome, for people: the command and method, the verdict with what it
/// means, the engine's figures, and the trace that shows it with only the changed variables per
/// step.
///
/// ```swift
/// print(OutcomeText.render(outcome))
/// // kripke check ricart-agrawala-tie-bug (N=2) — explorer, breadth-first
/// // Result: VIOLATED — invariant 'mutual exclusion' fails after 8 steps
/// // …
/// ```
public enum OutcomeText {
    public static func render(_ outcome: Outcome) -> String {
        var lines = ["kripke \(outcome.command) \(outcome.title) — \(outcome.method)",
                     "Result: \(outcome.verdict.label) — \(outcome.summary)"]
        lines += outcome.details
        if let run = outcome.trace {
            let formatter = TextTraceFormatter(firstState: run.kind == .counterexampleToInduction ? .arbitrary : .initial,
                                               stepLocations: run.stepLocations)
            lines += ["", run.heading, formatter.format(run.trace)]
            if !run.conclusion.isEmpty { lines.append(run.conclusion) }
        }
        lines += outcome.notes
        return lines.joined(separator: "\n")
    }
}
