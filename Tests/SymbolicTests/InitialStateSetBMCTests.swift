import Explorer
import Kripke
import KripkeTestSupport
import Symbolic
import Testing

/// BMC's initial condition is the explorer's set of initial states: on random specs whose
/// variables start at a choice (filtered by an initial condition), every property's first
/// violation is found at the explorer's shortest length, from an initial state the explorer
/// accepts (the counterexample replays), and BMC finds nothing where the explorer proves the
/// property within the depth.
@Suite struct InitialStateSetBMCTests {
    static let depth = 4

    @Test func bmcAgreesWithTheExplorerOnRandomSpecsWithInitialChoices() throws {
        let tally = try ExplorerAgreement.compare(seeds: 1...80, depth: 4) { RandomSpecs.make(&$0, initialChoices: true) }
        #expect(tally.compared > 100, "\(tally.compared)")
        #expect(tally.violations > 40, "\(tally.violations)")
        #expect(tally.atStart > 5, "\(tally.atStart)")
    }
}
