import ConsoleCore
import Foundation
import FactoryModel
import SafeText

/// The overview's "Waiting for a human": pending approvals, nearest deadline first, with their risk (mark and
/// word), subject, project, how many approvals they hold of those needed, and the countdown to their deadline.
///
/// ```
/// ─ Waiting for a human ──────────────────────────────────── 23 pending · 4 high ─
///   !! HIGH  A-4821  Allocation des aides eau — Souss-Massa   1 of 2  due 00:04:12
///   !  MED   A-4822  Tri des dossiers RSU — Rabat                     due 00:17:40
///   … 21 more (3 high risk): 4 lists them all
/// ```
enum WaitingSection {
    private static let columns = [
        TableColumn("RISK", width: .fixed(7), priority: 9),
        TableColumn("ID", width: .fixed(7), priority: 5),
        TableColumn("SUBJECT", width: .flexible(min: 14, weight: 1), priority: 9),
        // Shown from about 100 columns; the subject takes the spare width.
        TableColumn("PROJECT", width: .flexible(min: 24, weight: 0), priority: 2),
        TableColumn("APPROVED", width: .fixed(6), alignment: .right, priority: 6),
        TableColumn("DUE", width: .fixed(12), alignment: .right, priority: 9),
    ]

    static func render(_ state: ConsoleState, into grid: inout CellGrid, in rect: Rect) {
        guard rect.height > 0 else { return }
        let glyphs = grid.glyphs
        let queue = state.store?.queue
        let note = queue.map { queue in
            var text = grid.tr("\(ListFormat.count(queue.pendingApprovals)) pending")
            if queue.pendingHighRisk > 0 { text += " \(glyphs.separator) " + grid.tr("\(queue.pendingHighRisk) high") }
            return text
        }
        OverviewRule.draw("Waiting for a human", note: note, into: &grid, x: rect.x, y: rect.y, width: rect.width)
        guard rect.height > 1, let store = state.store, let queue else { return }
        let textX = rect.x + 2
        let textWidth = rect.width - 3
        let pending = store.approvals.rows.filter { $0.state == .pending }.sorted { ($0.dueAt, $0.id) < ($1.dueAt, $1.id) }
        guard !pending.isEmpty else {
            let text = queue.pendingApprovals > 0
                ? grid.tr("\(ListFormat.count(queue.pendingApprovals)) pending: 4 lists them")
                : grid.tr("\(glyphs.ok) Nothing waits for a human.")
            grid.put(text, x: textX, y: rect.y + 1, width: textWidth, style: queue.pendingApprovals > 0 ? .normal : .ok)
            return
        }
        let total = max(queue.pendingApprovals, pending.count)
        let rows = rect.height - 1
        let shownCount = total > rows ? rows - 1 : min(rows, pending.count)
        let shown = pending.prefix(max(0, shownCount))
        let frame = ListFrame(columns: columns, x: rect.x, width: rect.width - 1)
        for (offset, approval) in shown.enumerated() {
            frame.drawRow(cells(approval, now: state.now, warning: state.options.rules.escalationWarning, glyphs: glyphs, tr: grid.tr),
                          into: &grid, y: rect.y + 1 + offset, selected: false)
        }
        let more = total - shown.count
        guard more > 0 else { return }
        let highShown = shown.filter { $0.risk == .high }.count
        let highMore = max(0, queue.pendingHighRisk - highShown)
        var text = grid.tr("\(grid.charset.ellipsis) \(ListFormat.count(more)) more")
        if highMore > 0 { text += grid.tr(" (\(highMore) high risk)") }
        grid.put(text + grid.tr(": 4 lists them all"), x: textX, y: rect.y + 1 + shown.count, width: textWidth,
                 style: highMore > 0 ? .warn : .dim)
    }

    private static func cells(_ approval: Approval, now: Date, warning: TimeInterval, glyphs: GlyphSet, tr: Localizer) -> [ListCell] {
        let due = ApprovalFormat.due(approval, now: now, tr, warning: warning)
        let dueText = due.text == tr("OVERDUE") ? due.text : tr("due \(due.text)")
        return [
            .styled(ApprovalFormat.risk(approval.risk, tr), ApprovalFormat.style(approval.risk)),
            .styled(approval.id.description, .dim),
            .plain(approval.subject),
            .styled(approval.projectName + " \(glyphs.separator) " + approval.instituteID, .dim),
            .styled(approval.requiredApprovals > 1 ? ApprovalFormat.progress(approval, tr) : "", .normal),
            .styled(dueText, due.style),
        ]
    }
}
