/// The health a node reports to the registry.
public enum NodeStatus: String, Codable, Sendable, CaseIterable {
    /// Serving work normally.
    case up
    /// Serving, but something is wrong (a GPU fell off the bus, a disk is full…).
    case degraded
    /// Not reachable, or its scrape target is down.
    case down
    /// Finishing its work and accepting nothing new.
    case draining
}
