/// How much colour the dashboard uses.
///
/// Ordered: `.none < .ansi8 < .ansi256`, so `min(detected, limit)` applies an operator's limit.
public enum ColorMode: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Attributes only (bold, dim, reverse, underline): `NO_COLOR` is set or the terminal has no colour.
    case none
    /// The eight ANSI colours (`TERM=linux`, `TERM=screen`...): the theme's 8-colour fallback.
    case ansi8
    /// The 256-colour palette (`TERM=xterm-256color`, `tmux-256color`...).
    case ansi256

    /// Fewest colours first.
    public static func < (lhs: ColorMode, rhs: ColorMode) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .none: 0
        case .ansi8: 1
        case .ansi256: 2
        }
    }

    /// The mode for a terminal, following <https://no-color.org>: a `NO_COLOR` variable that is
    /// present and not empty turns colour off, whatever its value.
    ///
    /// - Parameters:
    ///   - noColor: the value of `NO_COLOR`, `nil` when it is not set.
    ///   - hasColors: what ncurses' `has_colors()` says.
    ///   - colors: ncurses' `COLORS` after `start_color()`.
    ///   - colorPairs: ncurses' `COLOR_PAIRS` after `start_color()`.
    ///   - limit: the most colour the operator allows.
    public static func detect(noColor: String?, hasColors: Bool, colors: Int, colorPairs: Int, limit: ColorMode) -> ColorMode {
        let detected: ColorMode
        if let noColor, !noColor.isEmpty {
            detected = .none
        } else if !hasColors || colors < 8 || colorPairs < 2 {
            detected = .none
        } else if colors >= 256 {
            detected = .ansi256
        } else {
            detected = .ansi8
        }
        return min(detected, limit)
    }
}
