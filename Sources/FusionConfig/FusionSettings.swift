/// Every setting of the console, with the defaults used when no config file says otherwise.
/// `Config/fusion-console.example.toml` documents each one.
public struct FusionSettings: Sendable, Equatable {
    /// `[store]`: where the job store is.
    public var store = StoreSettings()
    /// `[registry]`: where node utilisation comes from and how to reach it.
    public var registry = RegistrySettings()
    /// `[console]`: the dashboard.
    public var console = ConsoleSettings()
    /// `[log]`: the log file.
    public var log = LogSettings()
    /// `[keys]`: command name → key names (`approve = "a"`, `refresh = ["R", "F5"]`), checked when the dashboard opens.
    public var keys: [String: [String]] = [:]
    /// `[banner]`: the classification line at the top of every screen.
    public var banner = BannerSettings()
    /// `[oversight]`: reversal window, escalation warning, minimum reading time.
    public var oversight = OversightSettings()

    /// The defaults.
    public init() {}
}

/// `[store]`
public struct StoreSettings: Sendable, Equatable {
    /// An SQLite file path or a PostgreSQL URL / connection string; nil for the default path.
    public var path: String?
    /// Creates the defaults.
    public init(path: String? = nil) { self.path = path }
}

/// `[registry]`
public struct RegistrySettings: Sendable, Equatable {
    /// `http(s)://host:port` (Fusion registry API) or `prometheus+http(s)://host:port`; nil when there is none.
    public var url: String?
    /// A PEM bundle of the certificate authorities to trust (the factory's private PKI).
    public var caFile: String?
    /// A PEM client certificate for mutual TLS.
    public var clientCert: String?
    /// The PEM key of the client certificate.
    public var clientKey: String?
    /// A file holding a bearer token; refused when group or others can read it.
    public var tokenFile: String?
    /// Seconds to wait for the connection.
    public var connectTimeout: Double = 3
    /// Seconds for the whole request.
    public var timeout: Double = 10
    /// The largest response accepted, in bytes (`max_response_mib` in the file).
    public var maxResponseBytes: Int = 64 << 20
    /// An HTTP proxy to use; none (and environment proxies ignored) by default.
    public var proxy: String?
    /// `[registry.prometheus.queries]`: PromQL overrides by name (cpu_util, mem_util, up, gpu_util…).
    public var prometheusQueries: [String: String] = [:]
    /// `[registry.prometheus.labels]`: label-name overrides (node, gpu_node, site, pool, kind, gpu_index, gpu_model).
    public var prometheusLabels: [String: String] = [:]

    /// Creates the defaults.
    public init() {}
}

/// `[console]`
public struct ConsoleSettings: Sendable, Equatable {
    /// The theme's name (a file in `Themes/` or a built-in: default, high-contrast, monochrome).
    public var theme = "default"
    /// Seconds between refreshes of the store and registry.
    public var refresh: Double = 2
    /// Ring the terminal bell when a new approval arrives.
    public var bell = false
    /// The factory's name in the header.
    public var factoryName = "FUSION AI FACTORY · national"
    /// Open the dashboard read-only (every action disabled in the gate).
    public var readOnly = false
    /// The language of the dashboard and messages: `auto` (from `LC_ALL`/`LC_MESSAGES`/`LANG`), `en` or `fr`.
    public var language = "auto"
    /// Seconds a confirmed cancel or reroute waits, with a countdown, before it is sent (`u` takes it back); 0 sends
    /// at once.
    public var graceSeconds: Double = 5
    /// Show the console's own CPU, memory, polls and terminal output in the status line from the start.
    public var showSelf = false
    /// `y` copies the selected id with OSC 52: `auto` (when the terminal's description says it can), `osc52`
    /// (always try), `off`.
    public var clipboard = "auto"

    /// Creates the defaults.
    public init() {}
}

/// `[log]`
public struct LogSettings: Sendable, Equatable {
    /// The log file; nil for `$XDG_STATE_HOME/fusion-console/console.log`.
    public var file: String?
    /// trace, debug, info, notice, warning, error or critical.
    public var level = "info"

    /// Creates the defaults.
    public init() {}
}

/// `[banner]`
public struct BannerSettings: Sendable, Equatable {
    /// The classification line (`DAKHLA · PRODUCTION · RESTRICTED`); nil for none.
    public var text: String?
    /// Its text colour: a theme colour name (`white`, `default`, `0`–`255`).
    public var colour: String?
    /// Its background colour.
    public var background: String?

    /// Creates the defaults (no banner).
    public init() {}
}
