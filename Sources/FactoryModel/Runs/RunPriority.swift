/// How urgently a run should be scheduled. Stored as its rank so that sorting is cheap.
public enum RunPriority: Int, Codable, Sendable, CaseIterable, Comparable {
    case low = 0
    case normal = 1
    case high = 2
    case urgent = 3

    /// The name printed and accepted by the command line.
    public var name: String {
        switch self {
        case .low: "low"
        case .normal: "normal"
        case .high: "high"
        case .urgent: "urgent"
        }
    }

    /// Parses `low`, `normal`, `high` or `urgent`.
    public init?(name: String) {
        guard let match = Self.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = match
    }

    public static func < (lhs: RunPriority, rhs: RunPriority) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = RunPriority(name: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown priority \(text)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
