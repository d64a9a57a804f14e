/// Where things go on screen, shared by the update (page sizes, windows to load) and the renderer.
///
/// ```
/// row 0            header: factory, clock, account, data freshness
/// rows 1…b         banners (read-only, audit broken, store unavailable)
/// row b+1          tabs and the screen's section rule
/// row b+2          column headings (list screens)
/// rows …           the list
/// rows …           the detail pane, when open (a rule and its lines)
/// row h-2          status line (messages, filter and command input)
/// row h-1          the keys that matter here
/// ```
public struct ScreenLayout: Sendable, Hashable {
    /// The number of banner rows under the header.
    public let banners: Int
    /// The first row of the list.
    public let listTop: Int
    /// How many list rows are visible.
    public let listRows: Int
    /// The first row of the detail pane (its rule), when open.
    public let detailTop: Int?
    /// How many rows the detail pane has below its rule.
    public let detailRows: Int
    /// The status line's row.
    public let statusRow: Int
    /// The footer's row.
    public let footerRow: Int

    /// The layout for a terminal of `size` with `banners` banner rows and the detail pane open or not.
    public init(size: TerminalSize, banners: Int, detailOpen: Bool) {
        self.banners = banners
        statusRow = max(0, size.height - 2)
        footerRow = max(0, size.height - 1)
        listTop = banners + 3
        let available = max(1, statusRow - listTop)
        if detailOpen {
            let detail = min(14, max(6, available * 2 / 5))
            listRows = max(1, available - detail)
            detailTop = listTop + listRows
            detailRows = detail - 1
        } else {
            listRows = available
            detailTop = nil
            detailRows = 0
        }
    }
}
