import SafeText

/// The drawing characters for a charset: box lines, meter blocks, sparkline levels, marks.
///
/// Every glyph is one column wide in both sets, so a layout computed for one charset fits the
/// other. Marks pair with words or numbers on screen: colour is never the only signal.
public struct GlyphSet: Sendable, Hashable {
    /// `─` or `-`.
    public var horizontal: String
    /// `│` or `|`.
    public var vertical: String
    /// `┌` or `+`.
    public var topLeft: String
    /// `┐` or `+`.
    public var topRight: String
    /// `└` or `+`.
    public var bottomLeft: String
    /// `┘` or `+`.
    public var bottomRight: String
    /// `├` or `+`: a line leaving a vertical to the right.
    public var teeRight: String
    /// `┤` or `+`: a line leaving a vertical to the left.
    public var teeLeft: String
    /// A full meter cell: `█` or `#`.
    public var meterFull: String
    /// An empty meter cell: `░` or `.`.
    public var meterEmpty: String
    /// Partial meter cells from 1/8 to 7/8 (`▏▎▍▌▋▊▉`); empty when the charset has none.
    public var meterEighths: [String]
    /// Eight sparkline levels, lowest first: `▁▂▃▄▅▆▇█` or `_.-=+*#@`.
    public var sparkLevels: [String]
    /// Marks cut text: `…` or `~`.
    public var ellipsis: String
    /// Marks the selected row: `▶` or `>`.
    public var selectionMarker: String
    /// Left of the focused button: `▶` or `>`.
    public var focusLeft: String
    /// Right of the focused button: `◀` or `<`.
    public var focusRight: String
    /// Success: `✓` or `+`.
    public var ok: String
    /// Failure: `✗` or `x`.
    public var fail: String
    /// A warning: `⚠` or `!`.
    public var warning: String
    /// A status dot: `●` or `*`.
    public var dot: String
    /// A rising trend or an alarm: `▲` or `^`.
    public var triangleUp: String
    /// A falling trend: `▼` or `v`.
    public var triangleDown: String
    /// Sort ascending: `↑` or `^`.
    public var arrowUp: String
    /// Sort descending: `↓` or `v`.
    public var arrowDown: String
    /// Separates items on a line: `·` or `-`.
    public var separator: String
    /// Fills the empty part of an input field: `_`.
    public var fieldFill: String

    /// Glyphs for a UTF-8 terminal.
    public static let unicode = GlyphSet(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        teeRight: "├", teeLeft: "┤", meterFull: "█", meterEmpty: "░",
        meterEighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"],
        sparkLevels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        ellipsis: "…", selectionMarker: "▶", focusLeft: "▶", focusRight: "◀",
        ok: "✓", fail: "✗", warning: "⚠", dot: "●", triangleUp: "▲", triangleDown: "▼",
        arrowUp: "↑", arrowDown: "↓", separator: "·", fieldFill: "_")

    /// Glyphs for an ASCII terminal.
    public static let ascii = GlyphSet(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeRight: "+", teeLeft: "+", meterFull: "#", meterEmpty: ".",
        meterEighths: [],
        sparkLevels: ["_", ".", "-", "=", "+", "*", "#", "@"],
        ellipsis: "~", selectionMarker: ">", focusLeft: ">", focusRight: "<",
        ok: "+", fail: "x", warning: "!", dot: "*", triangleUp: "^", triangleDown: "v",
        arrowUp: "^", arrowDown: "v", separator: "-", fieldFill: "_")

    /// The glyphs for `charset`.
    public static func `for`(_ charset: TerminalCharset) -> GlyphSet {
        switch charset {
        case .utf8: unicode
        case .ascii: ascii
        }
    }

    /// Every glyph, for checks (each must be one column wide).
    public var all: [String] {
        [
            horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight, teeRight, teeLeft,
            meterFull, meterEmpty, ellipsis, selectionMarker, focusLeft, focusRight, ok, fail, warning,
            dot, triangleUp, triangleDown, arrowUp, arrowDown, separator, fieldFill,
        ] + meterEighths + sparkLevels
    }
}
