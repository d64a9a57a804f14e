import SafeText

/// A horizontal bar with its percentage: `██████▌░░░  65%`.
///
/// The bar takes the width less five columns for the label (a space and the percentage,
/// right-aligned in four). With UTF-8 the bar's end is drawn in eighths of a cell. The filled
/// part and the label take the level's style (ok, warn, critical); the number itself says the
/// value, so colour is not the only signal. An unknown value (`nil`, NaN) shows an empty,
/// dim bar and ` --`.
public struct Meter: Sendable, Hashable {
    /// The label's width: a space and up to `100%`.
    public static let labelWidth = 5

    /// The value in percent (clamped to 0...100 when drawn), `nil` when unknown.
    public var percent: Double?
    /// Where ok turns to warn and warn to critical; `nil` to draw the bar in
    /// ``StyleName/meterFill`` without levels.
    public var thresholds: MeterThresholds?
    /// Whether the percentage label is drawn after the bar.
    public var showsLabel: Bool

    /// A meter for `percent`.
    public init(percent: Double?, thresholds: MeterThresholds? = .standard, showsLabel: Bool = true) {
        self.percent = percent
        self.thresholds = thresholds
        self.showsLabel = showsLabel
    }

    /// The style of the filled part and the label.
    public var style: StyleName {
        guard let value = knownPercent else { return .dim }
        return thresholds?.level(of: value).style ?? .meterFill
    }

    private var knownPercent: Double? {
        guard let percent, !percent.isNaN else { return nil }
        return min(100, max(0, percent))
    }

    /// Draws the meter on row `y` from column `x`, `width` columns wide (label included).
    public func render(into grid: inout CellGrid, x: Int, y: Int, width: Int) {
        guard width > 0 else { return }
        let glyphs = grid.glyphs
        let labelWidth = showsLabel ? min(Self.labelWidth, width) : 0
        let barWidth = width - labelWidth
        let value = knownPercent
        let eighths = value.map { Int(($0 / 100 * Double(barWidth * 8)).rounded()) } ?? 0
        let full = eighths / 8
        let partial = eighths % 8
        var filled = String(repeating: glyphs.meterFull, count: full)
        var filledWidth = full
        if partial > 0, full < barWidth {
            if glyphs.meterEighths.isEmpty {
                if partial >= 4 { filled += glyphs.meterFull }
            } else {
                filled += glyphs.meterEighths[partial - 1]
            }
            filledWidth = DisplayWidth.of(filled)
        }
        grid.put(filled, x: x, y: y, style: style, maxWidth: barWidth)
        grid.put(
            String(repeating: glyphs.meterEmpty, count: max(0, barWidth - filledWidth)),
            x: x + filledWidth, y: y, style: .meterEmpty, maxWidth: barWidth - filledWidth)
        guard labelWidth > 0 else { return }
        let label = value.map { "\(Int($0.rounded()))%" } ?? "--"
        grid.put(label, x: x + barWidth, y: y, width: labelWidth, alignment: .right, style: style)
    }
}
