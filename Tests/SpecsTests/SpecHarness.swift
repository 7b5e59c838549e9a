import Explorer
import Foundation
import Kripke
import Specs
import Testing
import Traces

/// Shared helpers of the spec tests: run a spec, read and write golden counterexamples.
enum SpecHarness {
    static func spec(_ name: String) -> SpecDefinition {
        guard let spec = SpecLibrary.all.first(where: { $0.name == name }) else {
            fatalError("no spec named \(name)")
        }
        return spec
    }

    static func check(_ name: String, _ parameters: [String: Int] = [:], deadlock: Bool = true,
                      symmetry: Bool = true, workers: Int = 1, partialOrder: Bool = false,
                      exact: Bool = false) throws -> CheckResult {
        let ir = try spec(name).instantiate(parameters)
        var options = SearchOptions()
        options.partialOrder = partialOrder
        options.exactStates = exact
        options.checkDeadlock = deadlock
        options.symmetry = symmetry
        options.workers = workers
        return try BreadthFirstSearch(ir, options: options).run()
    }

    /// The whole verdict of `kripke check` at the defaults: a safety violation, else a liveness
    /// lasso, with the property's name; nil when everything holds.
    static func counterexample(_ name: String) throws -> (property: String, trace: Trace)? {
        let result = try check(name)
        if let violation = violation(result) { return (violation.property, violation.trace) }
        guard holds(result) else { return nil }
        let liveness = try LivenessChecker(spec(name).instantiate()).run()
        return liveness.properties.first { $0.lasso != nil }.map { ("liveness '\($0.name)'", $0.lasso!) }
    }

    static func violation(_ result: CheckResult) -> Violation? {
        if case .violated(let violation) = result.verdict { return violation }
        return nil
    }

    static func holds(_ result: CheckResult) -> Bool {
        if case .holds = result.verdict { return true }
        return false
    }

    /// The folder of golden counterexamples, `Counterexamples/` at the package root.
    static var goldenFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Counterexamples")
    }

    /// The golden files' content for a violation: the text rendering and the ITF JSON.
    static func goldenContent(_ violation: Violation) -> (text: String, json: String) {
        goldenContent(property: violation.property, trace: violation.trace)
    }

    static func goldenContent(property: String, trace: Trace) -> (text: String, json: String) {
        let text = "\(property) violated after \(trace.length) steps\n\n" + TextTraceFormatter().format(trace) + "\n"
        let json = ITF.encode(trace, description: "\(property) violated").rendered() + "\n"
        return (text, json)
    }

    /// Whether golden files should be rewritten instead of compared (`KRIPKE_UPDATE_GOLDEN=1`).
    static var updatingGolden: Bool { ProcessInfo.processInfo.environment["KRIPKE_UPDATE_GOLDEN"] == "1" }
}
