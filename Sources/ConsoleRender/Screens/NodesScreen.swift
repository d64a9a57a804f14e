import Foundation
import ConsoleCore
import FactoryModel
import SafeText

/// The nodes screen: one row per node of the registry's last good sample, filtered and sorted
/// (``ConsoleCore/ConsoleState/visibleNodes``), and the selected node's GPUs in the detail pane.
///
/// ```
///   NAME           POOL           STATUS      CPU%  MEM%  GPU%          HEARTBEAT
/// ▶ dkh-gpu-001    dakhla-gpu     ✓ up          41    62  ██████▌░  81%  1s
///   zagora-1       edge-sud       ✗ down        12    40  -             5m stale
/// ```
/// From 120 columns CPU and memory become meters and a history sparkline shows. Without a registry the screen
/// says how to configure one; with stale data it keeps the last good sample and says how old it is.
enum NodesScreen {
    /// A heartbeat older than this is marked stale.
    static let staleHeartbeat: TimeInterval = 30
    /// A GPU this hot or hotter is marked.
    static let hotCelsius: Double = 85

    /// The columns, in order.
    enum Column: Int, CaseIterable {
        case name, site, pool, kind, status, cpu, memory, gpus, gpu, trend, heartbeat
    }

    static func render(_ state: ConsoleState, into grid: inout CellGrid, layout: ScreenLayout) {
        let registry = state.registry
        let list = state.lists[.nodes] ?? ListState()
        let nodes = registry.status.configured ? state.visibleNodes : []
        ScreenNote.draw(note(state, nodes: nodes, glyphs: grid.glyphs), into: &grid, row: layout.banners + 1)
        guard registry.status.configured else {
            ListFrame.drawMessage([
                StyledLine(grid.tr("No node registry configured: set [registry] url in the config or start with --registry URL."), .warn),
                StyledLine(grid.tr("Runs, approvals, institutes and the audit trail work without it."), .dim),
            ], into: &grid, layout: layout)
            return
        }
        let frame = ListFrame(columns: columns(width: grid.width).localized(grid.tr, french: ["HEARTBEAT": 10]), width: grid.width)
        let key = NodeSortKey.allCases[min(list.sortColumn, NodeSortKey.allCases.count - 1)]
        frame.drawHeadings(into: &grid, y: layout.listTop - 1, sortedColumn: column(sortedBy: key).rawValue,
                           descending: list.descending)
        if nodes.isEmpty {
            ListFrame.drawMessage(emptyMessage(state), into: &grid, layout: layout)
            return
        }
        let sites = siteNames(state)
        let wide = grid.width >= DetailPane.twoColumnWidth
        let glyphs = grid.glyphs
        frame.drawRows(into: &grid, top: layout.listTop, rows: layout.listRows, list: list, count: nodes.count) { index in
            nodes.indices.contains(index) ? cells(nodes[index], state: state, sites: sites, wide: wide, glyphs: glyphs) : nil
        }
        if list.detailOpen, nodes.indices.contains(list.selected) {
            detail(nodes[list.selected], state: state, sites: sites, glyphs: glyphs, wide: wide).render(into: &grid, layout: layout)
        }
    }

    // MARK: Note

    /// The tab rule's note: `79 nodes (3 down) · sort: name ↑`, with `✗ stale 42s` first when the registry's data
    /// is old, and the filter when one is set; shorter forms for narrow terminals.
    static func note(_ state: ConsoleState, nodes: [NodeSample], glyphs: GlyphSet) -> [[StyledLine.Part]] {
        let tr = state.tr
        guard state.registry.status.configured else { return [[.init(tr("no registry configured"), .warn)]] }
        let list = state.lists[.nodes] ?? ListState()
        var segments: [ScreenNote.Segment] = []
        let status = state.registry.status
        if status.isStale(at: state.now, interval: state.options.refreshInterval) {
            let age = status.age(at: state.now).map { tr("stale \(ListFormat.duration($0, tr))") } ?? tr("no data yet")
            segments.append(.init([.init("\(glyphs.fail) \(age)", .critical)], priority: 9))
        }
        let all = state.registry.nodes.count
        let shown = nodes.count == all ? ListFormat.count(all) : tr("\(ListFormat.count(nodes.count)) of \(ListFormat.count(all))")
        var count: [StyledLine.Part] = [.init(shown + " " + ListFormat.noun("node", for: all, tr), .dim)]
        let down = nodes.filter { $0.status == .down }.count
        let degraded = nodes.filter { $0.status == .degraded }.count
        if down > 0 { count.append(.init(tr(" (\(down) down)"), .critical)) }
        if degraded > 0 { count.append(.init(tr(" (\(degraded) degraded)"), .warn)) }
        segments.append(.init(count, priority: 8))
        if !list.filter.isEmpty { segments.append(.filter(list.filter, priority: 5, tr)) }
        let key = NodeSortKey.allCases[min(list.sortColumn, NodeSortKey.allCases.count - 1)]
        let arrow = list.descending ? glyphs.arrowDown : glyphs.arrowUp
        segments.append(.init([.init(tr("sort: \(tr.template(key.rawValue)) \(arrow)"), .dim)], priority: 4))
        return ScreenNote.forms(segments, separator: " \(glyphs.separator) ")
    }
}
