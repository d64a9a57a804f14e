/// The characters a terminal (or a plain-text output) can show.
///
/// Chosen once at start-up from the locale (see ``detect(environment:)``) and carried by
/// everything that turns text into cells, so that widgets pick glyphs the terminal can draw.
public enum TerminalCharset: String, Sendable, Hashable, CaseIterable {
    /// A UTF-8 locale: any printable Unicode character may be shown.
    case utf8
    /// A non-UTF-8 locale (for example `C` or `POSIX`): only printable ASCII is shown;
    /// other text is transliterated or replaced by `?`.
    case ascii

    /// The ellipsis that marks cut text: `…` (one column) or `~` (one column).
    public var ellipsis: String {
        switch self {
        case .utf8: "…"
        case .ascii: "~"
        }
    }

    /// The charset of the locale described by an environment, following POSIX precedence:
    /// the first non-empty of `LC_ALL`, `LC_CTYPE`, `LANG` decides; it is ``utf8`` when its
    /// codeset is UTF-8 (`en_US.UTF-8`, `C.utf8`, ...), ``ascii`` otherwise or when none is set.
    ///
    /// - Parameter environment: the process environment, e.g. `ProcessInfo.processInfo.environment`.
    public static func detect(environment: [String: String]) -> TerminalCharset {
        for key in ["LC_ALL", "LC_CTYPE", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            let normalised = value.lowercased().filter { $0 != "-" && $0 != "_" }
            return normalised.contains("utf8") ? .utf8 : .ascii
        }
        return .ascii
    }
}
