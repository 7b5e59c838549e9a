import Explorer
import Kripke
import Specs
import Testing

/// `TraceReplay` accepts the explorer's own counterexamples and points at the first step of a
/// trace that the spec does not allow.
@Suite struct TraceReplayTests {
    static func counterexample() throws -> (SpecIR, Trace) {
        let ir = try RicartAgrawala.tieBug.instantiate(["N": 2])
        guard case .violated(let violation) = try BreadthFirstSearch(ir, options: SearchOptions(partialOrder: false)).run().verdict else {
            throw SpecError(spec: ir.name, problems: [SpecProblem("no counterexample", element: "test")])
        }
        return (ir, violation.trace)
    }

    static func replacing(_ trace: Trace, state index: Int, _ name: String, with value: Value) -> Trace {
        var states = trace.states
        var values = states[index].values
        values[name] = value
        states[index] = TraceState(values: values)
        return Trace(spec: trace.spec, parameters: trace.parameters, variables: trace.variables, ghosts: trace.ghosts,
                     states: states, steps: trace.steps)
    }

    @Test func explorerCounterexampleReplays() throws {
        let (ir, trace) = try Self.counterexample()
        #expect(try TraceReplay(ir).replay(trace) == .replays)
    }

    /// An engine's trace keeps its raw frames, and replay compares those: a frame altered below
    /// the names is caught, though every named state still matches.
    @Test func engineTracesAreComparedOnRawFrames() throws {
        let (ir, trace) = try Self.counterexample()
        var frames = try #require(trace.frames)
        #expect(frames.count == trace.states.count)
        #expect(frames.map(TraceNamer(ir).state) == trace.states)
        var cells = frames[5].cells
        cells[0] += 1
        frames[5] = RawFrame(cells: cells, network: frames[5].network)
        let altered = Trace(spec: trace.spec, parameters: trace.parameters, variables: trace.variables, ghosts: trace.ghosts,
                            states: trace.states, steps: trace.steps, frames: frames)
        #expect(altered == trace)   // equal by name
        guard case .mismatch(let step, _) = try TraceReplay(ir).replay(altered) else {
            Issue.record("an altered frame replays")
            return
        }
        #expect(step == 5)
    }

    @Test func alteredStateIsTheFirstMismatch() throws {
        let (ir, trace) = try Self.counterexample()
        let altered = Self.replacing(trace, state: 3, "done", with: .map([
            Value.MapEntry(key: .name("p0"), value: .int(1)), Value.MapEntry(key: .name("p1"), value: .int(0)),
        ]))
        guard case .mismatch(let step, let reason) = try TraceReplay(ir).replay(altered) else {
            Issue.record("an altered state replays")
            return
        }
        #expect(step == 3)
        #expect(reason.contains("done is [p0: 0, p1: 0], the trace says [p0: 1, p1: 0]"))
    }

    @Test func stepThatIsNotEnabledIsReported() throws {
        let (ir, trace) = try Self.counterexample()
        var steps = trace.steps
        steps[0] = TraceStep(action: "enter", process: "p0", message: nil, choices: [])
        let altered = Trace(spec: trace.spec, parameters: trace.parameters, variables: trace.variables,
                            ghosts: trace.ghosts, states: trace.states, steps: steps)
        #expect(try TraceReplay(ir).replay(altered) == .mismatch(step: 1, reason: "'p0: enter' is not enabled"))
    }

    @Test func traceOfAnotherInstanceIsRejectedAtTheStart() throws {
        let (_, trace) = try Self.counterexample()
        let other = try RicartAgrawala.tieBug.instantiate(["N": 3])
        guard case .mismatch(let step, _) = try TraceReplay(other).replay(trace) else {
            Issue.record("a trace of N=2 replays on N=3")
            return
        }
        #expect(step == 0)
    }
}
