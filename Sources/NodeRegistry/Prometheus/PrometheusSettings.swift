/// How nodes are read from Prometheus: the queries and the labels. Filled from
/// `[registry.prometheus]` in the config; every field has a default that fits node_exporter and
/// dcgm-exporter.
public struct PrometheusSettings: Sendable, Equatable {
    /// The PromQL queries.
    public var queries: PrometheusQueries
    /// The labels that name a node and say where it belongs.
    public var labels: PrometheusLabels

    /// Creates settings; the defaults fit node_exporter and dcgm-exporter.
    public init(queries: PrometheusQueries = PrometheusQueries(), labels: PrometheusLabels = PrometheusLabels()) {
        self.queries = queries
        self.labels = labels
    }
}

/// The PromQL instant queries run at every poll, all evaluated at the same instant.
///
/// Node queries must keep the node label (``PrometheusLabels/node``, `instance` by default) on their
/// results; GPU queries must keep one of ``PrometheusLabels/gpuNode`` and ``PrometheusLabels/gpuIndex``.
public struct PrometheusQueries: Sendable, Equatable {
    /// One series per node target, 1 when the last scrape worked and 0 when not (a down node).
    /// Its labels also give site, pool and kind.
    public var up: String
    /// The time of each target's last scrape (Unix seconds), shown as the node's heartbeat.
    public var heartbeat: String
    /// CPU utilisation per node, percent.
    public var cpuUtil: String
    /// Memory utilisation per node, percent.
    public var memUtil: String
    /// GPU utilisation per GPU, percent.
    public var gpuUtil: String
    /// GPU frame-buffer memory used per GPU, MiB.
    public var gpuMemUsed: String
    /// GPU frame-buffer memory free per GPU, MiB (total = used + free).
    public var gpuMemFree: String
    /// GPU temperature per GPU, °C.
    public var gpuTemp: String
    /// GPU power draw per GPU, W.
    public var gpuPower: String

    /// The default `up` selector: scrape jobs whose name contains `node` (node_exporter's).
    public static let defaultUp = #"up{job=~".*node.*"}"#

    /// Creates the queries; each default is given in the parameter list.
    public init(
        up: String = PrometheusQueries.defaultUp,
        heartbeat: String = "timestamp(" + PrometheusQueries.defaultUp + ")",
        cpuUtil: String = #"100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[1m])))"#,
        memUtil: String = "100 * (1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes)",
        gpuUtil: String = "DCGM_FI_DEV_GPU_UTIL",
        gpuMemUsed: String = "DCGM_FI_DEV_FB_USED",
        gpuMemFree: String = "DCGM_FI_DEV_FB_FREE",
        gpuTemp: String = "DCGM_FI_DEV_GPU_TEMP",
        gpuPower: String = "DCGM_FI_DEV_POWER_USAGE"
    ) {
        self.up = up
        self.heartbeat = heartbeat
        self.cpuUtil = cpuUtil
        self.memUtil = memUtil
        self.gpuUtil = gpuUtil
        self.gpuMemUsed = gpuMemUsed
        self.gpuMemFree = gpuMemFree
        self.gpuTemp = gpuTemp
        self.gpuPower = gpuPower
    }

    /// Each query with the config key that sets it, in the order they are run.
    public var named: [(key: String, query: String)] {
        [("up", up), ("heartbeat", heartbeat), ("cpu_util", cpuUtil), ("mem_util", memUtil),
         ("gpu_util", gpuUtil), ("gpu_mem_used", gpuMemUsed), ("gpu_mem_free", gpuMemFree),
         ("gpu_temp", gpuTemp), ("gpu_power", gpuPower)]
    }
}

/// The labels that identify a node and place it in the factory.
public struct PrometheusLabels: Sendable, Equatable {
    /// The label naming a node on node series (`instance`); a trailing `:port` is removed.
    /// The result is both the node's id and its name.
    public var node: String
    /// The labels tried, in order, to name the node of a GPU series (`Hostname`, then `instance`).
    public var gpuNode: [String]
    /// The label holding the site; a node without it is at site `unknown`.
    public var site: String
    /// The label holding the pool; a node without it is in pool `unknown`.
    public var pool: String
    /// The label holding the kind (`gpu`, `cpu`, `edge`); without it (or with another value) a node
    /// is `gpu` when it has GPU series and `cpu` otherwise.
    public var kind: String
    /// The label holding a GPU's index on its node (`gpu`).
    public var gpuIndex: String
    /// The label holding a GPU's model name (`modelName`).
    public var gpuModel: String

    /// Creates the label names; the defaults fit node_exporter and dcgm-exporter.
    public init(
        node: String = "instance", gpuNode: [String] = ["Hostname", "instance"], site: String = "site",
        pool: String = "pool", kind: String = "kind", gpuIndex: String = "gpu", gpuModel: String = "modelName"
    ) {
        self.node = node
        self.gpuNode = gpuNode
        self.site = site
        self.pool = pool
        self.kind = kind
        self.gpuIndex = gpuIndex
        self.gpuModel = gpuModel
    }
}
