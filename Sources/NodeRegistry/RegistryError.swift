import Foundation

/// Why the node registry could not be read, said so an operator knows what to do.
///
/// The message always names the registry, e.g.
/// `registry at https://registry.fusion:8443: TLS certificate not trusted (set [registry] ca_file)`.
public struct RegistryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The registry as configured (credentials removed), e.g. `prometheus+http://127.0.0.1:9090`.
    public var registry: String
    /// What went wrong.
    public var problem: RegistryProblem

    /// Creates an error for the registry shown as `registry`.
    public init(registry: String, problem: RegistryProblem) {
        self.registry = registry
        self.problem = problem
    }

    /// One line, safe for a terminal: `registry at URL: problem`.
    public var description: String { "registry at \(registry): \(problem)" }

    /// `true` when the settings are at fault (bad URL, unsafe token file, unreadable CA file) rather
    /// than the registry or the network; retrying without changing the configuration will not help.
    public var isConfigurationProblem: Bool { problem.isConfigurationProblem }
}

/// What went wrong when talking to the registry.
///
/// Every associated string that came from the network is already cleaned of control characters
/// and shortened (see ``UntrustedText``).
public enum RegistryProblem: Error, Sendable, Equatable, CustomStringConvertible {
    // Configuration.
    /// The registry URL is not one this console can use.
    case invalidURL(reason: String)
    /// The bearer token file could be read by other users.
    case tokenFileInsecure(path: String, mode: Int)
    /// The bearer token file could not be read, or held no token.
    case tokenFileUnreadable(path: String, reason: String)
    /// A CA, certificate or key file named in the configuration could not be used.
    case tlsFileUnusable(setting: String, detail: String)

    // Network and TLS.
    /// Nobody listens on the registry's port.
    case connectionRefused
    /// The host name did not resolve.
    case hostNotFound
    /// The connection could not be made (route, firewall…).
    case cannotConnect(detail: String)
    /// The request took longer than the configured timeout.
    case timedOut(seconds: Double)
    /// The server's certificate was not signed by a trusted CA, or does not match the host.
    case tlsUntrusted(detail: String)
    /// The registry asked for a client certificate and got none (or refused ours).
    case tlsClientCertificateRejected(detail: String)
    /// Any other TLS failure.
    case tlsFailed(detail: String)
    /// The connection closed before the whole answer arrived.
    case truncated(detail: String)
    /// The connection broke while the answer was arriving.
    case connectionLost(detail: String)
    /// Any other transfer failure, with libcurl's own words.
    case transferFailed(detail: String)

    // Answers.
    /// The registry answered with a status that is not 2xx.
    case httpStatus(code: Int, detail: String?)
    /// The answer was larger than the configured cap.
    case responseTooLarge(limitBytes: Int)
    /// The answer was not the JSON this console expects. `path` is like `nodes[3].kind`.
    case malformed(path: String, reason: String)
    /// The registry speaks a newer major schema version than this console.
    case unsupportedSchemaVersion(found: Int, supported: Int)
    /// Prometheus answered `"status": "error"`.
    case prometheusError(type: String, message: String)

    /// `true` for the configuration cases.
    public var isConfigurationProblem: Bool {
        switch self {
        case .invalidURL, .tokenFileInsecure, .tokenFileUnreadable, .tlsFileUnusable: true
        default: false
        }
    }

    /// The plain sentence shown after `registry at URL: `.
    public var description: String {
        switch self {
        case .invalidURL(let reason):
            "invalid registry URL: \(reason)"
        case .tokenFileInsecure(let path, let mode):
            "token file \(path) can be read by other users (mode \(String(mode, radix: 8))); run chmod 600 \(path)"
        case .tokenFileUnreadable(let path, let reason):
            "cannot read token file \(path): \(reason)"
        case .tlsFileUnusable(let setting, let detail):
            "cannot use [registry] \(setting): \(detail)"
        case .connectionRefused:
            "connection refused"
        case .hostNotFound:
            "host name not found"
        case .cannotConnect(let detail):
            "cannot connect (\(detail))"
        case .timedOut(let seconds):
            "timed out after \(Self.formatSeconds(seconds)) s"
        case .tlsUntrusted(let detail):
            "TLS certificate not trusted (set [registry] ca_file): \(detail)"
        case .tlsClientCertificateRejected(let detail):
            "TLS client certificate required or refused (set [registry] client_cert and client_key): \(detail)"
        case .tlsFailed(let detail):
            "TLS failed: \(detail)"
        case .truncated(let detail):
            "answer cut short: \(detail)"
        case .connectionLost(let detail):
            "connection lost while reading the answer: \(detail)"
        case .transferFailed(let detail):
            "request failed: \(detail)"
        case .httpStatus(let code, let detail):
            "answered HTTP \(code)" + Self.hint(forStatus: code) + (detail.map { ": \($0)" } ?? "")
        case .responseTooLarge(let limit):
            "response larger than \(Self.formatBytes(limit)) (raise [registry] max_response_mib if this is expected)"
        case .malformed(let path, let reason):
            "malformed JSON at \(path): \(reason)"
        case .unsupportedSchemaVersion(let found, let supported):
            "schema version \(found) is newer than this console understands (\(supported)); upgrade fusion-console"
        case .prometheusError(let type, let message):
            "Prometheus error \(type): \(message)"
        }
    }

    private static func hint(forStatus code: Int) -> String {
        switch code {
        case 401, 403: " (check [registry] token_file)"
        case 404: " (is this the right URL and kind of registry?)"
        default: ""
        }
    }

    static func formatSeconds(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }

    static func formatBytes(_ bytes: Int) -> String {
        let mib = 1024 * 1024
        if bytes >= mib, bytes % mib == 0 { return "\(bytes / mib) MiB" }
        if bytes >= 1024, bytes % 1024 == 0 { return "\(bytes / 1024) KiB" }
        return "\(bytes) bytes"
    }
}
