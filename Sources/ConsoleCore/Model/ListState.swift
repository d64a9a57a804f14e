/// The view state of one list screen: where the selection and the window are, the filter and the sort.
public struct ListState: Sendable, Hashable {
    /// The absolute index of the selected row in the whole (filtered, sorted) list.
    public var selected = 0
    /// The absolute index of the first visible row.
    public var top = 0
    /// The filter text (empty: no filter).
    public var filter = ""
    /// The index of the sort column in the screen's sortable columns.
    public var sortColumn = 0
    /// Descending order when true.
    public var descending = false
    /// Whether the detail pane of the selected row is open.
    public var detailOpen = false

    /// A fresh list state.
    public init(sortColumn: Int = 0, descending: Bool = false) {
        self.sortColumn = sortColumn
        self.descending = descending
    }

    /// Moves the selection by `delta` rows within `0..<count`, scrolling the window of `visible` rows to keep it in view.
    public mutating func move(by delta: Int, count: Int, visible: Int) {
        select(selected + delta, count: count, visible: visible)
    }

    /// Selects row `index` (clamped), scrolling to keep it in view.
    public mutating func select(_ index: Int, count: Int, visible: Int) {
        guard count > 0 else {
            selected = 0
            top = 0
            return
        }
        selected = min(max(0, index), count - 1)
        let rows = max(1, visible)
        if selected < top { top = selected }
        if selected >= top + rows { top = selected - rows + 1 }
        top = min(max(0, top), max(0, count - rows))
    }
}
