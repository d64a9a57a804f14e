/// Turns English user-facing text into the console's language. A value, carried by ``ConsoleOptions`` (and the
/// render grid), never a global.
///
/// The French words live in ``FrenchCatalogue``, keyed by the English text itself (the template of a
/// ``UIText``, `{}` for each value). Text with no French entry shows in English: a missing translation is never
/// a crash or a blank, and the catalogue tests list it.
public struct Localizer: Sendable, Hashable {
    /// The language written.
    public var language: Language
    /// For tests: text with no French entry is shown between `⟦` and `⟧`, so a rendered French screen shows
    /// every string that still needs translating.
    public var marksMissing: Bool

    /// A localizer for `language`.
    public init(_ language: Language, marksMissing: Bool = false) {
        self.language = language
        self.marksMissing = marksMissing
    }

    /// English: the text as written.
    public static let english = Localizer(.english)
    /// French.
    public static let french = Localizer(.french)

    /// `text` in this language, its values in place.
    public func callAsFunction(_ text: UIText) -> String {
        UIText.fill(template(text.template), with: text.arguments)
    }

    /// The translation of an English template (`{}` placeholders left as they are).
    public func template(_ english: String) -> String {
        guard language == .french, !english.isEmpty else { return english }
        if let french = FrenchCatalogue.table[english] { return french }
        return marksMissing ? "⟦" + english + "⟧" : english
    }

    /// A key's name as shown (`Enter` → `Entrée`, `PgDn Space` → `PgDn Espace`, word by word); names without an
    /// entry (`a`, `Ctrl-L`) are shown as they are.
    public func keyName(_ keys: String) -> String {
        guard language == .french else { return keys }
        if let whole = FrenchCatalogue.table[keys] { return whole }
        return keys.split(separator: " ", omittingEmptySubsequences: false)
            .map { FrenchCatalogue.table[String($0)] ?? String($0) }.joined(separator: " ")
    }

    /// Whether the French catalogue has `english` (a template).
    public static func hasFrench(_ english: String) -> Bool { FrenchCatalogue.table[english] != nil }
}
