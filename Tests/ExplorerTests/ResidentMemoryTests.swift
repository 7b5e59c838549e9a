@testable import Explorer
import Foundation
import Testing

/// The resident size read from `/proc/self/statm` agrees with the kernel's other account of it,
/// `VmRSS` in `/proc/self/status`. Other tests run in this process at the same time and allocate,
/// so the status reading is bracketed by two statm readings, and a few tries are allowed.
@Suite struct ResidentMemoryTests {
    static func statusResident() throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") })
        return try #require(Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces).split(separator: " ")[0])) * 1024
    }

    @Test func statmAgreesWithStatus() throws {
        let slack = 4 << 20
        var readings: [(Int, Int, Int)] = []
        for _ in 0..<5 {
            let before = try #require(ResidentMemory.current())
            let status = try Self.statusResident()
            let after = try #require(ResidentMemory.current())
            readings.append((before, status, after))
            #expect(before > 1 << 20)
            if min(before, after) - slack <= status && status <= max(before, after) + slack { return }
        }
        Issue.record("statm and status disagree on every try: \(readings)")
    }
}
