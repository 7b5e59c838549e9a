// libFuzzer target: arbitrary bytes through the JSON parser and the ITF decoder, then through
// the text formatter — what `kripke trace show` does with a file. Any trap is a finding.
// Built by scripts/fuzz/run (not part of the package or CI).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzITF(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let document = try? JSONValue.parse(text) else { return 0 }
    _ = document.rendered()
    guard let trace = try? ITF.decode(document) else { return 0 }
    _ = TextTraceFormatter().format(trace)
    _ = ITF.encode(trace, description: "fuzz").rendered()
    return 0
}
