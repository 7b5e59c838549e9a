@testable import Explorer
import Foundation
import Testing

/// The resident size read from `/proc/self/statm` agrees with the kernel's other account of it,
/// `VmRSS` in `/proc/self/status`, and never exceeds the peak.
@Suite struct ResidentMemoryTests {
    @Test func statmAgreesWithStatus() throws {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") })
        let kilobytes = try #require(Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces).split(separator: " ")[0]))
        let resident = try #require(ResidentMemory.current())
        #expect(resident > 1 << 20)
        #expect(abs(resident - kilobytes * 1024) < 16 << 20, "statm \(resident), status \(kilobytes * 1024)")
        #expect(resident <= (ResidentMemory.peak() ?? 0) + (16 << 20))
    }
}
