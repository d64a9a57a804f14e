/// The French words of the console, keyed by their English text.
///
/// To add a string: write it in English where it is shown, through the localizer (`tr("…")`, `state.tr("…")`,
/// `grid.tr("…")`), then add one pair here (or in the `FrenchCatalogue+…` file of its area):
/// `("\(count) pending", …)` is written `("{} pending", "{} en attente")`. `{}` takes the values in their English
/// order; `{1}`, `{2}`… pick one by position when French needs another order. Keep a French column heading or
/// tab name no wider than the English when it sits in a fixed-width column. `FrenchCatalogueTests` fails on a
/// duplicate key, on placeholders that do not match, and on English left in a rendered French screen.
public enum FrenchCatalogue {
    /// Every pair, English first, from each area's list.
    public static let entries: [(english: String, french: String)] =
        chrome + dialogs + help + overview + lists + details + commands + messages + comfort + oversight

    /// The pairs as a table (the first pair wins if a key were repeated; a test forbids that).
    static let table: [String: String] = Dictionary(entries.map { ($0.english, $0.french) }, uniquingKeysWith: { first, _ in first })
}
