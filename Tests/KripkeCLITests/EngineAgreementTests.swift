import Foundation
import Testing

/// The symbolic engines never claim more than the explorer on the same instance: over every spec
/// of the library and the fixtures (default parameters), `prove` exits 0 only where `check` does,
/// and `bmc --bounded` to a depth that reaches the explorer's counterexample, or every reachable
/// state, exits 0 only where `check` does. (Specs the explorer stops with a modelling error are
/// left out of the bmc comparison: the symbolic engines disable a faulting step, as documented.)
@Suite struct EngineAgreementTests {
    static let specs: [String] = {
        guard let output = try? CommandRunner.fixtures(["list", "--json"]),
              let entries = try? JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]] else { return [] }
        return entries.compactMap { $0["name"] as? String }
    }()

    @Test func everySpecIsListed() {
        #expect(Self.specs.count == 49)
    }

    @Test(arguments: specs)
    func symbolicEnginesClaimNoMoreThanTheExplorer(spec: String) throws {
        let check = try CommandRunner.fixtures(["check", spec, "--json", "--quiet", "--max-states", "100000"])
        let result = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let verdict = result["verdict"] as? String
        if verdict == "incomplete", (result["reason"] as? String)?.contains("state limit") == true { return }
        let prove = try CommandRunner.fixtures(["prove", spec, "--max-k", "1"])
        if check.status != 0 {
            #expect(prove.status != 0, "prove claims \(spec) proved; check says \(verdict ?? "?")")
        }
        guard verdict != "error" else { return }
        // A violation's trace length, or the reachable diameter: every reachable state is within it.
        let depth: Int
        if let states = (result["counterexample"] as? [String: Any])?["states"] as? [Any] {
            depth = states.count - 1
        } else {
            depth = (result["stats"] as? [String: Any])?["depth"] as? Int ?? 0
        }
        guard depth <= 8 else { return }   // deeper BMC runs are covered by SpecLibraryBMCTests
        let bmc = try CommandRunner.fixtures(["bmc", spec, "--depth", String(depth), "--bounded", "--quiet"])
        #expect(bmc.status == check.status, "bmc --depth \(depth): exit \(bmc.status), check: exit \(check.status)")
    }

    /// A send into a full channel is found by bmc (with the run to it) and keeps prove from a proof
    /// (its invariant alone is inductive; that no send overflows is not, and the explorer finds one).
    @Test func networkOverflowIsIncompleteInEveryEngine() throws {
        let bmc = try CommandRunner.fixtures(["bmc", "tiny-network", "--depth", "6", "--bounded", "--quiet"])
        #expect(bmc.status == 3)
        #expect(bmc.stdout.contains("Result: INCOMPLETE — network capacity reached: 'send' at p0 sends into a full network "
                                    + "after 1 step, a step not explored; 'at most two pings in flight', deadlock freedom hold in every explored run of at most 6 steps"))
        #expect(bmc.stdout.contains("⇒ 'send' at p0 cannot send in the last state: the network is full."))
        let output = try CommandRunner.fixtures(["bmc", "tiny-network", "--depth", "6", "--json", "--quiet"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(json["verdict"] as? String == "incomplete")
        #expect(json["reason"] as? String == "network capacity reached: 'send' at p0 sends into a full network after 1 step")
        let prove = try CommandRunner.fixtures(["prove", "tiny-network"])
        #expect(prove.status == 3)
        #expect(prove.stdout.contains("Result: NOT INDUCTIVE at k = 0 — obligation 'no send finds the network full' can fail "
                                      + "at step 1 from states that satisfy every invariant and lemma"))
    }

    /// A spec with no invariants has nothing to prove: an error, not a vacuous proof.
    @Test func proveWithoutInvariantsIsAnError() throws {
        let output = try CommandRunner.fixtures(["prove", "dead-action"])
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr == "error: no invariants to prove: 'dead-action' declares none (check and bmc still look for deadlocks)\n")
    }
}
