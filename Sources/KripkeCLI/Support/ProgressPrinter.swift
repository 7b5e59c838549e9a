import Explorer
import Foundation
import Synchronization

/// Progress on stderr while a long search runs, about once a second: on a terminal one line that
/// updates in place (states, states/s, depth, transitions, memory; for a simulation runs, steps,
/// steps/s, distinct states); otherwise, for logs, one
/// plain line each time. ``finish()`` clears the terminal line before the result is printed.
///
/// ```swift
/// let printer = ProgressPrinter(title: "paxos (N=5)")
/// options.progress = { printer.print($0) }
/// ```
final class ProgressPrinter: Sendable {
    /// The run the line is about (`check paxos (N=5)`), or "" for none.
    let title: String
    private let terminal = isatty(STDERR_FILENO) == 1
    private let shown = Mutex(false)

    init(title: String) {
        self.title = title
    }

    func print(_ statistics: SearchStatistics) {
        show(String(format: "%d states (%.0f/s), depth %d, %d transitions, %.0f s", statistics.states,
                    statistics.statesPerSecond, statistics.depth, statistics.transitions, statistics.seconds))
    }

    /// A random simulation's progress: runs, steps and steps/s, distinct states, time, memory.
    func print(_ statistics: SimulationStatistics) {
        show(String(format: "%d runs, %d steps (%.0f/s), %d distinct states, %.0f s", statistics.runs, statistics.steps,
                    statistics.stepsPerSecond, statistics.distinctStates, statistics.seconds))
    }

    /// Shows `figures` after the title, with the resident memory.
    private func show(_ figures: String) {
        let memory = ResidentMemory.current().map { String(format: ", %.0f MiB", Double($0) / 1_048_576) } ?? ""
        let line = (title.isEmpty ? "… " : "… \(title): ") + figures + memory
        shown.withLock { $0 = true }
        FileHandle.standardError.write(Data((terminal ? "\r\u{1B}[K" + line : line + "\n").utf8))
    }

    /// Clears the updating line, if one was shown.
    func finish() {
        guard terminal, shown.withLock({ $0 }) else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
