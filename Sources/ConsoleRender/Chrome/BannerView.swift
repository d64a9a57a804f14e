import ConsoleCore

/// Rows 1…b: the banners that stay while their cause lasts (audit trail broken, store unavailable, read-only),
/// most serious first, each across the whole width with a mark: `✗` for critical, `⚠` for a warning.
enum BannerView {
    static func render(_ state: ConsoleState, into grid: inout CellGrid) {
        let glyphs = grid.glyphs
        for (index, banner) in state.banners.enumerated() {
            let y = 1 + index
            guard y < grid.height else { return }
            let style: StyleName = banner.severity == .critical ? .critical : .banner
            let mark = banner.severity == .critical ? glyphs.fail : glyphs.warning
            grid.fill(Rect(x: 0, y: y, width: grid.width, height: 1), style: style)
            grid.put(" " + mark + " " + banner.text, x: 0, y: y, width: grid.width, style: style)
        }
    }
}
