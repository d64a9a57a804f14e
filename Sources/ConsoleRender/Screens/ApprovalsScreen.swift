import ConsoleCore
import FactoryModel
import Foundation

/// The approvals list: pending ones first (nearest deadline first by default), then those decided.
///
/// ```
///  1 Ovw 2 Nodes 3 Runs [4 Approvals] 5 Inst 6 Audit ───────── 23 pending · sort: due ↑ ─
///    ID       RISK     DUE ↑  STATE     SUBJECT                                APPROVED
///  ▶ A-4821   !! HIGH  00:03:55  pending   Allocation des aides eau — Souss-Massa   1 of 2
/// ```
/// Row `i` on screen is the absolute row `list.top + i` of the store's window; rows not loaded yet show as a dim
/// ellipsis. With the detail open, the selected approval's full story shows under the list.
enum ApprovalsScreen {
    static let columns = [
        TableColumn("ID", width: .fixed(7), priority: 9),
        TableColumn("RISK", width: .fixed(7), priority: 8),
        TableColumn("DUE", width: .fixed(8), alignment: .right, priority: 8),
        TableColumn("STATE", width: .fixed(9), priority: 6),
        TableColumn("SUBJECT", width: .flexible(min: 16, weight: 4), priority: 9),
        TableColumn("PROJECT", width: .flexible(min: 14, weight: 2), priority: 3),
        TableColumn("APPROVED", width: .fixed(8), alignment: .right, priority: 5),
    ]

    static func render(_ state: ConsoleState, into grid: inout CellGrid, layout: ScreenLayout) {
        let list = state.lists[.approvals] ?? ListState()
        let glyphs = grid.glyphs
        let frame = ListFrame(columns: columns, width: grid.width)
        let sortKey = ApprovalColumns.sortKeys[min(list.sortColumn, ApprovalColumns.sortKeys.count - 1)]
        let sortedColumn: Int? = switch sortKey {
        case .due: 2
        case .risk: 1
        case .id: 0
        case .requested: nil
        }
        let descending = (sortKey == .risk || sortKey == .requested) != list.descending
        frame.drawHeadings(into: &grid, y: layout.listTop - 1, sortedColumn: sortedColumn, descending: descending)

        guard let store = state.store else {
            ListFrame.drawMessage([StyledLine(grid.tr("Reading the job store") + grid.charset.ellipsis, .dim)], into: &grid,
                                  layout: layout)
            return
        }
        ScreenNote.draw(note(store, list: list, glyphs: glyphs, tr: grid.tr), into: &grid, row: layout.banners + 1)

        let total = store.approvals.total
        guard total > 0 else {
            ListFrame.drawMessage(emptyMessage(list, glyphs: glyphs, tr: grid.tr), into: &grid, layout: layout)
            return
        }
        frame.drawRows(into: &grid, top: layout.listTop, rows: layout.listRows, list: list, count: total) { index in
            store.approvals.row(at: index).map {
                cells($0, now: state.now, warning: state.options.rules.escalationWarning, tr: state.tr)
            }
        }
        if let detailTop = layout.detailTop {
            let area = Rect(x: 0, y: detailTop, width: grid.width, height: layout.detailRows + 1)
            if let approval = store.approvals.row(at: list.selected) {
                ApprovalDetailPane.render(
                    approval, now: state.now, into: &grid, in: area, oversight: ApprovalOversightLines.lines(approval, state: state)
                )
            } else {
                SectionRule(title: grid.tr("Details")).render(into: &grid, x: 0, y: detailTop, width: grid.width)
            }
        }
    }

    /// Nothing at all, or nothing that matches the filter, and what to do about it.
    static func emptyMessage(_ list: ListState, glyphs: GlyphSet, tr: Localizer) -> [StyledLine] {
        guard !list.filter.isEmpty else {
            return [StyledLine(tr("\(glyphs.ok) Nothing waits for a human: no approval has been asked for."), .ok)]
        }
        return [StyledLine([.init(tr("No approvals match the filter "), .normal), .init(list.filter, .info)]),
                StyledLine(tr("Esc clears it. Filters: state:pending (or approved, rejected, expired, withdrawn) and free text."),
                           .dim)]
    }

    /// `23 pending (4 high) · filter: eau · sort: due ↑`, then shorter forms for narrow terminals.
    private static func note(_ store: StoreSnapshot, list: ListState, glyphs: GlyphSet, tr: Localizer) -> [[StyledLine.Part]] {
        let separator = StyledLine.Part(" \(glyphs.separator) ", .dim)
        let queue = store.queue
        var pending = [StyledLine.Part(tr("\(ListFormat.count(queue.pendingApprovals)) pending"), .dim)]
        if queue.pendingHighRisk > 0 { pending.append(StyledLine.Part(tr(" (\(queue.pendingHighRisk) high)"), .critical)) }
        let filter = list.filter.isEmpty ? [] : [separator, StyledLine.Part(tr("filter: \(list.filter)"), .dim)]
        let sort = StatusHint.sort(.approvals, list, glyphs: glyphs, tr: tr).map { [separator, StyledLine.Part(tr("sort: \($0)"), .dim)] } ?? []
        return [pending + filter + sort, pending + sort, pending]
    }

    private static func cells(_ approval: Approval, now: Date, warning: TimeInterval, tr: Localizer) -> [ListCell] {
        let due = ApprovalFormat.due(approval, now: now, tr, warning: warning)
        return [
            .plain(approval.id.description),
            .styled(ApprovalFormat.risk(approval.risk, tr), ApprovalFormat.style(approval.risk)),
            .styled(due.text, due.style),
            .styled(tr.word(approval.state), ApprovalFormat.style(approval.state)),
            .plain(approval.subject),
            .styled(approval.projectName, .dim),
            .plain(ApprovalFormat.progress(approval, tr)),
        ]
    }
}
