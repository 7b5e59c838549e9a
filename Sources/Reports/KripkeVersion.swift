/// The tool version reported by `kripke --version` and in every JSON result.
///
/// ```swift
/// print(KripkeVersion.current)   // "0.1.0"
/// ```
public enum KripkeVersion {
    public static let current = "0.1.0"
    /// Version of the JSON result schema; bumped on incompatible changes.
    public static let resultSchema = "kripke.result/1"
}
