import Foundation

/// One series of an instant vector: its labels and its value at the query's instant.
public struct PrometheusSample: Sendable, Equatable {
    /// The series' labels (`__name__` included when Prometheus keeps it). Untrusted text.
    public var labels: [String: String]
    /// When the value was evaluated (Unix seconds).
    public var timestamp: Double
    /// The value; may be NaN or infinite, as Prometheus writes them (`"NaN"`, `"+Inf"`).
    public var value: Double

    /// Creates a sample.
    public init(labels: [String: String], timestamp: Double, value: Double) {
        self.labels = labels
        self.timestamp = timestamp
        self.value = value
    }
}

/// Reads the answer of `GET /api/v1/query` (an instant vector).
public enum PrometheusVector {
    /// Decodes the JSON of an instant query answer.
    ///
    /// - Parameter query: the config key of the query, named in error messages.
    /// - Throws: ``RegistryProblem/prometheusError(type:message:)`` for `"status": "error"`;
    ///   ``RegistryProblem/malformed(path:reason:)`` for anything that is not a vector.
    public static func decode(_ data: Data, query: String) throws(RegistryProblem) -> [PrometheusSample] {
        let envelope: Envelope
        do {
            envelope = try JSONDecoder().decode(Envelope.self, from: data)
        } catch let error as DecodingError {
            throw annotate(DecodingErrorText.problem(for: error, data: data), query: query)
        } catch {
            throw .malformed(path: "(document) (query \(query))", reason: UntrustedText.snippet(String(describing: error)))
        }
        if envelope.status == "error" {
            throw .prometheusError(
                type: UntrustedText.snippet(envelope.errorType ?? "unknown", limit: 30),
                message: UntrustedText.snippet(envelope.error ?? "(no message)", limit: 160) + " (query \(query))")
        }
        guard envelope.status == "success" else {
            let status = UntrustedText.quoted(envelope.status)
            throw .malformed(path: "status (query \(query))", reason: "expected success or error, got \(status)")
        }
        guard let body = envelope.data else {
            throw .malformed(path: "data (query \(query))", reason: "missing")
        }
        guard body.resultType == "vector", let result = body.result else {
            throw .malformed(
                path: "data.resultType (query \(query))",
                reason: "expected an instant vector, got \(UntrustedText.quoted(body.resultType)); "
                    + "the query must return one series per node or GPU")
        }
        return result.map { PrometheusSample(labels: $0.metric, timestamp: $0.value.timestamp, value: $0.value.value) }
    }

    private static func annotate(_ problem: RegistryProblem, query: String) -> RegistryProblem {
        guard case .malformed(let path, let reason) = problem else { return problem }
        return .malformed(path: "\(path) (query \(query))", reason: reason)
    }

    /// The answer's outer object. `status` is read first: an error answer has no `data`.
    private struct Envelope: Decodable {
        let status: String
        let data: Body?
        let errorType: String?
        let error: String?

        enum Keys: String, CodingKey { case status, data, errorType, error }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            status = try container.decode(String.self, forKey: .status)
            errorType = try container.decodeIfPresent(String.self, forKey: .errorType)
            error = try container.decodeIfPresent(String.self, forKey: .error)
            data = status == "success" ? try container.decodeIfPresent(Body.self, forKey: .data) : nil
        }
    }

    private struct Body: Decodable {
        let resultType: String
        let result: [Series]?

        enum Keys: String, CodingKey { case resultType, result }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            resultType = try container.decode(String.self, forKey: .resultType)
            // Only a vector's result is an array of series; other types are refused by the caller.
            result = resultType == "vector" ? try container.decode([Series].self, forKey: .result) : nil
        }
    }

    private struct Series: Decodable {
        let metric: [String: String]
        let value: Value
    }

    /// `[1712345678.123, "42.5"]`.
    private struct Value: Decodable {
        let timestamp: Double
        let value: Double

        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            timestamp = try container.decode(Double.self)
            let text = try container.decode(String.self)
            guard let number = PrometheusVector.number(text) else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: container.codingPath + [ValueIndex(intValue: 1)],
                    debugDescription: "expected a number as text, got \(UntrustedText.quoted(text))"))
            }
            value = number
        }
    }

    /// The position of the value in `[timestamp, "value"]`, for error paths.
    private struct ValueIndex: CodingKey {
        let intValue: Int?
        var stringValue: String { String(intValue ?? 0) }
        init(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }

    /// Prometheus' number text: decimals, exponents, `NaN`, `+Inf`, `-Inf`.
    static func number(_ text: String) -> Double? {
        switch text {
        case "NaN": return .nan
        case "+Inf", "Inf": return .infinity
        case "-Inf": return -.infinity
        default: return Double(text)
        }
    }
}
