import Dispatch
import Foundation
import Symbolic
import Synchronization

/// SIGINT and SIGTERM end a long run as *incomplete* instead of killing it. ``install()`` runs
/// first thing in `kripke` (so a signal during start-up is not lost): a `DispatchSource` per
/// signal cancels a shared ``Cancellation``. A command that can stop cleanly (`check`, `simulate`,
/// `bmc`, `prove`) takes it with ``cancellation()``; the explorer polls it (`SearchOptions.shouldStop`)
/// and it interrupts a running Z3 check, so the command prints its statistics (and JSON) and
/// exits 3 — at once when the signal came during start-up. Any other command calls ``release()``
/// after parsing, which restores the default actions (and delivers a signal that came already);
/// a second signal always ends the process with the signal's usual status.
///
/// ```swift
/// StopSignals.install()                 // in KripkeMain.run, before parsing
/// let stop = StopSignals.cancellation() // in a command that can stop cleanly
/// options.shouldStop = { stop.isCancelled }
/// ```
enum StopSignals {
    private static let shared = Cancellation()
    private static let state = Mutex((installed: false, listening: false, released: false, pending: Int32?.none,
                                      sources: [DispatchSourceSignal]()))

    /// Starts listening for SIGINT and SIGTERM (once).
    static func install() {
        state.withLock { state in
            guard !state.installed else { return }
            state.installed = true
            let queue = DispatchQueue(label: "kripke.signals")
            for signalNumber in [SIGINT, SIGTERM] {
                signal(signalNumber, SIG_IGN)   // the dispatch source sees it instead of the default action
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
                source.setEventHandler { received(signalNumber) }
                source.resume()
                state.sources.append(source)
            }
        }
    }

    /// The cancellation the signals trigger; from now on a signal stops the run instead of the process.
    static func cancellation() -> Cancellation {
        install()
        state.withLock { $0.listening = true }
        return shared
    }

    /// For commands that do not stop cleanly: the signals' default actions again, and a signal that
    /// already came is delivered now.
    static func release() {
        let pending = state.withLock { state -> Int32? in
            state.released = true
            for source in state.sources { source.cancel() }
            for signalNumber in [SIGINT, SIGTERM] { signal(signalNumber, SIG_DFL) }
            return state.pending
        }
        if let pending { raise(pending) }
    }

    private static func received(_ signalNumber: Int32) {
        let (listening, released) = state.withLock { state in
            if state.pending == nil { state.pending = signalNumber }
            return (state.listening, state.released)
        }
        guard !released, !shared.isCancelled else {
            signal(signalNumber, SIG_DFL)
            raise(signalNumber)
            return
        }
        if listening { FileHandle.standardError.write(Data("… interrupted: stopping (signal again to quit at once)\n".utf8)) }
        shared.cancel()
    }
}
