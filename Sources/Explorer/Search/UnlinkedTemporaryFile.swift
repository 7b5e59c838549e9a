import Foundation

/// A temporary file the search spills to (parent links, frontier blocks): created in the
/// temporary directory and unlinked at once, so that it goes when the process does, however it ends.
///
/// ```swift
/// if let descriptor = UnlinkedTemporaryFile.open(prefix: "kripke-frontier") { … pwrite(descriptor, …) }
/// ```
enum UnlinkedTemporaryFile {
    /// A read-write descriptor of a new file that has no name left, or nil if none could be made.
    static func open(prefix: String) -> Int32? {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
        let descriptor = Foundation.open(path, O_RDWR | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { return nil }
        unlink(path)
        return descriptor
    }
}
