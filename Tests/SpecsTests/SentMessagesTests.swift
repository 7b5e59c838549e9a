import Explorer
import Kripke
import Specs
import Testing
import Traces

/// Each step of a counterexample carries the messages it sent, as the explorer executed it; on
/// the library's counterexamples they are what the network's contents before and after the step
/// imply, and the message-sequence chart draws them.
@Suite struct SentMessagesTests {
    @Test(arguments: SpecLibrary.all.filter { $0.expectation == .violated }.map(\.name))
    func sentMessagesAgreeWithTheNetwork(name: String) throws {
        let trace = try #require(try SpecHarness.counterexample(name)).trace
        let inferred = InferredSends.perStep(trace)
        for (index, step) in trace.steps.enumerated() {
            let sent = step.sent.map(String.init(describing:)).sorted()
            #expect(sent == inferred[index].map(String.init(describing:)).sorted(), "\(name) step \(index + 1): \(step)")
        }
    }
}
