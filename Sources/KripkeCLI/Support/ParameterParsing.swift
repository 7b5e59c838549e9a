import Foundation

/// Parses `--param K=V` options into a dictionary, rejecting malformed entries and duplicates.
///
/// ```swift
/// try ParameterParsing.parse(["N=3", "W=2"])   // ["N": 3, "W": 2]
/// ```
enum ParameterParsing {
    static func parse(_ entries: [String]) throws -> [String: Int] {
        var values: [String: Int] = [:]
        for entry in entries {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw CLIError("bad parameter '\(entry)': expected NAME=VALUE, e.g. --param N=3")
            }
            guard let value = Int(parts[1].trimmingCharacters(in: .whitespaces)) else {
                throw CLIError("bad parameter '\(entry)': '\(parts[1])' is not an integer")
            }
            guard values[parts[0]] == nil else { throw CLIError("parameter \(parts[0]) is given twice") }
            values[parts[0]] = value
        }
        return values
    }
}
