import SafeText

extension TerminalCharset {
    /// The charset for a locale codeset as `nl_langinfo(CODESET)` names it after
    /// `setlocale(LC_ALL, "")`: ``utf8`` for `UTF-8` (any case, with or without the dash),
    /// ``ascii`` for anything else (`ANSI_X3.4-1968` in the C locale, `ISO-8859-1`...).
    ///
    /// The codeset, not the `LANG` text, decides: a UTF-8 locale that is not installed leaves
    /// the C library in the C locale, where ncurses cannot write UTF-8 either.
    static func forCodeset(_ codeset: String) -> TerminalCharset {
        let normalised = codeset.lowercased().filter { $0 != "-" && $0 != "_" }
        return normalised == "utf8" ? .utf8 : .ascii
    }
}
