/// SplitMix64 (Steele, Lea, Flood, "Fast splittable pseudorandom number generators", 2014): a
/// small, fast, seedable generator whose output depends on nothing but its seed — not on the
/// platform or the Swift version — so a simulation with the same seed takes the same runs
/// everywhere. Its own bounded draw (`index(below:)`) is used rather than the standard library's
/// `random(in:using:)`, whose algorithm is not promised to stay the same.
///
/// ```swift
/// var random = SplitMix64(seed: 42)
/// let word = random.next()
/// let pick = random.index(below: 5)   // 0..<5, uniformly
/// ```
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= SplitMix64.increment
        return SplitMix64.mix(state)
    }

    /// A uniformly distributed integer in `0..<count` (`count` > 0): Lemire's multiply-shift with
    /// rejection ("Fast random integer generation in an interval", 2019), so no value is favoured.
    public mutating func index(below count: Int) -> Int {
        precondition(count > 0, "nothing to choose from")
        let bound = UInt64(count)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return Int(product.high)
    }

    /// The golden-ratio increment of the generator's state.
    static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// SplitMix64's finaliser: a bijective 64-bit mixer.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
