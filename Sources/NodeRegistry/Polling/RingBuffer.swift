/// The last `capacity` values appended, oldest first: a sparkline's memory.
///
/// A value type; appending to a full buffer drops the oldest value. O(1) append.
public struct RingBuffer<Element>: Sendable where Element: Sendable {
    /// How many values it keeps.
    public let capacity: Int
    private var storage: [Element] = []
    private var start = 0

    /// Creates an empty buffer keeping at most `capacity` values (at least 1).
    public init(capacity: Int) {
        self.capacity = max(1, capacity)
        storage.reserveCapacity(self.capacity)
    }

    /// The number of values held.
    public var count: Int { storage.count }

    /// `true` when nothing was appended yet.
    public var isEmpty: Bool { storage.isEmpty }

    /// The newest value.
    public var last: Element? {
        guard !storage.isEmpty else { return nil }
        return storage[(start + storage.count - 1) % storage.count]
    }

    /// Appends `value`, dropping the oldest when full.
    public mutating func append(_ value: Element) {
        if storage.count < capacity {
            storage.append(value)
        } else {
            storage[start] = value
            start = (start + 1) % capacity
        }
    }

    /// The values, oldest first.
    public var elements: [Element] {
        guard start != 0 else { return storage }
        return Array(storage[start...] + storage[..<start])
    }
}

extension RingBuffer: Equatable where Element: Equatable {
    /// Equal when they hold the same values in the same order and have the same capacity.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.capacity == rhs.capacity && lhs.elements == rhs.elements
    }
}
