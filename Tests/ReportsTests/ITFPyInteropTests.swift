import Foundation
import Kripke
import Testing
import Traces

/// Every golden counterexample loads in itf-py 0.5.0, the Apalache/Quint ITF loader for Python,
/// and itf-py sees the same states and messages as Kripke's own reader; equal bags of messages
/// are equal Python values whatever order their entries are in. `scripts/ensure-python-tools`
/// (run by scripts/test) installs itf-py; without it this test fails, it never skips.
@Suite struct ITFPyInteropTests {
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Counterexamples")

    /// Per file: its name, its number of states, the number of messages in flight in each state,
    /// and `bag-order-free` once a bag was reloaded in reverse order and compared equal (and hashed
    /// equal); any exception (itf-py refusing a record) fails the run.
    static let script = """
        import json, sys, itf_py
        for path in sys.argv[1:]:
            with open(path) as f:
                data = json.load(f)
            trace = itf_py.trace_from_json(data)
            semantics = trace.meta.get("network")
            counts, checked = [], False
            for raw, state in zip(data["states"], trace.states):
                assert sorted(state.values) == sorted(trace.vars), path
                network = state.values["network"]
                if semantics == "unordered":
                    assert all(isinstance(n, int) and n > 0 for n in network.values()), path
                    reordered = itf_py.value_from_json({"#map": list(reversed(raw["network"]["#map"]))})
                    assert reordered == network and hash(reordered) == hash(network), path
                    checked = checked or len(network) > 1
                    counts.append(sum(network.values()))
                else:
                    counts.append(sum(len(queue) for queue in network.values()))
            name = path.rsplit("/", 1)[-1]
            print(name, len(trace.states), " ".join(map(str, counts)), "bag-order-free" if checked else "")
        """

    /// The same summary line from Kripke's reader. A lasso's last state is its cycle's first
    /// again, which ITF lists once (its `loop` says where the last state continues); a run that
    /// ends and stutters (`loop` at its last state) lists every state.
    static func summary(_ name: String, _ trace: Trace) -> String {
        var bagReordered = false
        let cycles = trace.loop.map { $0 < trace.length } ?? false
        let listed = cycles ? Array(trace.states.dropLast()) : trace.states
        let counts = listed.map { state -> Int in
            switch state["network"] {
            case .sequence(let messages)?:
                bagReordered = bagReordered || Set(messages).count > 1
                return messages.count
            case .map(let channels)?:
                return channels.reduce(0) { total, channel in
                    guard case .sequence(let queue) = channel.value else { return total }
                    return total + queue.count
                }
            default: return 0
            }
        }
        return "\(name) \(listed.count) \(counts.map(String.init).joined(separator: " ")) \(bagReordered ? "bag-order-free" : "")"
    }

    @Test func itfPyLoadsEveryGoldenAsKripkeReadsIt() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.goldenFolder.path)
            .filter { $0.hasSuffix(".itf.json") }.sorted()
        #expect(names.count == 25)
        let output = try PythonTool.run(Self.script, arguments: names.map { Self.goldenFolder.appendingPathComponent($0).path })
        let expected = try names.map { name in
            Self.summary(name, try ITF.decode(JSONValue.parse(String(contentsOf: Self.goldenFolder.appendingPathComponent(name), encoding: .utf8))))
        }
        #expect(output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) == expected)
        #expect(expected.contains { $0.hasSuffix("bag-order-free") })
    }
}
