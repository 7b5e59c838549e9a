import ArgumentParser
import Foundation
import Explorer
import Kripke
import Traces

/// `kripke trace show|render|replay <file>`: read an ITF trace (as written by `check --trace-out` or
/// kept in Counterexamples/) and print it for people. `show` and `render` take any valid ITF trace
/// (one Apalache or Quint wrote is shown as the variables that changed per step); `replay` only
/// Kripke's.
///
/// ```text
/// $ kripke trace render Counterexamples/ricart-agrawala-tie-bug.itf.json --format msc
/// ```
struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace", abstract: "Show or render a trace file (ITF JSON).",
        subcommands: [Show.self, Render.self, Replay.self])

    struct Replay: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that a trace is a run of its spec: the initial state, then one enabled step after another.",
            discussion: "Exit 0 when it replays, 1 when a step does not, 2 when the file or its spec cannot be read.")

        @Argument(help: "An ITF JSON trace file written by kripke.")
        var file: String

        func run() throws {
            guard case .kripke(let trace) = try TraceFile.read(file) else {
                throw CLIError("'\(file)' is not one of Kripke's traces ('#meta' has no \"source\": \"kripke\"): "
                               + "it names no spec, actions or messages, so it cannot be replayed; `kripke trace show` prints it")
            }
            guard !trace.spec.isEmpty else {
                throw CLIError("'\(file)' names no spec ('#meta' needs \"spec\"), so it cannot be replayed")
            }
            let definition = try SpecCatalog.spec(named: trace.spec)
            let ir: SpecIR
            do {
                ir = try definition.instantiate(trace.parameters)
            } catch {
                throw CLIError(error.description)
            }
            switch try TraceReplay(ir).replay(trace) {
            case .replays:
                let parameters = trace.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                let instance = trace.spec + (parameters.isEmpty ? "" : " (\(parameters.joined(separator: ", ")))")
                print("replays: \(trace.length) steps of \(instance), each enabled where it is taken")
            case .mismatch(let step, let reason):
                print(step == 0 ? "does not replay: \(reason)" : "does not replay at step \(step) (\(trace.steps[step - 1])): \(reason)")
                throw ExitCode(ExitStatus.violated.rawValue)
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a trace step by step, showing only what changed.")

        @Argument(help: "An ITF JSON trace file.")
        var file: String

        @Flag(name: .customLong("hide-ghosts"), help: "Do not show ghost (history) variables.")
        var hideGhosts = false

        func run() throws {
            switch try TraceFile.read(file) {
            case .kripke(let trace): print(TextTraceFormatter(showGhosts: !hideGhosts).format(trace))
            case .foreign(let trace): print(ForeignTraceFormatter().format(trace))
            }
        }
    }

    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render a trace as a message-sequence chart (text or self-contained HTML).")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, msc, html }

        @Argument(help: "An ITF JSON trace file.")
        var file: String

        @Option(help: "text (changed variables per step), msc (text sequence chart) or html (SVG chart). A trace another tool wrote has no messages: msc is its text, html a page with its text.")
        var format: Format = .msc

        @Option(name: [.short, .long], help: "Write to this file instead of stdout.")
        var output: String?

        @Option(help: "Width of the msc chart in columns (default: $COLUMNS, the terminal's width, or 100).")
        var width: Int?

        func validate() throws {
            if let width, width < 20 { throw ValidationError("--width must be at least 20") }
        }

        func run() throws {
            if let output { try OutputFile.check(output) }
            let (document, description) = try TraceFile.readDescribed(file)
            let rendered: String
            switch (document, format) {
            case (.kripke(let trace), .text): rendered = TextTraceFormatter().format(trace)
            case (.kripke(let trace), .msc): rendered = TextSequenceChart(width: width ?? TerminalWidth.current()).render(trace)
            case (.kripke(let trace), .html):
                // Kripke writes "<property> violated"; another description is shown as it is.
                let property = description.flatMap { $0.hasSuffix(" violated") ? String($0.dropLast(" violated".count)) : nil }
                let context = property == nil ? description.map { " — \($0)" } ?? "" : ""
                rendered = HTMLSequenceChart().render(trace, property: property,
                                                      title: "\(trace.spec) · \(trace.length) steps · \(file)\(context)")
            case (.foreign(let trace), .text), (.foreign(let trace), .msc): rendered = ForeignTraceFormatter().format(trace)
            case (.foreign(let trace), .html): rendered = ForeignTraceFormatter().html(trace, title: file)
            }
            guard let output else {
                print(rendered)
                return
            }
            try OutputFile.write(rendered, to: output)
        }
    }
}

/// Reading trace files with errors a person can act on; files over ``maxBytes`` are refused before
/// they are read (a parsed trace takes several times its size in memory).
enum TraceFile {
    static let maxBytes = 16 * 1_048_576

    static func read(_ path: String) throws -> ITFDocument {
        try readDescribed(path).document
    }

    /// The trace and the `description` in its `#meta`, if any (what it violates, as
    /// `check --trace-out` writes it: "invariant 'agreement' violated").
    static func readDescribed(_ path: String) throws -> (document: ITFDocument, description: String?) {
        let text: String
        do {
            let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
            guard size <= maxBytes else {
                throw CLIError("trace file '\(path)' is \(size) bytes; at most \(maxBytes) (16 MiB) are read")
            }
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError("cannot read trace file '\(path)': \(error.localizedDescription)")
        }
        do {
            let document = try JSONValue.parse(text)
            guard case .string(let description)? = document["#meta"]?["description"] else { return (try ITF.read(document), nil) }
            return (try ITF.read(document), description)
        } catch {
            throw CLIError("'\(path)' is not a readable trace: \(error)")
        }
    }
}
