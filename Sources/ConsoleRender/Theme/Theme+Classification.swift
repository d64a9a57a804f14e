extension Theme {
    /// The theme with `style` looking like `look`: how the `[banner]` colours of the config reach the
    /// classification line. On an 8-colour terminal the fallback maps the colours to the nearest ANSI ones; without
    /// colour the monochrome theme draws it in reverse video.
    public func replacing(_ style: StyleName, with look: TerminalStyle) -> Theme {
        var styles = self.styles
        styles[style] = look
        return Theme(name: name, styles: styles)
    }
}
