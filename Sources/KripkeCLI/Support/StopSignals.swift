import Dispatch
import Foundation
import Symbolic

/// SIGINT and SIGTERM end a long run as *incomplete* instead of killing it: a `DispatchSource`
/// per signal cancels ``cancellation``, which the explorer polls (`SearchOptions.shouldStop`) and
/// which interrupts a running Z3 check; the command then prints its statistics (and JSON) and
/// exits 3. A second signal of the same kind ends the process at once with the usual status.
///
/// ```swift
/// let stop = StopSignals.install()
/// options.shouldStop = { stop.isCancelled }
/// checker.cancellation = stop
/// ```
enum StopSignals {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Starts listening; returns the cancellation the signals trigger.
    static func install() -> Cancellation {
        let cancellation = Cancellation()
        let queue = DispatchQueue(label: "kripke.signals")
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)   // the dispatch source sees it instead of the default action
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler {
                if cancellation.isCancelled {
                    signal(signalNumber, SIG_DFL)
                    raise(signalNumber)
                }
                FileHandle.standardError.write(Data("… interrupted: stopping (signal again to quit at once)\n".utf8))
                cancellation.cancel()
            }
            source.resume()
            sources.append(source)
        }
        return cancellation
    }
}
