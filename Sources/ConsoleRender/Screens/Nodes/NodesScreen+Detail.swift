import Foundation
import ConsoleCore
import FactoryModel
import SafeText

/// The nodes screen's detail pane.
extension NodesScreen {
    /// The node's detail: CPU and memory meters, its history, and one line per GPU (utilisation, memory,
    /// temperature with hot GPUs marked, power). On a narrow terminal (one column) the GPUs come right after the
    /// meters, without their headings.
    static func detail(_ node: NodeSample, state: ConsoleState, sites: [String: String], glyphs: GlyphSet, wide: Bool) -> DetailPane {
        let separator = " \(glyphs.separator) "
        let tr = state.tr
        let status = statusText(node.status, glyphs: glyphs, tr: tr)
        let siteName = sites[node.site] ?? node.site
        let heartbeatAge = state.now.timeIntervalSince(node.heartbeatAt)
        let stale = heartbeatAge > staleHeartbeat
        let rule = ListRule(
            title: [.init(node.name, .title), .init(separator + siteName + separator + node.pool + separator + node.kind.label, .dim),
                    .init(separator, .dim), .init(status.text, status.style)],
            trailing: [.init(tr("heartbeat \(ListFormat.relative(node.heartbeatAt, now: state.now, tr))"), stale ? .warn : .dim)]
        )
        let labelWidth = DetailPane.labelWidth
        let meters = DetailPane.Item.custom { grid, x, y, width in
            let meterWidth = max(10, min(24, (width - 2 * labelWidth - 2) / 2))
            StyledLine("CPU", .dim).render(into: &grid, x: x, y: y, width: labelWidth)
            Meter(percent: node.cpuUtil).render(into: &grid, x: x + labelWidth, y: y, width: meterWidth)
            let memoryX = x + labelWidth + meterWidth + 3
            let memory = tr("memory")
            let memoryWidth = max(7, DisplayWidth.of(memory) + 1)
            StyledLine(memory, .dim).render(into: &grid, x: memoryX, y: y, width: memoryWidth)
            Meter(percent: node.memUtil).render(into: &grid, x: memoryX + memoryWidth, y: y, width: meterWidth)
        }
        let history = DetailPane.Item.custom { grid, x, y, width in
            let history = state.registry.history(of: node.id)
            StyledLine(tr("history"), .dim).render(into: &grid, x: x, y: y, width: labelWidth)
            guard !history.isEmpty else {
                StyledLine(tr("none yet"), .dim).render(into: &grid, x: x + labelWidth, y: y, width: width - labelWidth)
                return
            }
            let chartWidth = min(history.count, max(1, width - labelWidth - 24))
            Sparkline(values: history).render(into: &grid, x: x + labelWidth, y: y, width: chartWidth)
            let what = node.gpus.isEmpty ? "CPU" : tr("GPU mean")
            StyledLine("  " + tr("\(what), last \(min(chartWidth, history.count)) samples"), .dim)
                .render(into: &grid, x: x + labelWidth + chartWidth, y: y, width: width - labelWidth - chartWidth)
        }
        var heartbeat: [DetailPane.Item] = []
        if wide || stale {
            heartbeat.append(.line(.field(tr("heartbeat"), [
                .init(ListFormat.full(node.heartbeatAt)),
                .init(" (\(ListFormat.relative(node.heartbeatAt, now: state.now, tr)))", stale ? .warn : .dim),
            ] + (stale ? [.init("  " + tr("stale: the node stopped reporting"), .warn)] : []))))
        }
        if state.registry.status.isStale(at: state.now, interval: state.options.refreshInterval),
           let age = state.registry.status.age(at: state.now) {
            heartbeat.append(.line(StyledLine(tr("\(glyphs.fail) registry data is \(ListFormat.duration(age, tr)) old: figures may have moved"), .critical)))
        }
        var gpus: [DetailPane.Item] = []
        if node.gpus.isEmpty {
            gpus.append(.line(StyledLine(tr("No GPUs on this node."), .dim)))
        } else {
            if wide { gpus.append(.custom { grid, x, y, width in gpuLine(nil, into: &grid, x: x, y: y, width: width) }) }
            for gpu in node.gpus.sorted(by: { $0.index < $1.index }) {
                gpus.append(.custom { grid, x, y, width in gpuLine(gpu, labelled: !wide, into: &grid, x: x, y: y, width: width) })
            }
        }
        return wide
            ? DetailPane(rule: rule, main: [meters, history] + heartbeat, side: gpus)
            : DetailPane(rule: rule, main: heartbeat + [meters] + gpus + [history])
    }

    /// `0    H100 SXM5 80GB   ███████░░░  81%   52.1/80.0 GiB   71 °C      512 W` (hot GPUs marked `! 87 °C hot`),
    /// or the headings of these columns when `gpu` is nil.
    static func gpuLine(_ gpu: GPUSample?, labelled: Bool = false, into grid: inout CellGrid, x: Int, y: Int, width: Int) {
        let end = x + width
        var column = x
        func put(_ text: String, _ columns: Int, _ style: StyleName = .normal, _ alignment: TextAlignment = .left) {
            guard column < end else { return }
            grid.put(text, x: column, y: y, width: min(columns, end - column), alignment: alignment, style: gpu == nil ? .header : style)
            column += columns
        }
        guard let gpu else {
            for (title, columns, alignment) in [("GPU", 5, TextAlignment.left), ("MODEL", 17, .left), ("UTIL", 20, .left),
                                                ("MEMORY", 17, .left), ("TEMP", 11, .left), ("POWER", 6, .right)] {
                put(grid.tr.template(title), columns, .header, alignment)
            }
            return
        }
        put(labelled ? "GPU \(gpu.index)" : String(gpu.index), labelled ? 7 : 5, labelled ? .dim : .normal)
        put(gpu.model, 15)
        column += 2
        if column + 18 <= end { Meter(percent: gpu.util).render(into: &grid, x: column, y: y, width: 18) }
        column += 20
        let memory = "\(ListFormat.decimal(gpu.memUsedMiB / 1024))/\(ListFormat.decimal(gpu.memTotalMiB / 1024)) GiB"
        put(memory, 15, MeterThresholds.standard.level(of: gpu.memUtil) == .critical ? .critical : .normal)
        column += 2
        let hot = gpu.tempC >= hotCelsius
        put(hot ? grid.tr("! \(Int(gpu.tempC.rounded())) °C hot") : "\(Int(gpu.tempC.rounded())) °C", 11, hot ? .critical : .normal)
        put("\(Int(gpu.powerW.rounded())) W", 6, .normal, .right)
    }
}
