#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The width text charts are fitted to: `$COLUMNS` when it is set to a number, else the width of
/// the terminal standard output is, else (a pipe or a file) 100 columns.
///
/// ```swift
/// let chart = TextSequenceChart(width: TerminalWidth.current()).render(trace)
/// ```
enum TerminalWidth {
    static let fallback = 100

    #if canImport(Darwin)
    /// `TIOCGWINSZ`, a macro Swift does not import on Darwin.
    private static let windowSizeRequest: UInt = 0x4008_7468
    #else
    private static let windowSizeRequest = UInt(TIOCGWINSZ)
    #endif

    static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, windowSizeRequest, &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return fallback
    }
}
