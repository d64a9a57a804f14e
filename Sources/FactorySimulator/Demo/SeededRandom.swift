/// A small deterministic random number generator (xoshiro256**, seeded through SplitMix64): the same seed gives
/// the same sequence on every platform and every Swift version.
///
/// The standard library's `Int.random(in:using:)`, `shuffled(using:)` and `randomElement(using:)` do not promise
/// how many values they draw nor how they map them, so the demo never calls them: it uses the helpers here,
/// written on top of ``next()`` only.
public struct SeededRandom: RandomNumberGenerator, Sendable, Hashable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Creates a generator whose whole sequence is fixed by `seed` (any value, zero included).
    public init(seed: UInt64) {
        var mixer = seed
        s0 = Self.splitMix64(&mixer)
        s1 = Self.splitMix64(&mixer)
        s2 = Self.splitMix64(&mixer)
        s3 = Self.splitMix64(&mixer)
    }

    /// SplitMix64: spreads one 64-bit seed over the four words of state (never all zero).
    private static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private static func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = Self.rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotateLeft(s3, 45)
        return result
    }

    /// A uniform integer below `bound` (which must be positive), without modulo bias: draws again on the rare
    /// values that would bias the result.
    public mutating func nextBelow(_ bound: UInt64) -> UInt64 {
        precondition(bound > 0, "nextBelow needs a positive bound")
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let value = next()
            if value < limit { return value % bound }
        }
    }

    /// A uniform integer in `range`.
    public mutating func nextInt(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(bitPattern: Int64(range.upperBound) &- Int64(range.lowerBound)) &+ 1
        if span == 0 { return Int(truncatingIfNeeded: next()) }  // the whole Int range
        return Int(truncatingIfNeeded: Int64(range.lowerBound) &+ Int64(bitPattern: nextBelow(span)))
    }

    /// A uniform value in `[0, 1)` with 53 random bits.
    public mutating func nextDouble() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform value in `range` (lower bound included, upper bound excluded but for rounding).
    public mutating func nextDouble(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + nextDouble() * (range.upperBound - range.lowerBound)
    }

    /// True with probability `p` (0 never, 1 always).
    public mutating func chance(_ p: Double) -> Bool {
        nextDouble() < p
    }

    /// One element of a non-empty array, each equally likely.
    public mutating func pick<T>(_ array: [T]) -> T {
        precondition(!array.isEmpty, "pick needs a non-empty array")
        return array[Int(nextBelow(UInt64(array.count)))]
    }

    /// One element of a non-empty array, each as likely as its weight (weights are positive).
    public mutating func pick<T>(_ array: [T], weight: (T) -> Int) -> T {
        precondition(!array.isEmpty, "pick needs a non-empty array")
        let total = array.reduce(0) { $0 + max(0, weight($1)) }
        guard total > 0 else { return pick(array) }
        var ticket = Int(nextBelow(UInt64(total)))
        for element in array {
            ticket -= max(0, weight(element))
            if ticket < 0 { return element }
        }
        return array[array.count - 1]
    }

    /// The array in a random order (Fisher–Yates, drawing from the last position down).
    public mutating func shuffled<T>(_ array: [T]) -> [T] {
        var result = array
        var index = result.count - 1
        while index > 0 {
            let other = Int(nextBelow(UInt64(index + 1)))
            result.swapAt(index, other)
            index -= 1
        }
        return result
    }
}
