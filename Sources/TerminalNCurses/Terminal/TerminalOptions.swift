import ConsoleRender

/// How ``NCursesTerminal`` sets the terminal up.
public struct TerminalOptions: Sendable, Hashable {
    /// The theme chosen by the operator. On an 8-colour terminal its 8-colour fallback is used
    /// (``Theme/fallback8(from:)``); without colour (or with `NO_COLOR`), ``Theme/monochrome``.
    public var theme: Theme
    /// Where everything written to standard error goes while the dashboard is on screen
    /// (appended, created with mode 0600); `nil` to discard it (`/dev/null`). Standard error
    /// is restored by ``NCursesTerminal/stop()``.
    public var stderrLog: String?
    /// The most colour to use, whatever the terminal offers: `.none` forces attributes only.
    public var colorLimit: ColorMode
    /// Draw ASCII only even when the locale is UTF-8 (for terminals or fonts that show
    /// box lines and non-Latin scripts badly).
    public var asciiOnly: Bool
    /// How long ncurses waits after Esc for the rest of an escape sequence (an arrow key,
    /// F1...). Short, so that Esc alone answers quickly; long enough for an SSH link.
    public var escapeDelay: Duration

    /// Options; by default the default theme, standard error discarded, as much colour as
    /// the terminal has, the locale's charset and a 25 ms escape delay.
    public init(
        theme: Theme = .default,
        stderrLog: String? = nil,
        colorLimit: ColorMode = .ansi256,
        asciiOnly: Bool = false,
        escapeDelay: Duration = .milliseconds(25)
    ) {
        self.theme = theme
        self.stderrLog = stderrLog
        self.colorLimit = colorLimit
        self.asciiOnly = asciiOnly
        self.escapeDelay = escapeDelay
    }
}
