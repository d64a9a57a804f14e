import Foundation
import ConsoleCore
import FactoryModel
import SafeText

/// The nodes list's columns and cells.
extension NodesScreen {
    /// The columns for a terminal `width` wide: from 120 columns CPU and memory are meters and a trend shows.
    static func columns(width: Int) -> [TableColumn] {
        let wide = width >= DetailPane.twoColumnWidth
        return [
            TableColumn("NAME", width: .flexible(min: 13, weight: wide ? 2 : 1), priority: 10),
            TableColumn("SITE", width: .fixed(11), priority: 2),
            TableColumn("POOL", width: .fixed(13), priority: 5),
            TableColumn("KIND", width: .fixed(4), priority: 1),
            TableColumn("STATUS", width: .fixed(10), priority: 9),
            wide ? TableColumn("CPU%", width: .flexible(min: 10, weight: 1), priority: 6)
                : TableColumn("CPU%", width: .fixed(4), alignment: .right, priority: 6),
            wide ? TableColumn("MEM%", width: .flexible(min: 10, weight: 1), priority: 4)
                : TableColumn("MEM%", width: .fixed(4), alignment: .right, priority: 4),
            TableColumn("GPUS", width: .fixed(4), alignment: .right, priority: 3),
            TableColumn("GPU%", width: .flexible(min: 11, weight: 1), priority: 7),
            TableColumn("TREND", width: .flexible(min: 12, weight: 1), priority: 0),
            TableColumn("HEARTBEAT", width: .fixed(9), priority: 8),
        ]
    }

    /// The column a sort key orders by.
    static func column(sortedBy key: NodeSortKey) -> Column {
        switch key {
        case .name: .name
        case .site: .site
        case .pool: .pool
        case .kind: .kind
        case .status: .status
        case .cpu: .cpu
        case .memory: .memory
        case .gpu: .gpu
        case .heartbeat: .heartbeat
        }
    }

    static func cells(_ node: NodeSample, state: ConsoleState, sites: [String: String], wide: Bool, glyphs: GlyphSet) -> [ListCell] {
        let status = statusText(node.status, glyphs: glyphs, tr: state.tr)
        let none = ListCell.styled("-", .dim)
        return [
            .plain(node.name),
            .plain(sites[node.site] ?? node.site),
            .plain(node.pool),
            .styled(node.kind.label, .dim),
            .styled(status.text, status.style),
            wide ? .meter(node.cpuUtil) : .styled(ListFormat.percent(node.cpuUtil), MeterThresholds.standard.level(of: node.cpuUtil).style),
            wide ? .meter(node.memUtil) : .styled(ListFormat.percent(node.memUtil), MeterThresholds.standard.level(of: node.memUtil).style),
            node.gpus.isEmpty ? none : .plain(String(node.gpus.count)),
            node.meanGPUUtil.map { ListCell.meter($0) } ?? none,
            .sparkline(state.registry.history(of: node.id)),
            heartbeat(node, now: state.now, tr: state.tr),
        ]
    }

    /// A status as a mark and a word: `✓ up`, `! degraded`, `✗ down`, `↓ draining`.
    static func statusText(_ status: NodeStatus, glyphs: GlyphSet, tr: Localizer) -> (text: String, style: StyleName) {
        switch status {
        case .up: ("\(glyphs.ok) " + tr("up"), .ok)
        case .degraded: ("! " + tr("degraded"), .warn)
        case .down: ("\(glyphs.fail) " + tr("down"), .critical)
        case .draining: ("\(glyphs.arrowDown) " + tr("draining"), .info)
        }
    }

    /// The heartbeat's age: `1s`, or `5m stale` past 30 seconds.
    static func heartbeat(_ node: NodeSample, now: Date, tr: Localizer) -> ListCell {
        let seconds = now.timeIntervalSince(node.heartbeatAt)
        let age = ListFormat.duration(seconds, tr)
        return seconds > staleHeartbeat ? .styled(tr("\(age) stale"), .warn) : .styled(age, .dim)
    }

    static func siteNames(_ state: ConsoleState) -> [String: String] {
        Dictionary((state.store?.sites ?? []).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    static func emptyMessage(_ state: ConsoleState) -> [StyledLine] {
        let tr = state.tr
        let status = state.registry.status
        if state.registry.nodes.isEmpty {
            if let error = status.error {
                return [StyledLine(tr("The node registry did not answer: \(error)"), .critical),
                        StyledLine(tr("Check [registry] url in the config; the console keeps trying."), .dim)]
            }
            return [StyledLine(state.registry.status.lastSuccess == nil ? tr("Waiting for the node registry…") : tr("Waiting for the node registry: it reported no nodes."), .dim)]
        }
        return [StyledLine(tr("No nodes match the filter"), .dim),
                StyledLine(tr("Esc clears it; try site:dakhla, status:down, kind:gpu or part of a name."), .dim)]
    }
}
