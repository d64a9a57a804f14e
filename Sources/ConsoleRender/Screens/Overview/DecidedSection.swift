import ConsoleCore
import FactoryModel
import Foundation

/// On a large overview, under what waits: the approvals decided most recently (of those loaded), newest first,
/// with the outcome as a mark and a word, who decided and when.
///
/// ```
/// ─ Decided recently ─────────────────────────────────────────────
///   ✓ approved   A-4807  Priorisation des investissements   sup-justice   02:58:10
///   ✗ rejected   A-4808  Traduction darija → ⵜⴰⵎⴰⵣⵉⵖⵜ — lot 420   sup-national  02:41:03
///   ! expired    A-4806  Coupure programmée — réseau de Guelmim              01:10:00
/// ```
enum DecidedSection {
    private static let columns = [
        TableColumn("OUTCOME", width: .fixed(11), priority: 9),
        TableColumn("ID", width: .fixed(7), priority: 5),
        TableColumn("SUBJECT", width: .flexible(min: 14, weight: 5), priority: 9),
        TableColumn("BY", width: .flexible(min: 12, weight: 1), priority: 6),
        TableColumn("WHEN", width: .fixed(11), alignment: .right, priority: 8),
    ]

    static func render(_ state: ConsoleState, into grid: inout CellGrid, in rect: Rect) {
        guard rect.height > 1, let store = state.store else { return }
        let decided = store.approvals.rows.filter { $0.state != .pending && $0.decidedAt != nil }
            .sorted { ($0.decidedAt ?? .distantPast, $0.id) > ($1.decidedAt ?? .distantPast, $1.id) }
        guard !decided.isEmpty else { return }
        OverviewRule.draw("Decided recently", note: nil, into: &grid, x: rect.x, y: rect.y, width: rect.width)
        let frame = ListFrame(columns: columns, x: rect.x, width: rect.width - 1)
        for (offset, approval) in decided.prefix(rect.height - 1).enumerated() {
            frame.drawRow(cells(approval, now: state.now, glyphs: grid.glyphs, tr: grid.tr), into: &grid, y: rect.y + 1 + offset,
                          selected: false)
        }
    }

    private static func cells(_ approval: Approval, now: Date, glyphs: GlyphSet, tr: Localizer) -> [ListCell] {
        let mark: String
        switch approval.state {
        case .approved: mark = glyphs.ok
        case .rejected: mark = glyphs.fail
        case .expired: mark = "!"
        case .withdrawn, .pending: mark = " "
        }
        let last = approval.decisions.last
        let by = approval.state == .approved || approval.state == .rejected ? (last?.decidedBy ?? "") : ""
        return [
            .styled("\(mark) \(tr.word(approval.state))", ApprovalFormat.style(approval.state)),
            .styled(approval.id.description, .dim),
            .plain(approval.subject),
            .styled(by, .dim),
            .styled(approval.decidedAt.map { ListFormat.moment($0, now: now) } ?? "", .dim),
        ]
    }
}
