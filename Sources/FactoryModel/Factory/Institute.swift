/// A Jazari institute: JAZARI ROOT, the national core node, or one of the twelve regional institutes.
public struct Institute: Codable, Sendable, Hashable, Identifiable {
    /// Short identifier, e.g. `jazari-root`, `guelmim-oued-noun`.
    public var id: String
    /// Name shown to operators.
    public var name: String
    /// The region it serves (`national` for JAZARI ROOT).
    public var region: String
    /// Its speciality, e.g. `water`, `applied AI`.
    public var theme: String
    /// The university it is attached to.
    public var university: String

    /// Creates an institute.
    public init(id: String, name: String, region: String, theme: String, university: String) {
        self.id = id
        self.name = name
        self.region = region
        self.theme = theme
        self.university = university
    }
}
