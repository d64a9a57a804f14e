import ConsoleCore
import FactoryModel
import SafeText

/// The pools a run may move to, inside the reroute dialog: one row per pool with its free capacity and queue,
/// the highlighted one marked `▶` (and in ``StyleName/dialogFocus`` while the list has the focus).
///
/// ```
///   ▶ rabat-gpu        GPU    12 GPUs   320 cores free    4 queued
///     nouaceur-gpu     GPU     8 GPUs    96 cores free   11 queued
/// ```
struct DialogPoolList {
    /// The choices.
    var pools: [PoolLoad]
    /// The highlighted choice.
    var index: Int
    /// Whether the list has the keyboard focus.
    var isFocused: Bool

    /// The rows to show at most, the highlighted one always among them.
    static let maximumRows = 5

    /// The first choice shown in a window of `rows`.
    func top(rows: Int) -> Int {
        guard pools.count > rows else { return 0 }
        return min(max(0, index - rows / 2), pools.count - rows)
    }

    /// Draws `rows` rows from (`x`, `y`), `width` columns wide.
    func render(into grid: inout CellGrid, x: Int, y: Int, width: Int, rows: Int) {
        let first = top(rows: rows)
        let idWidth = min(22, max(8, pools.map { DisplayWidth.of(Sanitizer.line($0.pool.id, charset: grid.charset)) }.max() ?? 8))
        for offset in 0..<min(rows, pools.count - first) {
            let position = first + offset
            let load = pools[position]
            let highlighted = position == index
            let style: StyleName = highlighted ? (isFocused ? .dialogFocus : .dialogButton) : .dialog
            let row = y + offset
            grid.fill(Rect(x: x, y: row, width: width, height: 1), style: .dialog)
            let marker = highlighted ? grid.glyphs.selectionMarker : " "
            let tr = grid.tr
            let gpus = load.pool.gpuCapacity > 0 ? TextFit.pad("\(load.freeGPUs)", toWidth: 4, alignment: .right) + " " + tr("GPUs") : "         "
            let text = "\(marker) " + TextFit.fit(Sanitizer.line(load.pool.id, charset: grid.charset), width: idWidth,
                                                  ellipsis: grid.charset.ellipsis)
                + "  " + TextFit.pad(load.pool.kind.label, toWidth: 4) + "  " + gpus
                + "  " + TextFit.pad(ListFormat.count(load.freeCPUs), toWidth: 6, alignment: .right) + " " + tr("cores free")
                + "  " + TextFit.pad(ListFormat.count(load.queued), toWidth: 5, alignment: .right) + " " + tr("queued")
            grid.put(text, x: x, y: row, width: width, style: style)
        }
    }
}
