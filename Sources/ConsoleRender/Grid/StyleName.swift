/// A semantic style: what a cell means, not what colour it is.
///
/// A ``Theme`` maps each name to a ``TerminalStyle``. Colour is never the only signal:
/// widgets pair a style with a mark or a word (`✓`, `!!`, `HIGH`, a percentage).
/// Each name has a one-character ``code`` used in golden tests (``CellGrid/styleRow(_:)``),
/// and a ``rawValue`` used in theme files (`[styles.meter-fill]`).
public enum StyleName: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Ordinary text.
    case normal
    /// Less important text: units, ages, hints.
    case dim
    /// Table column headers.
    case header
    /// Section and screen titles.
    case title
    /// Rules and box lines.
    case border
    /// The selected table row.
    case selected
    /// A healthy value.
    case ok
    /// A value that needs attention soon.
    case warn
    /// A value that needs attention now.
    case critical
    /// Neutral information worth noticing.
    case info
    /// The filled part of a meter without thresholds.
    case meterFill = "meter-fill"
    /// The empty part of a meter.
    case meterEmpty = "meter-empty"
    /// Sparkline bars.
    case sparkline
    /// A small label such as a role or a count.
    case badge
    /// The top banner line.
    case banner
    /// A dialog box: its background, border and body.
    case dialog
    /// A dialog's title.
    case dialogTitle = "dialog-title"
    /// A dialog button without focus.
    case dialogButton = "dialog-button"
    /// The dialog button with focus.
    case dialogFocus = "dialog-focus"
    /// The text of an input field.
    case fieldText = "field-text"
    /// The cell under an input field's cursor.
    case fieldCursor = "field-cursor"
    /// A key in the key hints line (`q`, `?`).
    case keyHint = "key-hint"
    /// The bottom status line.
    case statusBar = "status-bar"
    /// The classification line at the very top (site, environment, classification), coloured per site by the
    /// `[banner]` section of the config.
    case classification

    /// The one-character code of this style in ``CellGrid/styleRow(_:)``.
    public var code: Character {
        switch self {
        case .normal: "."
        case .dim: "d"
        case .header: "h"
        case .title: "t"
        case .border: "b"
        case .selected: "s"
        case .ok: "o"
        case .warn: "w"
        case .critical: "c"
        case .info: "i"
        case .meterFill: "m"
        case .meterEmpty: "e"
        case .sparkline: "p"
        case .badge: "g"
        case .banner: "B"
        case .dialog: "D"
        case .dialogTitle: "T"
        case .dialogButton: "u"
        case .dialogFocus: "F"
        case .fieldText: "f"
        case .fieldCursor: "C"
        case .keyHint: "k"
        case .statusBar: "S"
        case .classification: "L"
        }
    }

    /// The name as written in theme files.
    public var description: String { rawValue }
}
