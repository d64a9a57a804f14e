import ConsoleCore
import FactoryModel

/// The quiet line shown when nothing else needs the status line: how many rows, the filter, the sort; on the
/// overview, what waits for a human.
enum StatusHint {
    static func text(for state: ConsoleState, glyphs: GlyphSet) -> String {
        let tr = state.tr
        let separator = " \(glyphs.separator) "
        guard state.screen.hasList else { return overview(state, separator: separator) }
        let list = state.list
        var parts = [ListFormat.counted(state.rowCount(state.screen), "row", tr)]
        if !list.filter.isEmpty { parts.append(tr("filter: \(list.filter)")) }
        if let sort = sort(state.screen, list, glyphs: glyphs, tr: tr) { parts.append(tr("sort: \(sort)")) }
        parts.append(list.detailOpen ? tr("Enter closes the detail") : tr("Enter opens the detail"))
        return parts.joined(separator: separator)
    }

    private static func overview(_ state: ConsoleState, separator: String) -> String {
        let tr = state.tr
        guard let queue = state.store?.queue else { return tr("Reading the job store…") }
        let keys = state.options.keyMap
        guard queue.pendingApprovals > 0 else {
            return tr("Nothing waits for a human") + (keys.primaryLabel(for: .help).map { separator + tr("\($0) shows every key") } ?? "")
        }
        var text = tr("\(ListFormat.count(queue.pendingApprovals)) waiting for a human")
        if let due = queue.nearestDue {
            text += separator + tr("nearest due in \(ApprovalFormat.countdown(to: due, now: state.now))")
        }
        return text + (keys.primaryLabel(for: .approve).map { separator + tr("\($0) approves it") } ?? "")
    }

    /// `due ↑`, `submitted ↓`…: the sort column and its direction as shown.
    static func sort(_ screen: Screen, _ list: ListState, glyphs: GlyphSet, tr: Localizer) -> String? {
        let name: String
        var descending = list.descending
        switch screen {
        case .runs:
            name = RunColumns.sortKeys[min(list.sortColumn, RunColumns.sortKeys.count - 1)].rawValue
        case .approvals:
            let key = ApprovalColumns.sortKeys[min(list.sortColumn, ApprovalColumns.sortKeys.count - 1)]
            name = key.rawValue
            // Risk and request time read highest and newest first; `reversed` flips the natural order.
            if key == .risk || key == .requested { descending.toggle() }
        case .nodes:
            name = NodeSortKey.allCases[min(list.sortColumn, NodeSortKey.allCases.count - 1)].rawValue
        case .overview, .institutes, .audit:
            return nil
        }
        return tr.template(name) + " " + (descending ? glyphs.arrowDown : glyphs.arrowUp)
    }
}
