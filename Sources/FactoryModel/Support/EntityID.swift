import Foundation

/// An identifier shown to operators with a letter prefix (`R-190233`, `A-4821`, `P-12`) and stored as an integer.
public protocol PrefixedID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, LosslessStringConvertible {
    /// The letter that starts the printed form, e.g. `R` for runs.
    static var prefix: Character { get }
    /// The integer stored in the job store.
    var rawValue: Int64 { get }
    /// Wraps a stored integer.
    init(rawValue: Int64)
}

extension PrefixedID {
    /// The printed form, e.g. `R-190233`.
    public var description: String { "\(Self.prefix)-\(rawValue)" }

    /// Parses `R-190233`, `r-190233` or `190233`; nil for anything else (so hostile text never reaches SQL).
    public init?(_ text: String) {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        if let first = body.first, first.uppercased() == String(Self.prefix) {
            body = body.dropFirst()
            guard body.first == "-" else { return nil }
            body = body.dropFirst()
        }
        guard !body.isEmpty, body.count <= 18, body.allSatisfy(\.isASCIIDigit), let value = Int64(body), value > 0 else {
            return nil
        }
        self.init(rawValue: value)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int64.self) {
            self.init(rawValue: number)
            return
        }
        let text = try container.decode(String.self)
        guard let parsed = Self(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an id of the form \(Self.prefix)-123")
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Character {
    /// True for the ASCII digits 0–9 only (not other Unicode digits).
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// Identifies an agent run, printed `R-190233`.
public struct RunID: PrefixedID {
    public static let prefix: Character = "R"
    public let rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
}

/// Identifies an approval request, printed `A-4821`.
public struct ApprovalID: PrefixedID {
    public static let prefix: Character = "A"
    public let rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
}

/// Identifies a project of an institute, printed `P-12`.
public struct ProjectID: PrefixedID {
    public static let prefix: Character = "P"
    public let rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
}
