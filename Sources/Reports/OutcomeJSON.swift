import Kripke
import Traces

/// The versioned JSON result of a `kripke` run (schema `kripke.result/1`), the same for every
/// engine: `schema`, `tool`, `spec`, `parameters`, `engine`, `options`, `verdict`, `properties`,
/// `stats`, `reductions`; `reason` when incomplete, `error` when an error, `k` for k-induction's
/// verdicts, `runs` and `depth` for a simulation that found no violation; the trace as ITF under `counterexample` (with `counterexampleIsShortest`), `cti`,
/// `overflow` or `trace` by its kind; engine-specific members; `warnings` when there are any.
///
/// ```swift
/// print(OutcomeJSON.render(outcome).rendered())
/// ```
public enum OutcomeJSON {
    public static func render(_ outcome: Outcome) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("schema", .string(KripkeVersion.resultSchema)),
            ("tool", .object([("name", .string("kripke")), ("version", .string(KripkeVersion.current))])),
            ("spec", .string(outcome.spec)),
            ("parameters", .object(outcome.parameters.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
            ("engine", .string(outcome.engine)),
            ("options", json(.group(outcome.options))),
            ("verdict", .string(outcome.verdict.name)),
        ]
        switch outcome.verdict {
        case .proved(let k), .notInductive(let k): members.append(("k", .int(k)))
        case .incomplete(let reason): members.append(("reason", .string(reason)))
        case .error(let message): members.append(("error", .string(message)))
        case .noViolationFound(let runs, let depth): members += [("runs", .int(runs)), ("depth", .int(depth))]
        case .holds, .violated, .holdsToDepth: break
        }
        members.append(("properties", .array(outcome.properties.map { property in
            var fields: [(String, JSONValue)] = [("name", .string(property.name)), ("kind", .string(property.kind.rawValue)),
                                                 ("verdict", .string(property.verdict.name))]
            if case .holdsToDepth(let depth) = property.verdict { fields.append(("depth", .int(depth))) }
            if let location = property.location { fields.append(("location", .string(location.description))) }
            if let instance = property.falsifiedBy {
                fields.append(("falsifiedBy", .object([("instance", .array(instance.instance.map(JSONValue.string))),
                                                       ("reads", .array(instance.reads.map(JSONValue.string))),
                                                       ("text", .string(instance.description))])))
            }
            return .object(fields)
        })))
        members.append(("stats", json(.group(outcome.statistics))))
        members.append(("reductions", .array(outcome.reductions.map(JSONValue.string))))
        if let run = outcome.trace {
            members.append((traceMember(run.kind), ITF.encode(run.trace, description: run.description)))
            if run.kind == .counterexample, let shortest = run.isShortest {
                members.append(("counterexampleIsShortest", .bool(shortest)))
            }
        }
        members += outcome.extensions.map { ($0.name, json($0.value)) }
        if !outcome.warnings.isEmpty { members.append(("warnings", .array(outcome.warnings.map(JSONValue.string)))) }
        return .object(members)
    }

    /// The member a trace of this kind is written under.
    static func traceMember(_ kind: OutcomeTrace.Kind) -> String {
        switch kind {
        case .counterexample: "counterexample"
        case .counterexampleToInduction: "cti"
        case .toFullNetwork: "overflow"
        case .toError: "trace"
        case .lasso: "lasso"
        }
    }

    /// A statistic's value as JSON (numbers rounded as the result schema shows them: see the engines).
    public static func json(_ value: Statistic.Value) -> JSONValue {
        switch value {
        case .int(let number): .int(number)
        case .number(let number): .number(number)
        case .text(let text): .string(text)
        case .bool(let flag): .bool(flag)
        case .texts(let texts): .array(texts.map(JSONValue.string))
        case .group(let statistics): .object(statistics.map { ($0.name, json($0.value)) })
        case .list(let values): .array(values.map(json))
        case .absent: .null
        }
    }
}
