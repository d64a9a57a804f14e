import ConsoleCore
import FactoryModel
import SafeText

/// The overview's capacity: one line per kind with nodes up, a utilisation meter, its recent history, memory,
/// and the down nodes (or the busiest sites); on terminals of 40 rows or more, the same per site below, in as many
/// columns as the width holds.
///
/// ```
/// ─ Capacity ─────────────────────────────────────────────────────────────────
///   GPU   412/420 up  █████████▌░░░░  81%  ▁▂▄▆▇█▇▆  vram 74%  Dakhla 88% · Benguerir 71%
///   Edge   61/ 64 up  ███▌░░░░░░░░░░  25%  ▂▁▂▂▃▂▂▁  mem 40%   ! 3 down: zagora-1, tata-2, …
///   Benguerir   GPU  96/ 96  ██████████▍░░  81%  ▃▄▅▆▆▇  vram 70%    Rabat       CPU  ...
/// ```
/// Without a registry it says so plainly and shows what the job store knows (allocation per kind); stale data is
/// marked on the rule.
enum CapacitySection {
    static func render(_ state: ConsoleState, into grid: inout CellGrid, in rect: Rect) {
        guard rect.height > 0, rect.width > 10 else { return }
        let glyphs = grid.glyphs
        let status = state.registry.status
        let freshness = SourceFreshness(label: state.registry.sourceName, status: status, now: state.now,
                                        interval: state.options.refreshInterval)
        let note = freshness.staleNote(glyphs: glyphs, tr: state.tr).map { "\(state.tr.template(state.registry.sourceName)) \($0)" }
        OverviewRule.draw("Capacity", note: note, noteStyle: .critical, into: &grid, x: rect.x, y: rect.y, width: rect.width)
        let x = rect.x + 2
        let width = rect.width - 3
        guard rect.height > 1 else { return }
        guard status.configured else {
            grid.put(grid.tr("No node registry configured — set [registry] url or --registry"), x: x, y: rect.y + 1,
                     width: width, style: .warn)
            for (offset, allocation) in CapacityAllocation.of(state).prefix(rect.height - 2).enumerated() {
                allocation.render(into: &grid, x: x, y: rect.y + 2 + offset, width: width)
            }
            return
        }
        guard !state.registry.nodes.isEmpty else {
            let text = status.error.map { grid.tr("\(glyphs.fail) No usable answer from the node registry: \($0)") }
                ?? grid.tr("Waiting for the node registry") + grid.charset.ellipsis
            // The cause is at the end of the message: wrapped over the section's rows rather than cut.
            WrappedText.render(Sanitizer.line(text, charset: grid.charset), into: &grid,
                               in: Rect(x: x, y: rect.y + 1, width: width, height: rect.height - 1),
                               style: status.error == nil ? .dim : .critical)
            return
        }
        let figures = CapacityFigures.of(state.registry.totals, sites: state.store?.sites ?? [])
        let digits = String(figures.map(\.total).max() ?? 0).count
        for (offset, kind) in figures.prefix(rect.height - 1).enumerated() {
            line(kind, history: state.registry.kindHistory[kind.kind] ?? [], digits: digits, into: &grid, x: x,
                 y: rect.y + 1 + offset, width: width)
        }
        let rows = rect.height - 1 - figures.count
        guard rows > 0 else { return }
        sites(figures, history: state.registry.siteHistory, into: &grid, x: x, y: rect.y + 1 + figures.count, width: width, rows: rows)
    }

    /// The width of one site's entry, the gap included.
    static let siteEntryWidth = 66
    /// Terminal rows left to the rest of the overview before any site line is drawn.
    static let rowsBeforeSites = 36
    /// The smallest terminal height that shows site lines (four of them at first).
    static let siteLinesFromHeight = 40

    /// The rows the section wants: its rule, a line per kind and the site lines the terminal has room for (or the
    /// warning line and the allocations without a registry).
    static func height(_ state: ConsoleState) -> Int {
        guard state.registry.status.configured else { return 2 + CapacityAllocation.of(state).count }
        return 4 + siteRows(state)
    }

    /// Site lines: none below 40 rows; otherwise enough for every site, up to the rows beyond ``rowsBeforeSites``.
    static func siteRows(_ state: ConsoleState) -> Int {
        let room = state.size.height - rowsBeforeSites
        let entries = state.registry.totals.reduce(0) { $0 + $1.sites.count }
        guard state.size.height >= siteLinesFromHeight, entries > 0 else { return 0 }
        let columns = max(1, (state.size.width - 3) / siteEntryWidth)
        return min(room, (entries + columns - 1) / columns)
    }

    /// Every site of every kind, down the columns: `rows` lines, as many columns as `width` holds; when they do
    /// not all fit, the last place says how many more the Nodes screen has.
    private static func sites(
        _ figures: [CapacityFigures], history: [KindAtSite: [Double]], into grid: inout CellGrid, x: Int, y: Int,
        width: Int, rows: Int
    ) {
        let entries = figures.flatMap { kind in kind.sites.map { (kind: kind.kind, site: $0) } }
        let columns = max(1, width / siteEntryWidth)
        let columnWidth = width / columns
        let places = rows * columns
        let shown = entries.count > places ? places - 1 : entries.count
        let nameWidth = min(16, max(8, entries.map { DisplayWidth.of(Sanitizer.line($0.site.name, charset: grid.charset)) }.max() ?? 8))
        for (index, entry) in entries.prefix(shown).enumerated() {
            siteLine(entry.site, kind: entry.kind, history: history[KindAtSite(kind: entry.kind, site: entry.site.id)] ?? [],
                     nameWidth: nameWidth, into: &grid, x: x + index / rows * columnWidth, y: y + index % rows,
                     width: columnWidth - 2)
        }
        if shown < entries.count {
            let more = grid.tr("+\(entries.count - shown) more sites: 2 Nodes")
            grid.put(more, x: x + shown / rows * columnWidth, y: y + shown % rows, width: columnWidth - 2, style: .dim)
        }
    }

    /// One site's line: `Dakhla   GPU  34/ 34  ████▌░░  75%  ▆▅▅▄▃  vram 64%`.
    private static func siteLine(
        _ site: CapacityFigures.SiteFigures, kind: ResourceKind, history: [Double], nameWidth: Int,
        into grid: inout CellGrid, x: Int, y: Int, width: Int
    ) {
        var column = x
        grid.put(site.name, x: column, y: y, width: nameWidth)
        column += nameWidth + 1
        grid.put(kind.label, x: column, y: y, width: 4, style: .dim)
        column += 5
        let counts = TextFit.pad("\(site.up)", toWidth: 3, alignment: .right) + "/" + TextFit.pad("\(site.total)", toWidth: 3, alignment: .right)
        column += grid.put(counts, x: column, y: y, style: site.up < site.total ? .warn : .normal) + 2
        let meterWidth = 14
        guard x + width - column >= meterWidth else { return }
        Meter(percent: site.utilisation).render(into: &grid, x: column, y: y, width: meterWidth)
        column += meterWidth + 2
        let sparkWidth = min(12, x + width - column - 10)
        guard sparkWidth >= 4 else { return }
        Sparkline(values: history).render(into: &grid, x: column, y: y, width: sparkWidth)
        column += sparkWidth + 2
        let memory = grid.tr(kind == .gpu ? "vram " : "mem ") + (site.memory.map(ListFormat.percent) ?? "--")
        grid.put(memory, x: column, y: y, width: x + width - column, style: .dim)
    }

    /// One kind's line.
    private static func line(
        _ figures: CapacityFigures, history: [Double], digits: Int, into grid: inout CellGrid, x: Int, y: Int, width: Int
    ) {
        let glyphs = grid.glyphs
        let meterWidth = width < 100 ? 14 : min(32, width / 5)
        let sparkWidth = width < 100 ? 8 : min(30, width / 7)
        var column = x
        column += grid.put(figures.kind.label, x: column, y: y, width: 5, style: .header)
        let up = TextFit.pad("\(figures.up)", toWidth: digits, alignment: .right)
        let counts = grid.tr("\(up)/\(TextFit.pad("\(figures.total)", toWidth: digits, alignment: .right)) up")
        column += grid.put(counts, x: column, y: y, style: figures.down > 0 ? .warn : .normal) + 1
        Meter(percent: figures.utilisation).render(into: &grid, x: column, y: y, width: meterWidth)
        column += meterWidth + 2
        Sparkline(values: history).render(into: &grid, x: column, y: y, width: sparkWidth)
        column += sparkWidth + 2
        let memory = grid.tr(figures.kind == .gpu ? "vram " : "mem ") + (figures.memory.map(ListFormat.percent) ?? "--")
        column += grid.put(TextFit.pad(memory, toWidth: 8), x: column, y: y, style: .dim) + 2
        let room = x + width - column
        guard room > 4 else { return }
        var spans: [StyledLine.Part] = []
        if figures.down > 0 {
            let head = grid.tr("! \(figures.down) down: ")
            let names = OverviewText.fitList(figures.downNames, more: figures.down - figures.downNames.count,
                                             width: room - DisplayWidth.of(head), charset: grid.charset)
            spans.append(StyledLine.Part(head + names, .critical))
        }
        let used = StyledLine(spans).width(charset: grid.charset)
        let busiest = figures.busiestSites.map { "\($0.name) \(ListFormat.percent($0.percent))" }
        let left = room - used - (spans.isEmpty ? 0 : 3)
        if !busiest.isEmpty, left >= 12 {
            if !spans.isEmpty { spans.append(StyledLine.Part(" \(glyphs.separator) ", .dim)) }
            spans.append(StyledLine.Part(OverviewText.fitList(busiest, more: 0, width: left, charset: grid.charset,
                                                              separator: " \(glyphs.separator) ", countsRest: false), .normal))
        }
        StyledLine(spans).render(into: &grid, x: column, y: y, width: room)
    }
}
