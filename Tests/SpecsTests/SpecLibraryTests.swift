import Explorer
import Foundation
import Kripke
import Specs
import Testing
import Traces

/// Every spec of the library, at its default parameters, gives the verdict its author expects
/// (invariants, deadlock, then liveness), and every violated spec's counterexample — a lasso for
/// a liveness property — equals the golden one in Counterexamples/.
@Suite struct SpecLibraryTests {
    @Test func namesAreUniqueAndEveryFamilyHasBothVerdicts() {
        let names = SpecLibrary.all.map(\.name)
        #expect(Set(names).count == names.count)
        let families = [SpecLibrary.mutualExclusion, SpecLibrary.election, SpecLibrary.consensus, SpecLibrary.snapshots,
                        SpecLibrary.quorums, SpecLibrary.commit, SpecLibrary.ordering].filter { !$0.isEmpty }
        for family in families {
            #expect(family.contains { $0.expectation == .holds })
            #expect(family.contains { $0.expectation == .violated })
        }
    }

    @Test(arguments: SpecLibrary.all.map(\.name))
    func verdictAtDefaultsMatchesExpectation(name: String) throws {
        let spec = SpecHarness.spec(name)
        let counterexample = try SpecHarness.counterexample(name)
        switch (spec.expectation, counterexample) {
        case (.holds, nil), (.violated, .some):
            break
        default:
            Issue.record("\(name): expected \(spec.expectation), got \(counterexample?.property ?? "holds")")
        }
    }

    /// Symmetry reduction never changes a verdict or the length of the shortest counterexample,
    /// and never stores more states.
    @Test(arguments: SpecLibrary.all.map(\.name))
    func symmetryReductionAgreesWithFullSearch(name: String) throws {
        let reduced = try SpecHarness.check(name)
        let full = try SpecHarness.check(name, symmetry: false)
        #expect(reduced.statistics.states <= full.statistics.states)
        switch (reduced.verdict, full.verdict) {
        case (.holds, .holds):
            #expect(reduced.statistics.depth == full.statistics.depth)
        case (.violated(let a), .violated(let b)):
            #expect(a.kind == b.kind)
            #expect(a.trace.length == b.trace.length)
        default:
            Issue.record("\(name): symmetry gives \(reduced.verdict), full search \(full.verdict)")
        }
    }

    /// Parallel expansion merges in frontier order: the same states, transitions, depth and
    /// counterexample for any number of workers.
    @Test(arguments: SpecLibrary.all.map(\.name))
    func parallelSearchIsDeterministic(name: String) throws {
        let one = try SpecHarness.check(name, workers: 1)
        let three = try SpecHarness.check(name, workers: 3)
        #expect(one.statistics.states == three.statistics.states)
        #expect(one.statistics.transitions == three.statistics.transitions)
        #expect(one.statistics.depth == three.statistics.depth)
        #expect(SpecHarness.violation(one)?.trace == SpecHarness.violation(three)?.trace)
    }

    /// Exact state storage (`--exact`) finds the same states and counterexample as 64-bit
    /// fingerprints on every library spec, with one worker and with three: no fingerprint
    /// collided, and the exact table's parallel insert is as deterministic.
    @Test(arguments: SpecLibrary.all.map(\.name))
    func exactStorageAgreesWithFingerprints(name: String) throws {
        let fingerprints = try SpecHarness.check(name, workers: 1)
        for workers in [1, 3] {
            let exact = try SpecHarness.check(name, workers: workers, exact: true)
            #expect(exact.statistics.states == fingerprints.statistics.states)
            #expect(exact.statistics.transitions == fingerprints.statistics.transitions)
            #expect(SpecHarness.violation(exact)?.trace == SpecHarness.violation(fingerprints)?.trace)
        }
    }

    @Test(arguments: SpecLibrary.all.filter { $0.expectation == .violated }.map(\.name))
    func goldenCounterexample(name: String) throws {
        let violation = try #require(try SpecHarness.counterexample(name))
        let (text, json) = SpecHarness.goldenContent(property: violation.property, trace: violation.trace)
        let textURL = SpecHarness.goldenFolder.appendingPathComponent("\(name).txt")
        let jsonURL = SpecHarness.goldenFolder.appendingPathComponent("\(name).itf.json")
        if SpecHarness.updatingGolden {
            try FileManager.default.createDirectory(at: SpecHarness.goldenFolder, withIntermediateDirectories: true)
            try text.write(to: textURL, atomically: true, encoding: .utf8)
            try json.write(to: jsonURL, atomically: true, encoding: .utf8)
        }
        let goldenText = try String(contentsOf: textURL, encoding: .utf8)
        let goldenJSON = try String(contentsOf: jsonURL, encoding: .utf8)
        #expect(text == goldenText, "counterexample of \(name) differs from Counterexamples/\(name).txt (rerun with KRIPKE_UPDATE_GOLDEN=1 after checking why)")
        #expect(json == goldenJSON, "ITF counterexample of \(name) differs from Counterexamples/\(name).itf.json")
        let golden = try ITF.decode(JSONValue.parse(goldenJSON))
        #expect(golden == violation.trace)
        #expect(try TraceReplay(SpecHarness.spec(name).instantiate()).replay(golden) == .replays)
    }
}
