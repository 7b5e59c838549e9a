import ArgumentParser
import Foundation
import SMT
import Symbolic

/// `kripke quorum`: proves with Z3 that write and read quorums overlap when W + R > N, or prints
/// two disjoint quorums.
///
/// ```text
/// $ kripke quorum --n 4 --w 3 --r 2
/// Result: PROVED — every write quorum (3 of 4) meets every read quorum (2 of 4): a write quorum and a
/// read quorum together hold W + R = 5 > N = 4 members, so by pigeonhole at least W + R − N = 1 replica is in both
/// $ kripke quorum --every-n 32
/// $ kripke quorum --symbolic
/// ```
struct QuorumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quorum",
        abstract: "Prove that write and read quorums overlap when W + R > N, with Z3.",
        discussion: """
            Give exactly one of: --n, --w and --r (one system); --every-n MAX (every N from 1 to MAX, \
            every W and R with W + R > N); --symbolic (every N, by arithmetic over the quorum sizes). \
            Exit codes: 0 proved; 1 two disjoint quorums exist (printed); 2 bad input or solver error; \
            3 --max-seconds ran out.
            """)

    @Option(parsing: .unconditional, help: "The number of replicas N (at most \(OptionLimits.maxQuorumN)).") var n: Int?
    @Option(parsing: .unconditional, help: "The size W of a write quorum.") var w: Int?
    @Option(parsing: .unconditional, help: "The size R of a read quorum.") var r: Int?
    @Option(name: .customLong("every-n"), parsing: .unconditional,
            help: "Prove for every N from 1 to this bound (at most \(OptionLimits.maxEveryN)).") var everyN: Int?
    @Option(name: .customLong("max-seconds"), parsing: .unconditional,
            help: "Stop after this many seconds (incomplete, exit 3).") var maxSeconds: Double?
    @Flag(help: "Prove for every N at once, as a fact about the sizes of the quorums.") var symbolic = false

    func validate() throws {
        let concrete = [n, w, r].compactMap { $0 }.count
        guard [concrete > 0, everyN != nil, symbolic].filter({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of: --n/--w/--r, --every-n, --symbolic")
        }
        if concrete > 0, concrete < 3 { throw ValidationError("--n, --w and --r go together") }
        if let everyN, !(1...OptionLimits.maxEveryN).contains(everyN) {
            throw ValidationError("--every-n must be between 1 and \(OptionLimits.maxEveryN)")
        }
        if let n, n > OptionLimits.maxQuorumN { throw ValidationError("--n must be at most \(OptionLimits.maxQuorumN)") }
        try OptionLimits.validateSeconds(maxSeconds)
    }

    func run() throws {
        let start = Date()
        var prover = QuorumOverlap()
        prover.deadline = maxSeconds.map { start.addingTimeInterval($0) }
        let proved: Bool
        do {
            if let n, let w, let r {
                proved = try one(prover, try QuorumSizes(n: n, w: w, r: r).validated())
            } else if let everyN {
                proved = try every(prover, upTo: everyN)
            } else {
                proved = try prover.proveSymbolically()
                print(proved
                      ? "Result: PROVED for every N — if W + R > N then |W ∩ R| ≥ W + R − N ≥ 1: the two quorums are "
                        + "sets of replicas, so |W ∪ R| ≤ N, and |W ∪ R| = W + R − |W ∩ R| (inclusion–exclusion)"
                      : "Result: NOT PROVED — Z3 found sizes that satisfy the axioms without overlapping")
            }
        } catch let error as QuorumInputError {
            throw CLIError(error.description)
        } catch let error as SMTError {
            throw CLIError(error)
        } catch let error as SymbolicError {
            guard let deadline = prover.deadline, deadline.timeIntervalSinceNow <= 0 else { throw CLIError(error.description) }
            print(String(format: "Result: INCOMPLETE — the time limit of %g s ran out\nTime: %.2f s", maxSeconds ?? 0,
                         Date().timeIntervalSince(start)))
            throw ExitCode(ExitStatus.incomplete.rawValue)
        }
        print(String(format: "Time: %.2f s", Date().timeIntervalSince(start)))
        if !proved { throw ExitCode(ExitStatus.violated.rawValue) }
    }

    private func one(_ prover: QuorumOverlap, _ sizes: QuorumSizes) throws -> Bool {
        switch try prover.check(sizes) {
        case .proved:
            print("Result: PROVED — every write quorum (\(sizes.w) of \(sizes.n)) meets every read quorum "
                  + "(\(sizes.r) of \(sizes.n)): \(sizes.overlapExplanation)")
            return true
        case .disjoint(let write, let read):
            print(disjointText(write: write, read: read, n: sizes.n))
            return false
        }
    }

    private func every(_ prover: QuorumOverlap, upTo maxN: Int) throws -> Bool {
        for (n, verdict) in try prover.checkEveryN(upTo: maxN) {
            if case .disjoint(let write, let read) = verdict {
                print(disjointText(write: write, read: read, n: n))
                return false
            }
        }
        print("Result: PROVED for N = 1 … \(maxN) — for every W and R with W + R > N, every write quorum meets "
              + "every read quorum (one query per N, W and R symbolic): together they hold W + R > N members, "
              + "so by pigeonhole at least W + R − N ≥ 1 replica is in both")
        return true
    }

    private func disjointText(write: [Int], read: [Int], n: Int) -> String {
        let set = { (members: [Int]) in "{" + members.map(String.init).joined(separator: ", ") + "}" }
        return """
            Result: COUNTEREXAMPLE — W + R = \(write.count + read.count) ≤ N = \(n): the write quorum \(set(write)) \
            and the read quorum \(set(read)) share no replica, so a read can miss the latest write
            """
    }
}
