/// The lanes of a text sequence chart: `count` lanes of `width` columns, each starting with its
/// lifeline `│`; rows are drawn over an empty row of them.
///
/// ```swift
/// let grid = Lifelines(count: 2, width: 6)
/// String(grid.empty)                                  // "│     │     "
/// grid.arrow(from: 0, to: 1)                          // "├─────▶     "
/// ```
struct Lifelines {
    let count: Int
    let width: Int

    var empty: [Character] {
        var row = [Character](repeating: " ", count: count * width)
        for index in 0..<count { row[index * width] = "│" }
        return row
    }

    /// `text` written over `row` from the start of lane `lane`, cut at the row's end.
    func write(_ text: String, into row: inout [Character], at lane: Int) {
        write(text, into: &row, from: lane * width, clearing: false)
    }

    /// `text` written over `row` from column `offset`, cut at the row's end; with `clearing`, the
    /// column before and after it are blanked so that the text stands apart from lifelines.
    func write(_ text: String, into row: inout [Character], from offset: Int, clearing: Bool) {
        for (index, character) in text.enumerated() where offset + index < row.count { row[offset + index] = character }
        if clearing {
            if offset > 0 { row[offset - 1] = " " }
            if offset + text.count < row.count { row[offset + text.count] = " " }
        }
    }

    /// `├────▶` from lane `from` to lane `to` (`◀────┤` leftwards) over the lifelines.
    func arrow(from: Int, to: Int) -> String {
        var row = empty
        let start = min(from, to) * width, end = max(from, to) * width
        for offset in start...end { row[offset] = "─" }
        row[from * width] = from < to ? "├" : "┤"
        row[to * width] = from < to ? "▶" : "◀"
        return String(row)
    }

    /// The arrow with ` label ` in its middle, or nil when the label does not fit in it.
    func arrow(from: Int, to: Int, label: String) -> String? {
        var row = Array(arrow(from: from, to: to))
        let start = min(from, to) * width, end = max(from, to) * width
        let text = Array(" \(label) ")
        guard text.count + 2 <= end - start - 1 else { return nil }
        let labelStart = start + (end - start - text.count) / 2 + 1
        row.replaceSubrange(labelStart..<(labelStart + text.count), with: text)
        return String(row)
    }
}
