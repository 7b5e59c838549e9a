import Foundation

/// The process's resident memory, read from `/proc/self` on Linux (nil where unavailable), and
/// the memory a search may grow into before the machine would swap.
///
/// ```swift
/// if let bytes = ResidentMemory.current() { print(bytes / 1_048_576, "MiB") }
/// let limit = ResidentMemory.defaultLimit()   // 85 % of what is free now, plus what we hold
/// ```
public enum ResidentMemory {
    /// The resident size: the second number of `/proc/self/statm`, in pages. Read without
    /// Foundation's string machinery, since a search asks often (parsing `/proc/self/status`
    /// took 15 % of a fast search's time).
    public static func current() -> Int? {
        let file = open("/proc/self/statm", O_RDONLY)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var bytes = [UInt8](repeating: 0, count: 64)
        let count = bytes.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        var field = 0, pages = 0, digits = 0
        for byte in bytes[..<count] {
            if byte == UInt8(ascii: " ") {
                if field == 1 { break }
                field += 1
            } else if field == 1, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                pages = pages * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            }
        }
        return digits > 0 ? pages * pageSize : nil
    }

    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))


    static func peak() -> Int? { statusField("VmHWM:") }

    /// The resident size at which a search should stop rather than push the machine into swap:
    /// what the process holds now plus 85 % of the memory the kernel reports available
    /// (`MemAvailable`; the physical memory where that is not known), or of what is left under
    /// the container's cgroup limit when that is lower. The margin covers what grows between
    /// two checks of the limit (a frontier array doubling).
    public static func defaultLimit() -> Int {
        var available = field("MemAvailable:", in: "/proc/meminfo") ?? Int(ProcessInfo.processInfo.physicalMemory)
        if let limit = number(in: "/sys/fs/cgroup/memory.max"), let used = number(in: "/sys/fs/cgroup/memory.current") {
            available = min(available, max(limit - used, 0))
        }
        return (current() ?? 0) + available / 100 * 85
    }

    /// A file holding one number (cgroup v2's `memory.max` holds "max" when there is no limit).
    private static func number(in file: String) -> Int? {
        (try? String(contentsOfFile: file, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    private static func statusField(_ name: String) -> Int? { field(name, in: "/proc/self/status") }

    private static func field(_ name: String, in file: String) -> Int? {
        guard let status = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(name) {
            let digits = line.dropFirst(name.count).trimmingCharacters(in: .whitespaces).split(separator: " ").first
            return digits.flatMap { Int($0) }.map { $0 * 1024 }
        }
        return nil
    }
}
