import Foundation

/// Reads nodes from the Prometheus HTTP API: the instant queries of ``PrometheusQueries``, each one
/// `GET {base}/api/v1/query?query=…&time=…`, all at the same instant, joined into nodes by
/// ``PrometheusNodeAssembler``.
public struct PrometheusRegistryClient: RegistryClient {
    /// The path under the base URL.
    public static let queryPath = "/api/v1/query"

    private let endpoint: RegistryEndpoint
    private let http: HTTPClient
    private let settings: PrometheusSettings
    private let now: @Sendable () -> Date

    /// Creates a client for `endpoint` over `http`.
    ///
    /// - Parameter now: the clock; it also sets the instant the queries are evaluated at.
    public init(
        endpoint: RegistryEndpoint, http: HTTPClient, settings: PrometheusSettings = PrometheusSettings(),
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.endpoint = endpoint
        self.http = http
        self.settings = settings
        self.now = now
    }

    /// The registry URL as configured.
    public var source: String { endpoint.displayString }

    /// Reads every node once: every query of the settings at one instant, joined into nodes.
    public func fetchNodes() throws(RegistryError) -> RegistrySnapshot {
        let instant = now()
        do throws(RegistryProblem) {
            let queries = settings.queries
            var answers = PrometheusAnswers()
            answers.up = try query(queries.up, key: "up", at: instant)
            answers.heartbeat = try query(queries.heartbeat, key: "heartbeat", at: instant)
            answers.cpuUtil = try query(queries.cpuUtil, key: "cpu_util", at: instant)
            answers.memUtil = try query(queries.memUtil, key: "mem_util", at: instant)
            answers.gpuUtil = try query(queries.gpuUtil, key: "gpu_util", at: instant)
            answers.gpuMemUsed = try query(queries.gpuMemUsed, key: "gpu_mem_used", at: instant)
            answers.gpuMemFree = try query(queries.gpuMemFree, key: "gpu_mem_free", at: instant)
            answers.gpuTemp = try query(queries.gpuTemp, key: "gpu_temp", at: instant)
            answers.gpuPower = try query(queries.gpuPower, key: "gpu_power", at: instant)
            let nodes = PrometheusNodeAssembler.nodes(from: answers, labels: settings.labels, evaluatedAt: instant)
            return RegistrySnapshot(nodes: nodes, fetchedAt: now(), generatedAt: instant, source: source)
        } catch {
            throw RegistryError(registry: source, problem: error)
        }
    }

    /// Runs one instant query. An empty query string is skipped (the config can turn a query off).
    public func query(_ promql: String, key: String, at instant: Date) throws(RegistryProblem) -> [PrometheusSample] {
        guard !promql.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
        let time = String(format: "%.3f", instant.timeIntervalSince1970)
        guard let url = endpoint.url(appending: Self.queryPath, query: [
            URLQueryItem(name: "query", value: promql), URLQueryItem(name: "time", value: time),
        ]) else {
            throw .invalidURL(reason: "cannot build the query URL")
        }
        let response = try http.get(url)
        // Prometheus explains bad queries (400, 422) and overload (503) in a JSON body.
        if response.isSuccess || [400, 422, 503].contains(response.status) {
            do throws(RegistryProblem) {
                let samples = try PrometheusVector.decode(response.body, query: key)
                if response.isSuccess { return samples }
            } catch {
                if response.isSuccess || error.isPrometheusError { throw error }
            }
        }
        throw .httpStatus(code: response.status, detail: response.bodySnippet)
    }
}

private extension RegistryProblem {
    var isPrometheusError: Bool {
        if case .prometheusError = self { return true }
        return false
    }
}
