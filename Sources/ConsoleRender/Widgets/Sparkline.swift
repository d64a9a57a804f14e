import SafeText

/// A one-line history chart: `▁▂▄▆▇█▇▆`, newest value on the right.
///
/// Values are percentages (0–100, clamped); each maps to one of eight levels. A missing value
/// (`nil`, NaN) is a gap. When there are more values than columns, the newest are shown; when
/// fewer, the chart is right-aligned.
public struct Sparkline: Sendable, Hashable {
    /// The values, oldest first.
    public var values: [Double?]

    /// A sparkline of percentages, oldest first.
    public init(values: [Double?]) {
        self.values = values
    }

    /// The level (0–7) of a percentage.
    public static func level(of percent: Double) -> Int {
        let clamped = min(100, max(0, percent))
        return min(7, Int((clamped / 100 * 7).rounded()))
    }

    /// The chart's text for `width` columns.
    public func text(width: Int, glyphs: GlyphSet) -> String {
        guard width > 0 else { return "" }
        let shown = values.suffix(width)
        var text = String(repeating: " ", count: width - shown.count)
        for value in shown {
            if let value, !value.isNaN {
                text += glyphs.sparkLevels[Self.level(of: value)]
            } else {
                text += " "
            }
        }
        return text
    }

    /// Draws the chart on row `y` from column `x`, `width` columns wide.
    public func render(into grid: inout CellGrid, x: Int, y: Int, width: Int) {
        grid.put(text(width: width, glyphs: grid.glyphs), x: x, y: y, style: .sparkline, maxWidth: width)
    }
}
