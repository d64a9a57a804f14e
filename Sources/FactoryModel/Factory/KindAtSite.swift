/// A kind of capacity at one site, e.g. GPU at Dakhla: the key of per-site aggregates and histories.
public struct KindAtSite: Sendable, Hashable {
    /// The kind.
    public var kind: ResourceKind
    /// The site id. Untrusted text.
    public var site: String

    /// Creates a key.
    public init(kind: ResourceKind, site: String) {
        self.kind = kind
        self.site = site
    }
}
