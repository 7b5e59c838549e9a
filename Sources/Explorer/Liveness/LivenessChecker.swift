import Foundation
import Kripke

/// Checks a spec's liveness properties (`SpecIR.liveness`) under its fairness assumptions
/// (`SpecIR.fairness`), explicitly and completely for a finite state graph: it builds the whole
/// graph without reductions, and for each property (each process's instance of it) looks for a
/// fair cycle among the states where the conclusion is false, reachable after a state where the
/// premise holds (`FairComponents`, `LassoSearch`). A violation comes with a lasso: a run to the
/// cycle, the cycle marked (`Trace.loop`), and the fairness it satisfies.
///
/// ```swift
/// let result = try LivenessChecker(ir).run()
/// for property in result.properties { print(property.name, property.lasso == nil ? "holds" : "violated") }
/// ```
public struct LivenessChecker {
    public let ir: SpecIR

    /// The property instances the checker (and random simulation) decides, in order: each declared
    /// property, or each process's instance of a per-process one ("starvation freedom (p0)").
    public static func instances(of ir: SpecIR) -> [(name: String, declaration: Int)] {
        LivenessInstance.all(of: ir).map { ($0.name, $0.declaration) }
    }
    public var maxStates: Int?
    public var shouldStop: (@Sendable () -> Bool)?

    public init(_ ir: SpecIR, maxStates: Int? = nil, shouldStop: (@Sendable () -> Bool)? = nil) {
        self.ir = ir
        self.maxStates = maxStates
        self.shouldStop = shouldStop
    }

    public func run() throws -> LivenessResult {
        let started = Date()
        let system = try TransitionSystem(ir)
        let instances = LivenessInstance.all(of: ir)
        let graph: StateGraph
        do {
            graph = try StateGraph(system: system, properties: instances, maxStates: maxStates, shouldStop: shouldStop)
        } catch {
            let reason = switch error {
            case .stateLimit: "state limit reached (\(maxStates ?? 0) states) while building the graph for liveness"
            case .networkFull(let detail): detail
            case .fault(let message): "modelling error: \(message)"
            case .interrupted: "interrupted"
            }
            return LivenessResult(properties: [], states: 0, transitions: 0, seconds: Date().timeIntervalSince(started),
                                  incomplete: reason)
        }
        let units = FairnessUnits(ir, labels: graph.labels)
        let search = LassoSearch(graph: graph, units: units)
        let builder = LassoTraceBuilder(system: system, graph: graph)
        var properties: [LivenessResult.Property] = []
        for (index, instance) in instances.enumerated() {
            let kind: LassoSearch.LivenessKind = instance.kind == .eventually ? .eventually : .leadsTo
            let lasso = search.lasso(for: index, kind: kind)
            properties.append(LivenessResult.Property(
                name: instance.name, declaration: instance.declaration,
                lasso: lasso.map { builder.trace($0) },
                fairness: lasso.map { found in
                    found.takes.map { units.names[Int($0)] + ": taken in the cycle" }
                        + found.disables.map { units.names[Int($0)] + ": disabled in the cycle" }
                } ?? []))
        }
        return LivenessResult(properties: properties, states: graph.stateCount, transitions: graph.edgeCount,
                              seconds: Date().timeIntervalSince(started), incomplete: nil)
    }
}

/// What `LivenessChecker` found: per property instance, a lasso or none (it holds).
///
/// ```swift
/// result.properties.first { $0.lasso != nil }?.lasso?.loop   // where the cycle starts
/// ```
public struct LivenessResult: Sendable {
    public struct Property: Sendable, Equatable {
        /// The property's name, with the process for an instance of a per-process property.
        public let name: String
        /// Its index in `SpecIR.liveness`.
        public let declaration: Int
        /// A fair run that violates it; nil when it holds.
        public let lasso: Trace?
        /// The fairness constraints the lasso's cycle satisfies, and how.
        public let fairness: [String]
    }

    public let properties: [Property]
    public let states: Int
    public let transitions: Int
    public let seconds: Double
    /// Why the graph could not be built in full (then no property is settled).
    public let incomplete: String?
}

/// Turns a lasso's edges into a trace, re-executing each edge's action instance.
private struct LassoTraceBuilder {
    let system: TransitionSystem
    let graph: StateGraph

    func trace(_ lasso: LassoSearch.Lasso) -> Trace {
        let path = [graph.fingerprints[lasso.root]] + lasso.edges.map { graph.fingerprints[Int(graph.edgeTarget[$0])] }
        let labels = lasso.edges.map { graph.labels[Int(graph.edgeLabel[$0])] }
        return TraceBuilder(system: system).trace(through: path) { index, instance in
            let label = labels[index]
            return instance.action == label.action && instance.process == label.process
                && instance.choice == label.choice && instance.sender == label.sender
        }.looping(at: lasso.loopStart)
    }
}
