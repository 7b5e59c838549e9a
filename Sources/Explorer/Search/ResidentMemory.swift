import Foundation

/// The process's resident memory, read from `/proc/self` on Linux (nil where unavailable).
///
/// ```swift
/// if let bytes = ResidentMemory.current() { print(bytes / 1_048_576, "MiB") }
/// ```
enum ResidentMemory {
    static func current() -> Int? { statusField("VmRSS:") }
    static func peak() -> Int? { statusField("VmHWM:") }

    private static func statusField(_ name: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(name) {
            let digits = line.dropFirst(name.count).trimmingCharacters(in: .whitespaces).split(separator: " ").first
            return digits.flatMap { Int($0) }.map { $0 * 1024 }
        }
        return nil
    }
}
