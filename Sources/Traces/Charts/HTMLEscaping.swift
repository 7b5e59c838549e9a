extension String {
    /// The text with `&`, `<`, `>` and `"` escaped, safe in HTML text and attribute values.
    ///
    /// ```swift
    /// "a < b".htmlEscaped   // "a &lt; b"
    /// ```
    var htmlEscaped: String {
        replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
