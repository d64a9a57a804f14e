import FactoryModel
import Foundation

/// Something that can list the factory's nodes: the Fusion registry API or Prometheus.
///
/// `fetchNodes()` blocks (it does HTTP); call it off the UI thread. ``RegistryPoller`` does.
public protocol RegistryClient: Sendable {
    /// The registry as configured, e.g. `https://registry.fusion:8443`, for messages and the header bar.
    var source: String { get }

    /// Reads every node once.
    ///
    /// - Throws: ``RegistryError`` when the registry is unreachable, slow, refuses TLS or answers
    ///   something that is not a node list.
    func fetchNodes() throws(RegistryError) -> RegistrySnapshot

    /// Reads every node once, unless the registry says nothing changed since `previous` (a conditional request):
    /// then nil, and nothing was transferred or decoded.
    func fetchNodes(unlessUnchangedSince previous: RegistrySnapshot?) throws(RegistryError) -> RegistrySnapshot?
}

extension RegistryClient {
    /// Without conditional requests: always a full read.
    public func fetchNodes(unlessUnchangedSince previous: RegistrySnapshot?) throws(RegistryError) -> RegistrySnapshot? {
        try fetchNodes()
    }
}

/// Every node as the registry reported it at one moment. An immutable value.
public struct RegistrySnapshot: Sendable, Equatable {
    /// The nodes, in the registry's order.
    public var nodes: [NodeSample]
    /// When this console received the answer (its own clock).
    public var fetchedAt: Date
    /// When the registry says it produced the list, if it says so (the Fusion API does).
    public var generatedAt: Date?
    /// The registry it came from (``RegistryClient/source``).
    public var source: String
    /// The entity tag the registry gave this answer, if any: the next request asks for the nodes only if changed.
    public var etag: String?

    /// Creates a snapshot.
    public init(nodes: [NodeSample], fetchedAt: Date, generatedAt: Date? = nil, source: String, etag: String? = nil) {
        self.nodes = nodes
        self.fetchedAt = fetchedAt
        self.generatedAt = generatedAt
        self.source = source
        self.etag = etag
    }
}

/// Everything needed to build a ``RegistryClient`` (the `[registry]` section of the config).
public struct RegistryConfiguration: Sendable, Equatable {
    /// Where the registry is, and its kind.
    public var endpoint: RegistryEndpoint
    /// TLS, token, timeouts, size cap, proxy.
    public var http: HTTPOptions
    /// Queries and labels, used only for a Prometheus endpoint.
    public var prometheus: PrometheusSettings

    /// Creates a configuration.
    public init(
        endpoint: RegistryEndpoint, http: HTTPOptions = HTTPOptions(), prometheus: PrometheusSettings = PrometheusSettings()
    ) {
        self.endpoint = endpoint
        self.http = http
        self.prometheus = prometheus
    }

    /// Builds the client the endpoint's scheme calls for.
    ///
    /// - Throws: ``RegistryError`` when a TLS file named in `http` cannot be used.
    public func makeClient() throws(RegistryError) -> any RegistryClient {
        let client: HTTPClient
        do {
            client = try HTTPClient(options: http)
        } catch {
            throw RegistryError(registry: endpoint.displayString, problem: error)
        }
        switch endpoint {
        case .fusion: return FusionRegistryClient(endpoint: endpoint, http: client)
        case .prometheus: return PrometheusRegistryClient(endpoint: endpoint, http: client, settings: prometheus)
        }
    }
}
