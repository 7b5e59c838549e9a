import ArgumentParser

/// The ranges the commands accept for their limits, checked before any work starts, so a huge or
/// odd value is a clear usage error (exit 2) rather than an overflow trap, a hang or a silent
/// "no limit".
///
/// ```swift
/// try OptionLimits.validateSeconds(3600)          // fine
/// try OptionLimits.validateSeconds(.nan)          // ValidationError("--max-seconds must be a positive number of seconds …")
/// ```
enum OptionLimits {
    /// The largest `--max-memory` (MiB): 16 TiB, far above any machine, and far from overflowing bytes.
    static let maxMemoryMiB = 16 * 1_048_576
    /// The largest `--max-seconds`: a year.
    static let maxSeconds = 365.0 * 24 * 3600
    /// The largest N of `quorum --n` (0.3 s at N = 1,000; the query grows linearly).
    static let maxQuorumN = 10_000
    /// The largest bound of `quorum --every-n` (1.2 s up to 100; the work grows quadratically).
    static let maxEveryN = 1_000
    /// The most runs of `simulate --runs` (a billion: days of simulation; `--max-seconds` bounds a run anyway).
    static let maxRuns = 1_000_000_000
    /// The longest run of `simulate --depth` (each step of a run keeps an 8-byte fingerprint for its trace).
    static let maxSimulationDepth = 10_000_000

    /// Throws unless `value` lies in `range`, naming `option`.
    static func validate(_ value: Int?, in range: ClosedRange<Int>, option: String) throws {
        guard let value, !range.contains(value) else { return }
        throw ValidationError("\(option) must be between \(range.lowerBound) and \(range.upperBound) (got \(value))")
    }

    /// Throws unless `seconds` is nil or a number in (0, one year].
    static func validateSeconds(_ seconds: Double?, option: String = "--max-seconds") throws {
        guard let seconds else { return }
        guard seconds > 0, seconds <= maxSeconds else {
            throw ValidationError("\(option) must be a positive number of seconds, at most \(Int(maxSeconds)) (got \(seconds))")
        }
    }
}
