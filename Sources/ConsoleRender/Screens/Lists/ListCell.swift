/// What one cell of a list row shows: text, a meter or a sparkline, fitted to its column when drawn.
enum ListCell: Sendable, Hashable {
    /// Text (untrusted is fine: it is sanitised), in a style of its own or the row's (`nil`).
    case text(String, StyleName?)
    /// A meter of a percentage with its label; `nil` draws an empty, dim bar and `--`.
    case meter(Double?, MeterThresholds?)
    /// A history chart of percentages, oldest first.
    case sparkline([Double])

    /// Text in the row's style.
    static func plain(_ text: String) -> ListCell { .text(text, nil) }

    /// Text in `style`.
    static func styled(_ text: String, _ style: StyleName) -> ListCell { .text(text, style) }

    /// A meter with the standard thresholds.
    static func meter(_ percent: Double?) -> ListCell { .meter(percent, .standard) }
}
