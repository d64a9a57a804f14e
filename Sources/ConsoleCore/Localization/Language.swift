/// The language of the console's words: every label, message and help text exists in English and in French.
///
/// Chosen, most specific first, by `--language`, then `[console] language` in the config (`"en"`, `"fr"` or
/// `"auto"`), then the locale of the environment (``detect(environment:)``). Identifiers (`A-4821`, `R-190233`,
/// pool and node names), ISO times and filter keywords (`state:queued`) stay the same in both.
public enum Language: String, Sendable, Hashable, CaseIterable {
    /// English: the text as written in the source.
    case english = "en"
    /// French, from ``FrenchCatalogue``.
    case french = "fr"

    /// The language of the locale the environment names, by POSIX precedence: `LC_ALL`, then `LC_MESSAGES`, then
    /// `LANG` (the first one set and not empty decides). `LANGUAGE`, the GNU priority list (`fr:en`), is honoured
    /// first when it is set and the locale is not `C`/`POSIX`, as gettext does. Any `fr…` locale (`fr_MA.UTF-8`,
    /// `fr_FR@euro`, `fr`) gives French; everything else, or nothing, gives English.
    public static func detect(environment: [String: String]) -> Language {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let isPlainC = locale.isEmpty || locale == "C" || locale == "POSIX" || locale.hasPrefix("C.")
        if !isPlainC, let list = environment["LANGUAGE"], let first = list.split(separator: ":").first {
            return of(locale: String(first))
        }
        return of(locale: locale)
    }

    /// The language of one locale name: `fr_MA.UTF-8` is French, `en_US`, `ar_MA` and `C` are English.
    public static func of(locale: String) -> Language {
        let name = locale.lowercased()
        return name == "fr" || name.hasPrefix("fr_") || name.hasPrefix("fr.") || name.hasPrefix("fr@") || name.hasPrefix("fr-")
            ? .french : .english
    }

    /// The language a setting names: `en`/`english`, `fr`/`french`/`français`; `auto` (or nil) asks the
    /// environment. Nil for anything else.
    public static func resolve(_ setting: String?, environment: [String: String]) -> Language? {
        switch setting?.lowercased() {
        case nil, "auto": detect(environment: environment)
        case "en", "english": .english
        case "fr", "french", "français", "francais": .french
        default: nil
        }
    }

    /// The settings `--language` and `[console] language` accept.
    public static let settingValues = ["auto", "en", "fr"]
}
