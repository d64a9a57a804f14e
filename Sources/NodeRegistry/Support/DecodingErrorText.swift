import Foundation

/// Turns `DecodingError` (from reading Prometheus answers) into a ``RegistryProblem/malformed(path:reason:)``
/// a person can read.
enum DecodingErrorText {
    static func problem(for error: DecodingError, data: Data) -> RegistryProblem {
        switch error {
        case .keyNotFound(let key, let context):
            return .malformed(path: path(context.codingPath + [key]), reason: "missing")
        case .valueNotFound(let type, let context):
            return .malformed(path: path(context.codingPath), reason: "expected \(describe(type)), got null")
        case .typeMismatch(let type, let context):
            return .malformed(path: path(context.codingPath), reason: "expected \(describe(type))")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {  // our own checks always name a field; this is a syntax error
                let reason = data.isEmpty ? "the answer is empty" : "not valid JSON (cut short or not JSON at all)"
                return .malformed(path: "(document)", reason: reason)
            }
            return .malformed(path: path(context.codingPath), reason: UntrustedText.snippet(context.debugDescription, limit: 120))
        @unknown default:
            return .malformed(path: "(document)", reason: UntrustedText.snippet(String(describing: error)))
        }
    }

    /// `nodes[3].gpus[0].util` from a coding path; `(document)` for the root.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var result = ""
        for key in codingPath {
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                if !result.isEmpty { result += "." }
                result += UntrustedText.snippet(key.stringValue, limit: 40)
            }
        }
        return result.isEmpty ? "(document)" : result
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is [Any].Type: "an array"
        case is [String: Any].Type: "an object"
        default: "a value of another type"
        }
    }
}
