/// The tier of a data centre: Giga platforms for strategic use, Mega for classic hosting, Edge close to the regions.
public enum SiteTier: String, Codable, Sendable, CaseIterable {
    case giga
    case mega
    case edge
}

/// A place where the factory's nodes run (Dakhla, Nouaceur, Benguerir, Rabat, an edge site…).
public struct Site: Codable, Sendable, Hashable, Identifiable {
    /// Short identifier, e.g. `dakhla`.
    public var id: String
    /// Name shown to operators, e.g. `Dakhla`.
    public var name: String
    /// Giga, Mega or Edge.
    public var tier: SiteTier
    /// The region the site is in, e.g. `Dakhla-Oued Ed-Dahab`.
    public var region: String

    /// Creates a site.
    public init(id: String, name: String, tier: SiteTier, region: String) {
        self.id = id
        self.name = name
        self.tier = tier
        self.region = region
    }
}
