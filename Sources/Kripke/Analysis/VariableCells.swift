/// Numbers every cell of every state variable: variables in declaration order, each a row-major
/// array over its index domains. The explorer's state slots use the same numbering for the
/// variable part of a state, so a cell number is a slot number there.
///
/// ```swift
/// let cells = VariableCells(ir)
/// cells.cells(of: 0, indices: [.constant(2)])   // the cell of phase[p2]
/// ```
public struct VariableCells: Sendable {
    /// First cell of each variable.
    public let bases: [Int]
    /// Per variable and dimension: lowest index value, number of values, stride.
    public let dimensions: [[(lower: Int, count: Int, stride: Int)]]
    /// Number of cells of all variables.
    public let count: Int

    public init(_ ir: SpecIR) {
        var bases: [Int] = []
        var dimensions: [[(lower: Int, count: Int, stride: Int)]] = []
        var total = 0
        for variable in ir.variables {
            bases.append(total)
            var stride = 1
            var dims: [(lower: Int, count: Int, stride: Int)] = []
            for range in variable.indices.map({ $0.values(roles: ir.roles) }).reversed() {
                dims.insert((range.lowerBound, range.count, stride), at: 0)
                stride *= range.count
            }
            dimensions.append(dims)
            total += stride
        }
        self.bases = bases
        self.dimensions = dimensions
        count = total
    }

    /// Number of cells of `variable` (1 for a scalar).
    public func cellCount(of variable: Int) -> Int { dimensions[variable].reduce(1) { $0 * $1.count } }

    /// Every cell of `variable` whose indices may take the given values (an index that may be
    /// anything, or that lies outside the index domain, stands for the whole dimension).
    public func cells(of variable: Int, indices: [ValueSet]) -> [Int] {
        var offsets = [0]
        for (dimension, index) in zip(dimensions[variable], indices) {
            let range = dimension.lower..<(dimension.lower + dimension.count)
            var positions: [Int]
            if case .values(let values) = index, values.allSatisfy(range.contains) {
                positions = values.map { $0 - dimension.lower }
            } else {
                positions = Array(0..<dimension.count)
            }
            positions.sort()
            offsets = offsets.flatMap { offset in positions.map { offset + $0 * dimension.stride } }
        }
        return offsets.map { bases[variable] + $0 }
    }
}

extension VariableCells {
    /// The variable a cell belongs to.
    public func variable(ofCell cell: Int) -> Int {
        var low = 0, high = bases.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if bases[middle] <= cell { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
