import ArgumentParser

/// The output options every engine command (`check`, `bmc`, `prove`) shares: the result as JSON,
/// the trace as ITF, JUnit and SARIF reports, message-sequence charts (text and HTML), and quiet progress.
///
/// ```swift
/// @OptionGroup var output: OutputOptions
/// try output.checkWritable()   // before the run, so a bad path costs nothing
/// ```
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print the result as one JSON object on stdout.")
    var json = false

    @Option(name: .customLong("trace-out"), help: "Write the trace, if any (a counterexample, a counterexample to induction), to this file as ITF JSON.")
    var traceOut: String?

    @Option(name: .long, help: "Also write the result as JUnit XML to this file (for CI test reports).")
    var junit: String?

    @Option(name: .long, help: "Also write the result as SARIF 2.1.0 to this file (for code-scanning dashboards).")
    var sarif: String?

    @Flag(name: .long, help: "Also draw the trace as a message-sequence chart (as wide as $COLUMNS or the terminal).")
    var msc = false

    @Option(name: .long, help: "Also write the trace as a self-contained HTML message-sequence chart to this file.")
    var html: String?

    @Flag(name: .long, help: "No progress messages on stderr.")
    var quiet = false

    /// Every file that will be written, so a path that cannot be written is found before the run.
    func checkWritable() throws {
        for path in [traceOut, junit, sarif, html].compactMap({ $0 }) { try OutputFile.check(path) }
    }
}
