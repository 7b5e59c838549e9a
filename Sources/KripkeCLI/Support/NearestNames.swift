/// The names closest to a misspelt one, for "did you mean …?": by edit distance (insertions,
/// deletions, substitutions and swaps of neighbours), within a third of the name's length, or
/// the names that contain it.
///
/// ```swift
/// NearestNames.closest(to: "chek", among: ["check", "bmc", "prove"])   // ["check"]
/// ```
enum NearestNames {
    static func closest(to name: String, among candidates: [String], limit: Int = 3) -> [String] {
        let typed = Array(name.lowercased())
        let threshold = max(1, typed.count / 3)
        let scored = candidates.map { ($0, distance(typed, Array($0.lowercased()))) }
        let near = scored.filter { $0.1 <= threshold }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
        if !near.isEmpty { return Array(near.prefix(limit)) }
        guard typed.count >= 3 else { return [] }
        return Array(candidates.filter { $0.lowercased().contains(name.lowercased()) }.sorted().prefix(limit))
    }

    /// Optimal-string-alignment distance between `a` and `b`.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
