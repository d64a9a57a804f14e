/// How the console talks HTTP to the registry. Filled from the `[registry]` section of the config.
///
/// What is not here cannot be turned off: TLS peer and host verification are always on, redirects
/// are never followed, only `http` and `https` are spoken, and nothing falls back to plain HTTP.
public struct HTTPOptions: Sendable, Equatable {
    /// A PEM file of CA certificates to trust. When set, only these CAs are trusted (a private PKI);
    /// when `nil`, the system's CA bundle is used.
    public var caFile: String?
    /// A PEM client certificate for mutual TLS (needs ``clientKey``).
    public var clientCert: String?
    /// The PEM private key of ``clientCert``.
    public var clientKey: String?
    /// A file holding a bearer token, sent as `Authorization: Bearer …`. It must not be readable by
    /// group or others (`chmod 600`); it is re-read at every request so a rotated token is picked up.
    public var bearerTokenFile: String?
    /// Seconds allowed to set up the connection (TCP and TLS).
    public var connectTimeout: Double
    /// Seconds allowed for the whole request, answer included.
    public var totalTimeout: Double
    /// The largest answer accepted, in bytes, after gzip decoding; larger answers are cut off.
    public var maxResponseBytes: Int
    /// Ask for a compressed answer (`Accept-Encoding: gzip, deflate…`).
    public var acceptGzip: Bool
    /// A proxy URL (e.g. `http://proxy.fusion:3128`). `nil` means no proxy, whatever the environment's
    /// `http_proxy`/`https_proxy` variables say.
    public var proxy: String?

    /// The defaults: 3 s to connect, 10 s in total, 64 MiB answers, gzip accepted, no proxy.
    ///
    /// 64 MiB leaves room for 10,000 nodes of 8 GPUs (about 15 MB of JSON) and is still a bound.
    public init(
        caFile: String? = nil, clientCert: String? = nil, clientKey: String? = nil, bearerTokenFile: String? = nil,
        connectTimeout: Double = 3, totalTimeout: Double = 10, maxResponseBytes: Int = 64 * 1024 * 1024,
        acceptGzip: Bool = true, proxy: String? = nil
    ) {
        self.caFile = caFile
        self.clientCert = clientCert
        self.clientKey = clientKey
        self.bearerTokenFile = bearerTokenFile
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxResponseBytes = maxResponseBytes
        self.acceptGzip = acceptGzip
        self.proxy = proxy
    }
}
