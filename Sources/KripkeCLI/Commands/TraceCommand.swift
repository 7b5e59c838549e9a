import ArgumentParser
import Foundation
import Kripke
import Traces

/// `kripke trace show|render <file>`: read an ITF trace (as written by `check --trace-out` or
/// kept in Counterexamples/) and print it for people.
///
/// ```text
/// $ kripke trace render Counterexamples/ricart-agrawala-tie-bug.itf.json --format msc
/// ```
struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace", abstract: "Show or render a trace file (ITF JSON).",
        subcommands: [Show.self, Render.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a trace step by step, showing only what changed.")

        @Argument(help: "An ITF JSON trace file.")
        var file: String

        @Flag(name: .customLong("hide-ghosts"), help: "Do not show ghost (history) variables.")
        var hideGhosts = false

        func run() throws {
            let trace = try TraceFile.read(file)
            print(TextTraceFormatter(showGhosts: !hideGhosts).format(trace))
        }
    }

    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render a trace as a message-sequence chart (text or self-contained HTML).")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, msc, html }

        @Argument(help: "An ITF JSON trace file.")
        var file: String

        @Option(help: "text (changed variables per step), msc (text sequence chart) or html (SVG chart).")
        var format: Format = .msc

        @Option(name: [.short, .long], help: "Write to this file instead of stdout.")
        var output: String?

        func run() throws {
            let trace = try TraceFile.read(file)
            let rendered: String
            switch format {
            case .text: rendered = TextTraceFormatter().format(trace)
            case .msc: rendered = TextSequenceChart().render(trace)
            case .html: rendered = HTMLSequenceChart().render(trace, title: "\(trace.spec) — \(file)")
            }
            guard let output else {
                print(rendered)
                return
            }
            do {
                try rendered.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                throw CLIError("cannot write '\(output)': \(error.localizedDescription)")
            }
        }
    }
}

/// Reading trace files with errors a person can act on.
enum TraceFile {
    static func read(_ path: String) throws -> Trace {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CLIError("cannot read trace file '\(path)': \(error.localizedDescription)")
        }
        do {
            return try ITF.decode(JSONValue.parse(text))
        } catch {
            throw CLIError("'\(path)' is not a readable trace: \(error)")
        }
    }
}
