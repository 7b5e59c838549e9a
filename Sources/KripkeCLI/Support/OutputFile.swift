import Foundation

/// Writing a report (`--trace-out`, `--junit`, `--sarif`, `trace render -o`) without clobbering
/// what is at its path: a regular file (or a new one) is replaced atomically — a temporary file
/// in the same folder, given the old file's mode, renamed over it — while anything else (a
/// symlink, FIFO, device, `/dev/stdout`) is written in place, so it stays what it is.
/// ``check(_:)`` tells before any search whether a path can be written at all.
///
/// ```swift
/// try OutputFile.check("out/trace.itf.json")                  // before the search
/// try OutputFile.write(json, to: "out/trace.itf.json")       // after it
/// try OutputFile.write(chart, to: "/dev/stdout")             // written in place
/// ```
enum OutputFile {
    /// Throws `CLIError` unless `path` can be written: its folder exists and is writable, and what
    /// is there, if anything, is not a folder and is writable.
    static func check(_ path: String) throws {
        var info = stat()
        if stat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { throw CLIError("cannot write '\(path)': it is a folder") }
            guard access(path, W_OK) == 0 else { throw CLIError("cannot write '\(path)': permission denied") }
            if info.st_mode & S_IFMT != S_IFREG { return }   // written in place
        }
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw CLIError("cannot write '\(path)': the folder '\(folder)' does not exist")
        }
        guard access(folder, W_OK) == 0 else { throw CLIError("cannot write '\(path)': the folder '\(folder)' is not writable") }
    }

    /// Writes `text` to `path` (see the type's description). Throws `CLIError` on failure.
    static func write(_ text: String, to path: String) throws {
        var info = stat()
        let exists = lstat(path, &info) == 0
        do {
            if exists && info.st_mode & S_IFMT != S_IFREG {
                guard let handle = FileHandle(forWritingAtPath: path) else { throw CLIError("cannot write '\(path)'") }
                defer { try? handle.close() }
                if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG { try handle.truncate(atOffset: 0) }
                try handle.write(contentsOf: Data(text.utf8))
                return
            }
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            let temporary = folder.appendingPathComponent(".\(URL(fileURLWithPath: path).lastPathComponent).\(UUID().uuidString).tmp")
            try Data(text.utf8).write(to: temporary)
            if exists { chmod(temporary.path, info.st_mode & 0o7777) }
            guard rename(temporary.path, path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw CLIError("cannot write '\(path)': \(reason)")
            }
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError("cannot write '\(path)': \(error.localizedDescription)")
        }
    }
}
