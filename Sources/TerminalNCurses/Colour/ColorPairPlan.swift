import ConsoleRender

/// The ncurses colour pairs and attributes of every ``StyleName``, worked out once at start.
///
/// Pure: it only decides numbers. ``NCursesTerminal`` then calls `init_pair` for each of
/// ``pairs`` and draws each cell with its style's ``Look``.
struct ColorPairPlan: Hashable {
    /// One colour pair to define with `init_pair(number, foreground, background)`.
    struct Pair: Hashable {
        /// The pair number, from 1 (pair 0 is the terminal's default colours).
        var number: Int16
        /// The foreground colour number; -1 for the terminal default.
        var foreground: Int16
        /// The background colour number; -1 for the terminal default.
        var background: Int16
    }

    /// How cells of one style are drawn.
    struct Look: Hashable {
        /// The colour pair (0: the terminal's own colours).
        var pair: Int16
        /// The attributes.
        var attributes: TextAttributes
    }

    /// The pairs to define, in number order.
    let pairs: [Pair]
    /// The look of each style; every ``StyleName`` has one.
    let looks: [StyleName: Look]
    /// The styles whose blank cell looks like any other blank: the background of ``StyleName/normal``, no reverse,
    /// no underline. Their spaces may be drawn in whatever look the cell before them had, which spares the terminal
    /// a change of attributes and back around every gap between two styled words.
    let plainBlanks: Set<StyleName>

    /// Plans the pairs for `theme` (already resolved for the mode, see `Theme.resolved(for:)`).
    ///
    /// - Parameters:
    ///   - theme: the styles to draw.
    ///   - mode: `.none` gives every style pair 0 (attributes only); `.ansi8` maps any palette
    ///     colour left in the theme to the nearest ANSI colour; `.ansi256` keeps palette indexes.
    ///   - defaultColors: whether `use_default_colors()` succeeded, so that -1 means "the
    ///     terminal's own colour"; when not, the default foreground is white (7) and the default
    ///     background black (0).
    ///   - maxPairs: ncurses' `COLOR_PAIRS`; styles beyond the available pairs fall back to pair 0.
    init(theme: Theme, mode: ColorMode, defaultColors: Bool, maxPairs: Int) {
        var pairs: [Pair] = []
        var numbers: [[Int16]: Int16] = [:]
        var looks: [StyleName: Look] = [:]
        for style in StyleName.allCases {
            let look = theme[style]
            guard mode != .none else {
                looks[style] = Look(pair: 0, attributes: look.attributes)
                continue
            }
            let foreground = Self.colorNumber(look.foreground, mode: mode, defaultColors: defaultColors, isForeground: true)
            let background = Self.colorNumber(look.background, mode: mode, defaultColors: defaultColors, isForeground: false)
            let key = [foreground, background]
            var pair: Int16 = 0
            if foreground == -1 && background == -1 {
                pair = 0
            } else if let known = numbers[key] {
                pair = known
            } else if pairs.count + 1 < maxPairs, pairs.count < Int(Int16.max) - 1 {
                pair = Int16(pairs.count + 1)
                numbers[key] = pair
                pairs.append(Pair(number: pair, foreground: foreground, background: background))
            }
            looks[style] = Look(pair: pair, attributes: look.attributes)
        }
        self.pairs = pairs
        self.looks = looks
        let normalBackground = mode == .none
            ? -1 : Self.colorNumber(theme[.normal].background, mode: mode, defaultColors: defaultColors, isForeground: false)
        plainBlanks = Set(StyleName.allCases.filter { style in
            let look = theme[style]
            let background = mode == .none
                ? -1 : Self.colorNumber(look.background, mode: mode, defaultColors: defaultColors, isForeground: false)
            return background == normalBackground && !look.attributes.contains(.reverse)
                && !look.attributes.contains(.underline)
        })
    }

    /// The look of `style` (every style has one; a plain look otherwise).
    subscript(_ style: StyleName) -> Look {
        looks[style] ?? Look(pair: 0, attributes: [])
    }

    /// The ncurses colour number of a theme colour.
    static func colorNumber(_ color: ColorSpec, mode: ColorMode, defaultColors: Bool, isForeground: Bool) -> Int16 {
        switch color {
        case .terminalDefault:
            if defaultColors { return -1 }
            return isForeground ? 7 : 0
        case .ansi(let index):
            return Int16(index & 7)
        case .indexed(let index):
            if mode == .ansi256 { return Int16(index) }
            guard case .ansi(let ansi) = Theme.nearestANSI(color) else { return isForeground ? 7 : 0 }
            return Int16(ansi & 7)
        }
    }
}
