extension Theme {
    /// The default theme, for 256-colour terminals; `Themes/default.toml` says the same.
    public static let `default` = Theme(name: "default", styles: [
        .normal: look(),
        .dim: look(fg: .indexed(244)),
        .header: look(attrs: .bold),
        .title: look(fg: .indexed(75), attrs: .bold),
        .border: look(fg: .indexed(240)),
        .selected: look(fg: .indexed(231), bg: .indexed(24), attrs: .bold),
        .ok: look(fg: .indexed(71)),
        .warn: look(fg: .indexed(214), attrs: .bold),
        .critical: look(fg: .indexed(196), attrs: .bold),
        .info: look(fg: .indexed(75)),
        .meterFill: look(fg: .indexed(75)),
        .meterEmpty: look(fg: .indexed(240)),
        .sparkline: look(fg: .indexed(110)),
        .badge: look(fg: .indexed(231), bg: .indexed(60), attrs: .bold),
        .banner: look(fg: .indexed(231), bg: .indexed(24), attrs: .bold),
        .dialog: look(fg: .indexed(252), bg: .indexed(236)),
        .dialogTitle: look(fg: .indexed(117), bg: .indexed(236), attrs: .bold),
        .dialogButton: look(fg: .indexed(252), bg: .indexed(238)),
        .dialogFocus: look(fg: .indexed(16), bg: .indexed(117), attrs: .bold),
        .fieldText: look(fg: .indexed(231), bg: .indexed(238), attrs: .underline),
        .fieldCursor: look(fg: .indexed(16), bg: .indexed(117)),
        .keyHint: look(fg: .indexed(117), attrs: .bold),
        .statusBar: look(fg: .indexed(252), bg: .indexed(235)),
        .classification: look(attrs: [.bold, .reverse]),
    ])

    /// Strong contrast with the eight ANSI colours only; `Themes/high-contrast.toml` says the same.
    public static let highContrast = Theme(name: "high-contrast", styles: [
        .normal: look(),
        .dim: look(),
        .header: look(attrs: [.bold, .underline]),
        .title: look(attrs: .bold),
        .border: look(),
        .selected: look(attrs: [.bold, .reverse]),
        .ok: look(fg: .ansi(2), attrs: .bold),
        .warn: look(fg: .ansi(3), attrs: .bold),
        .critical: look(fg: .ansi(7), bg: .ansi(1), attrs: .bold),
        .info: look(fg: .ansi(6), attrs: .bold),
        .meterFill: look(attrs: .bold),
        .meterEmpty: look(),
        .sparkline: look(attrs: .bold),
        .badge: look(attrs: [.bold, .reverse]),
        .banner: look(attrs: [.bold, .reverse]),
        .dialog: look(),
        .dialogTitle: look(attrs: .bold),
        .dialogButton: look(attrs: .bold),
        .dialogFocus: look(attrs: [.bold, .reverse]),
        .fieldText: look(attrs: .underline),
        .fieldCursor: look(attrs: .reverse),
        .keyHint: look(attrs: .bold),
        .statusBar: look(attrs: .reverse),
        .classification: look(attrs: [.bold, .reverse]),
    ])

    /// Attributes only, no colour: for `NO_COLOR` and terminals without colour;
    /// `Themes/monochrome.toml` says the same.
    public static let monochrome = Theme(name: "monochrome", styles: [
        .normal: look(),
        .dim: look(attrs: .dim),
        .header: look(attrs: [.bold, .underline]),
        .title: look(attrs: .bold),
        .border: look(attrs: .dim),
        .selected: look(attrs: .reverse),
        .ok: look(),
        .warn: look(attrs: .bold),
        .critical: look(attrs: [.bold, .reverse]),
        .info: look(),
        .meterFill: look(),
        .meterEmpty: look(attrs: .dim),
        .sparkline: look(),
        .badge: look(attrs: .reverse),
        .banner: look(attrs: [.bold, .reverse]),
        .dialog: look(),
        .dialogTitle: look(attrs: .bold),
        .dialogButton: look(),
        .dialogFocus: look(attrs: [.bold, .reverse]),
        .fieldText: look(attrs: .underline),
        .fieldCursor: look(attrs: .reverse),
        .keyHint: look(attrs: .bold),
        .statusBar: look(attrs: .reverse),
        .classification: look(attrs: [.bold, .reverse]),
    ])

    private static func look(
        fg: ColorSpec = .terminalDefault,
        bg: ColorSpec = .terminalDefault,
        attrs: TextAttributes = []
    ) -> TerminalStyle {
        TerminalStyle(foreground: fg, background: bg, attributes: attrs)
    }
}
