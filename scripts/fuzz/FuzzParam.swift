// libFuzzer target: arbitrary bytes as `--param` entries (one per line) through ParameterParsing,
// then instantiating a small parameterised spec with them — what every command does with
// `--param`. Any trap is a finding. Built by scripts/fuzz/run (not part of the package or CI).

/// Stands in for KripkeCLI's error type, which ParameterParsing throws.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

private let counters = SpecDefinition(
    name: "fuzz-counters", summary: "N counters up to K",
    parameters: [ParameterDecl(name: "N", defaultValue: 2, range: 1...4), ParameterDecl(name: "K", defaultValue: 3, range: 1...9)],
    expectation: .holds
) { s in
    let procs = s.processes("p", count: s.parameter("N"))
    let value = s.variable("value", per: procs, in: .range(0...s.parameter("K")), initial: 0)
    s.action("increment", for: procs) { i in
        Require(value[i] < .constant(s.parameter("K")))
        value[i] <- value[i] + 1
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParam(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let entries = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let parameters = try? ParameterParsing.parse(entries) else { return 0 }
    _ = try? counters.instantiate(parameters)
    return 0
}
