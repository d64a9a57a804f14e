extension Theme {
    /// The theme for a terminal with only the eight ANSI colours.
    ///
    /// Every palette colour is replaced by the nearest ANSI colour (by RGB distance, with
    /// xterm's RGB values); the terminal default, ANSI colours and attributes are kept.
    /// A dark palette *foreground* on the terminal's own background (a grey border, an empty
    /// meter) is meant to be subtle, not invisible, so it never becomes black there: it becomes
    /// the nearest other colour (white for a grey), dimmed.
    /// The name gets a `-8` suffix.
    public static func fallback8(from theme: Theme) -> Theme {
        var styles: [StyleName: TerminalStyle] = [:]
        for (name, style) in theme.styles {
            var attributes = style.attributes
            var foreground = nearestANSI(style.foreground)
            if case .indexed(let index) = style.foreground, index >= 16, foreground == .ansi(0),
               style.background == .terminalDefault {
                foreground = nearestANSI(style.foreground, excludingBlack: true)
                attributes.insert(.dim)
            }
            styles[name] = TerminalStyle(
                foreground: foreground, background: nearestANSI(style.background), attributes: attributes)
        }
        return Theme(name: theme.name + "-8", styles: styles)
    }

    /// The ANSI colour closest to `color`; the terminal default and ANSI colours stay.
    /// Palette indexes 0–15 map to ANSI 0–7 (bright colours to their normal ones).
    public static func nearestANSI(_ color: ColorSpec) -> ColorSpec {
        nearestANSI(color, excludingBlack: false)
    }

    private static func nearestANSI(_ color: ColorSpec, excludingBlack: Bool) -> ColorSpec {
        guard case .indexed(let index) = color else { return color }
        if index < 8 { return .ansi(index) }
        if index < 16 { return .ansi(index - 8) }
        let rgb = paletteRGB(index)
        if excludingBlack, (rgb.max() ?? 0) - (rgb.min() ?? 0) < 48 { return .ansi(7) }  // a grey: white, to be dimmed
        var best = 0
        var bestDistance = Int.max
        for (candidate, ansi) in ansiRGB.enumerated() where !(excludingBlack && candidate == 0) {
            let distance = (0..<3).reduce(0) { sum, channel in
                let delta = rgb[channel] - ansi[channel]
                return sum + delta * delta
            }
            if distance < bestDistance {
                best = candidate
                bestDistance = distance
            }
        }
        return .ansi(UInt8(best))
    }

    /// xterm's RGB for the eight ANSI colours.
    private static let ansiRGB: [[Int]] = [
        [0, 0, 0], [205, 0, 0], [0, 205, 0], [205, 205, 0],
        [0, 0, 238], [205, 0, 205], [0, 205, 205], [229, 229, 229],
    ]

    /// The RGB of a palette index from 16 up: the 6×6×6 colour cube, then 24 greys.
    private static func paletteRGB(_ index: UInt8) -> [Int] {
        let levels = [0, 95, 135, 175, 215, 255]
        if index >= 232 {
            let grey = 8 + 10 * (Int(index) - 232)
            return [grey, grey, grey]
        }
        let cube = Int(index) - 16
        return [levels[cube / 36], levels[(cube / 6) % 6], levels[cube % 6]]
    }
}
