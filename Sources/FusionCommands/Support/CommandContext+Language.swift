import ConsoleCore

extension CommandContext {
    /// The language of the console's words: `override` (`--language`) first, then `[console] language`, then the
    /// environment's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, `LANGUAGE`). `auto` anywhere asks the next one down.
    func language(override: String? = nil) -> Language {
        for setting in [override, settings.console.language] {
            guard let setting, setting.lowercased() != "auto" else { continue }
            if let language = Language.resolve(setting, environment: environment) { return language }
        }
        return Language.detect(environment: environment)
    }

    /// The localizer of that language, for the command line's messages and headings.
    var tr: Localizer { Localizer(language()) }
}
