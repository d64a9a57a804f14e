import Foundation
import ConsoleCore
import FactoryModel
import SafeText

/// The audit screen: the window of the tamper-evident audit trail the store loaded, newest first, and whether
/// the hash chain checks out.
///
/// ```
///     SEQ  AT        ACTOR              ACTION        SUBJECT     OUTCOME     DETAILS
/// ▶   118  03:12:40  sup-eau            approve       A-4821      ✓ ok        approvals="1 of 2" reason=…
///      57  02:10:05  ops-nuit via root  cancel        R-190101    ✗ denied    reason="needs the operator role"
/// ```
/// When the chain is broken, the rule says where in the critical style and the record where it breaks is marked
/// `✗` in the SEQ column. Details come from the record's JSON, sanitised, as `key=value` pairs.
enum AuditScreen {
    /// The columns, in order.
    enum Column: Int, CaseIterable {
        case seq, at, actor, action, subject, outcome, details
    }

    static func render(_ state: ConsoleState, into grid: inout CellGrid, layout: ScreenLayout) {
        let list = state.lists[.audit] ?? ListState()
        ScreenNote.draw(note(state, glyphs: grid.glyphs), into: &grid, row: layout.banners + 1)
        let wide = grid.width >= DetailPane.twoColumnWidth
        let frame = ListFrame(columns: columns(wide: wide), width: grid.width)
        frame.drawHeadings(into: &grid, y: layout.listTop - 1)
        guard let store = state.store else {
            ListFrame.drawMessage([StyledLine(grid.tr("Reading the job store…"), .dim)], into: &grid, layout: layout)
            return
        }
        let window = store.audit
        guard window.total > 0 else {
            ListFrame.drawMessage(list.filter.isEmpty
                ? [StyledLine(grid.tr("The audit trail is empty."), .dim)]
                : [StyledLine([.init(grid.tr("No audit record matches the filter ")), .init(list.filter, .info)]),
                   StyledLine(grid.tr("Esc clears it; the filter looks in actors, actions, subjects and details."), .dim)],
                into: &grid, layout: layout)
            return
        }
        let glyphs = grid.glyphs
        let tr = grid.tr
        let now = state.now
        let broken = store.auditBreak?.seq
        frame.drawRows(into: &grid, top: layout.listTop, rows: layout.listRows, list: list, count: window.total) { index in
            window.row(at: index).map { cells($0, now: now, wide: wide, brokenAt: broken, glyphs: glyphs, tr: tr) }
        }
        if list.detailOpen, let top = layout.detailTop {
            if let record = window.row(at: list.selected) {
                detail(record, state: state, glyphs: glyphs, wide: wide).render(into: &grid, layout: layout)
            } else {
                ListRule(title: [.init(grid.tr("Loading the record…"), .dim)]).render(into: &grid, x: 0, y: top, width: grid.width)
            }
        }
    }

    // MARK: Note

    /// The tab rule's note: `chain ✓ verified · 118 records`, or `chain ✗ BROKEN at 57 · 118 records` (critical);
    /// shorter forms for narrow terminals keep the chain's state.
    static func note(_ state: ConsoleState, glyphs: GlyphSet) -> [[StyledLine.Part]] {
        guard let store = state.store else { return [] }
        let tr = state.tr
        let list = state.lists[.audit] ?? ListState()
        var segments: [ScreenNote.Segment] = []
        if let broken = store.auditBreak {
            segments.append(.init([.init(tr("chain \(glyphs.fail) BROKEN at \(broken.seq)"), .critical)], priority: 9))
        } else if !store.auditVerified {
            segments.append(.init([.init(tr("chain being verified\(glyphs.ellipsis)"), .dim)], priority: 9))
        } else {
            segments.append(.init([.init(tr("chain \(glyphs.ok) verified"), .ok)], priority: 9))
        }
        segments.append(.init([.init(ListFormat.counted(store.audit.total, "record", tr), .dim)], priority: 6))
        if !list.filter.isEmpty { segments.append(.filter(list.filter, priority: 5, tr)) }
        return ScreenNote.forms(segments, separator: " \(glyphs.separator) ")
    }
}
