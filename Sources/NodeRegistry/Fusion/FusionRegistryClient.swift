import Foundation

/// Reads the Fusion registry API: one `GET {base}/v1/nodes`.
public struct FusionRegistryClient: RegistryClient {
    /// The path under the base URL.
    public static let nodesPath = "/v1/nodes"

    private let endpoint: RegistryEndpoint
    private let http: HTTPClient
    private let now: @Sendable () -> Date

    /// Creates a client for `endpoint` over `http`.
    ///
    /// - Parameter now: the clock stamped on snapshots (tests pass a fixed one).
    public init(endpoint: RegistryEndpoint, http: HTTPClient, now: @escaping @Sendable () -> Date = Date.init) {
        self.endpoint = endpoint
        self.http = http
        self.now = now
    }

    /// The registry URL as configured.
    public var source: String { endpoint.displayString }

    /// Reads every node once: `GET {base}/v1/nodes`, checked against schema version 1.
    public func fetchNodes() throws(RegistryError) -> RegistrySnapshot {
        guard let snapshot = try fetchNodes(unlessUnchangedSince: nil) else {
            throw RegistryError(registry: source, problem: .httpStatus(code: 304, detail: nil))
        }
        return snapshot
    }

    /// Reads every node once, with `If-None-Match` set to `previous`'s entity tag when it has one: a registry whose
    /// nodes did not change answers 304 with no body, and nil is returned (nothing to decode).
    public func fetchNodes(unlessUnchangedSince previous: RegistrySnapshot?) throws(RegistryError) -> RegistrySnapshot? {
        do throws(RegistryProblem) {
            guard let url = endpoint.url(appending: Self.nodesPath) else {
                throw RegistryProblem.invalidURL(reason: "cannot append \(Self.nodesPath)")
            }
            let response = try http.get(url, ifNoneMatch: previous?.etag)
            if response.isNotModified, previous?.etag != nil { return nil }
            guard response.isSuccess else {
                throw RegistryProblem.httpStatus(code: response.status, detail: response.bodySnippet)
            }
            let document = try FusionRegistryJSON.decode(response.body)
            return RegistrySnapshot(
                nodes: document.nodes, fetchedAt: now(), generatedAt: document.generatedAt, source: source, etag: response.etag
            )
        } catch {
            throw RegistryError(registry: source, problem: error)
        }
    }
}
