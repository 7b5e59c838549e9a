import ArgumentParser
import Foundation
import Kripke
import SMT
import Symbolic
import Verification
import Lemmas

/// `kripke prove <spec>`: k-induction with Z3 over the spec's invariants.
///
/// ```text
/// $ kripke prove ricart-agrawala --param N=2 --max-k 4 --explain
/// Result: NOT INDUCTIVE at k = 4 — 'mutual exclusion' (counterexample to induction below)
/// ```
struct ProveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prove",
        abstract: "Prove the invariants for every depth by k-induction, with Z3.",
        discussion: """
            Exit codes: 0 proved; 1 an invariant is violated (counterexample printed); 3 not inductive \
            up to --max-k (a counterexample to induction is printed: its first state may be unreachable), or a send \
            finds the network full within k steps, or --max-seconds ran out or SIGINT/SIGTERM stopped it; \
            2 usage, spec or solver error, or a spec with no invariants. Deadlock freedom is not part of the proof (use check or bmc).
            """)

    @OptionGroup var selection: SpecSelection

    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("max-k"), help: "The largest k tried for the inductive step.")
    var maxK = 8

    @Flag(name: .long, help: ArgumentHelp(
        "List the proof obligations (initiation, consecution per k), which were discharged and the lemmas each needed.",
        discussion: "Each discharged consecution lists a minimal set of lemmas its proof used (Z3 core minimisation, "
            + "a few times slower than a plain proof). For a counterexample to induction, also list candidate lemmas: facts true in every reachable state "
            + "of this instance (explored, up to \(CandidateLemmas.maxStates) states) that its first state violates."))
    var explain = false

    @Option(name: .customLong("max-seconds"), parsing: .unconditional,
            help: "Stop after this many seconds (incomplete, exit 3).")
    var maxSeconds: Double?

    func validate() throws {
        try selection.requireSpec()
        if maxK < 0 { throw ValidationError("--max-k must be at least 0") }
        try OptionLimits.validateSeconds(maxSeconds)
    }

    func run() throws {
        let report = ResultReport(output)
        let ir = try selection.instantiate(reporting: report)
        guard !ir.invariants.isEmpty else {   // "proved" would be vacuous
            throw report.error(CLIError("no invariants to prove: '\(ir.name)' declares none (check and bmc still "
                                        + "look for deadlocks)"), spec: selection.name)
        }
        do { try output.checkWritable() } catch { throw report.error(error, spec: selection.name) }
        let result: KInduction.Result
        do {
            var prover = KInduction(ir)
            prover.maxSeconds = maxSeconds
            prover.cancellation = StopSignals.cancellation()
            result = try prover.run(maxK: maxK, minimalCores: explain)
        } catch let error as SMTError {
            throw report.error(CLIError(error), spec: selection.name)
        } catch {
            throw report.error(error, spec: selection.name)
        }
        var outcome = Outcome(result, ir: ir, maxK: maxK, explain: explain)
        if explain, let hints = try CandidateLemmas(result, ir: ir) {
            outcome.notes += hints.text
            outcome.extensions.append(Statistic("candidateLemmas", hints.statistic))
        }
        throw report.finish(outcome)
    }
}
