extension FrenchCatalogue {
    /// The command line's messages and table headings (its `--help` stays in English).
    static let commands: [(english: String, french: String)] = [
    ]
}
