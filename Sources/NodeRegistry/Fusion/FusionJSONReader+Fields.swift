import FactoryModel
import Foundation

/// The field readers of ``FusionDocumentReader``: each checks its value and names the field when wrong.
extension FusionDocumentReader {
    mutating func enter(_ key: StaticString) { scanner.path.append(.key(key)) }

    mutating func leave() { scanner.path.removeLast() }

    mutating func missing(_ key: StaticString) -> JSONScanError {
        scanner.path.append(.key(key))
        defer { scanner.path.removeLast() }
        return scanner.error("missing")
    }

    mutating func nonEmptyString() throws(JSONScanError) -> String {
        let value = try scanner.readString()
        guard !value.isEmpty else { throw scanner.error("expected a non-empty string") }
        return value
    }

    mutating func enumValue<E: RawRepresentable & CaseIterable>(_ type: E.Type) throws(JSONScanError) -> E
    where E.RawValue == String {
        let raw = try scanner.readString()
        if let value = E(rawValue: raw) { return value }
        let names = E.allCases.map(\.rawValue)
        let list = names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
        throw scanner.error("expected \(list), got \(UntrustedText.quoted(raw))")
    }

    mutating func timestamp() throws(JSONScanError) -> Date {
        let parsed = try scanner.readPlainString { bytes -> FusionTimestamp in
            if let date = RFC3339.parse(utf8: bytes) { return .valid(date) }
            return .invalid(String(decoding: bytes, as: UTF8.self))
        }
        switch parsed {
        case .valid(let date):
            return date
        case .invalid(let text):
            throw scanner.error("expected an RFC 3339 time like 2025-05-01T03:12:45Z, got \(UntrustedText.quoted(text))")
        case nil:
            throw scanner.error("expected an RFC 3339 time like 2025-05-01T03:12:45Z, got a string with escapes")
        }
    }

    mutating func percent() throws(JSONScanError) -> Double {
        let value = try scanner.readDouble()
        guard (0...100).contains(value) else { throw scanner.error("expected a percentage 0–100, got \(value)") }
        return value
    }

    mutating func nonNegative() throws(JSONScanError) -> Double {
        let value = try scanner.readDouble()
        guard value >= 0 else { throw scanner.error("expected 0 or more, got \(value)") }
        return value
    }

    mutating func gpuIndex() throws(JSONScanError) -> Int {
        let value = try scanner.readInt()
        guard value >= 0 else { throw scanner.error("expected 0 or more, got \(value)") }
        return value
    }
}
