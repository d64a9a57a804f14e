import Foundation

/// Where the node registry lives, and which kind of registry it is — decided by the URL's scheme.
///
/// - `http://host[:port][/prefix]`, `https://…` → the Fusion registry API (`GET /v1/nodes`).
/// - `prometheus+http://host[:port][/prefix]`, `prometheus+https://…` → the Prometheus HTTP API
///   (`GET /api/v1/query`).
///
/// Requests only ever go to the host and port written here: paths are appended to the URL, redirects
/// are not followed, and proxies are used only when configured.
public enum RegistryEndpoint: Sendable, Equatable {
    /// The Fusion registry API at this base URL (scheme `http` or `https`).
    case fusion(URL)
    /// The Prometheus HTTP API at this base URL (scheme `http` or `https`, the `prometheus+` removed).
    case prometheus(URL)

    /// Parses a registry URL from the configuration or the command line.
    ///
    /// - Throws: ``RegistryError`` with ``RegistryProblem/invalidURL(reason:)`` for an unknown scheme,
    ///   a missing host, credentials in the URL, a query or a fragment.
    public static func parse(url text: String) throws(RegistryError) -> RegistryEndpoint {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        func fail(_ reason: String) -> RegistryError {
            RegistryError(registry: UntrustedText.snippet(trimmed), problem: .invalidURL(reason: reason))
        }
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased() else {
            throw fail("expected http(s)://host[:port] or prometheus+http(s)://host[:port]")
        }
        let isPrometheus: Bool
        let transport: String
        switch scheme {
        case "http", "https":
            isPrometheus = false
            transport = scheme
        case "prometheus+http", "prometheus+https":
            isPrometheus = true
            transport = String(scheme.dropFirst("prometheus+".count))
        default:
            let name = UntrustedText.snippet(scheme, limit: 30)
            throw fail("unknown scheme '\(name)'; use http, https, prometheus+http or prometheus+https")
        }
        guard let host = components.host, !host.isEmpty else { throw fail("no host name") }
        if components.user != nil || components.password != nil {
            throw fail("credentials in the URL are not accepted; put a bearer token in [registry] token_file")
        }
        if components.query != nil { throw fail("a registry URL takes no query (?…)") }
        if components.fragment != nil { throw fail("a registry URL takes no fragment (#…)") }
        if let port = components.port, !(1...65535).contains(port) { throw fail("port \(port) is out of range") }

        var base = components
        base.scheme = transport
        while base.path.hasSuffix("/") { base.path.removeLast() }
        guard let baseURL = base.url else { throw fail("cannot be read as a URL") }
        return isPrometheus ? .prometheus(baseURL) : .fusion(baseURL)
    }

    /// The base URL requests are made under (scheme `http` or `https`).
    public var baseURL: URL {
        switch self {
        case .fusion(let url), .prometheus(let url): url
        }
    }

    /// The URL as an operator wrote it, e.g. `prometheus+http://127.0.0.1:9090`.
    public var displayString: String {
        switch self {
        case .fusion(let url): url.absoluteString
        case .prometheus(let url): "prometheus+" + url.absoluteString
        }
    }

    /// `baseURL` with `path` (starting with `/`) appended and `query` items added.
    func url(appending path: String, query: [URLQueryItem] = []) -> URL? {
        guard var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false) else { return nil }
        components.path += path
        if !query.isEmpty {
            components.queryItems = query
            // URLComponents leaves `+` and `&`… as is in values; PromQL needs them encoded.
            components.percentEncodedQuery = query.map { item in
                "\(Self.formEncode(item.name))=\(Self.formEncode(item.value ?? ""))"
            }.joined(separator: "&")
        }
        return components.url
    }

    private static let unreserved = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    private static func formEncode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}
