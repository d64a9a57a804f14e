/// A piece of user-facing text written in English, with its interpolated values kept apart so that the
/// ``Localizer`` can look up its template and put the values back in another language's order.
///
/// Write it as an ordinary string literal: `tr("\(count) pending")` has the template `{} pending` and the
/// argument `count`. Each `\(…)` becomes `{}` in the template, in order.
public struct UIText: Sendable, Hashable, ExpressibleByStringInterpolation {
    /// The English text with `{}` where each value goes.
    public var template: String
    /// The values, as text, in the order they appear in the English text.
    public var arguments: [String]

    /// A text with no values.
    public init(stringLiteral value: String) {
        template = value
        arguments = []
    }

    /// A text with values.
    public init(stringInterpolation: Interpolation) {
        template = stringInterpolation.template
        arguments = stringInterpolation.arguments
    }

    /// A text built from a template and its values.
    public init(template: String, arguments: [String]) {
        self.template = template
        self.arguments = arguments
    }

    /// Builds the template and the values of an interpolated literal.
    public struct Interpolation: StringInterpolationProtocol {
        var template = ""
        var arguments: [String] = []

        /// Reserves room.
        public init(literalCapacity: Int, interpolationCount: Int) {
            template.reserveCapacity(literalCapacity + 2 * interpolationCount)
        }

        /// A literal part.
        public mutating func appendLiteral(_ literal: String) { template += literal }

        /// A value.
        public mutating func appendInterpolation<T>(_ value: T) {
            template += "{}"
            arguments.append(String(describing: value))
        }
    }

    /// The English text, the values in place.
    public var english: String { Self.fill(template, with: arguments) }

    /// `template` with its `{}` replaced by `arguments` in order, and `{1}`, `{2}`… by the argument of that
    /// position (1-based), so a translation may reorder the values.
    public static func fill(_ template: String, with arguments: [String]) -> String {
        guard !arguments.isEmpty, template.contains("{") else { return template }
        var result = ""
        var next = 0
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else {
                rest = rest[open...]
                break
            }
            let inside = rest[afterOpen..<close]
            if inside.isEmpty, next < arguments.count {
                result += arguments[next]
                next += 1
            } else if let position = Int(inside), (1...arguments.count).contains(position) {
                result += arguments[position - 1]
            } else {
                result += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
