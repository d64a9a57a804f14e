import Foundation
import ConsoleCore
import FactoryModel
import SafeText

/// The runs screen: the window of the runs list the store loaded (filtered and sorted by the store), and the
/// selected run's story in the detail pane.
///
/// ```
///   ID        STATE                PRI     SUBMITTED ↓  TITLE
/// ▶ R-190361  ! awaiting approval  urgent      28m ago  Entraînement mammo-v4 — données anonymisées
///   R-190360  ● running            normal      29m ago  Traduction darija → ⵜⴰⵎⴰⵣⵉⵖⵜ — lot 12
/// ```
/// Only the visible rows are read from the window (row `i` on screen is absolute index `top + i`); a row the
/// window does not hold is drawn as a dim ellipsis, never as another run.
enum RunsScreen {
    /// The columns, in order.
    enum Column: Int, CaseIterable {
        case id, state, priority, pool, gpus, agent, project, submitted, title
    }

    static func render(_ state: ConsoleState, into grid: inout CellGrid, layout: ScreenLayout) {
        let list = state.lists[.runs] ?? ListState()
        ScreenNote.draw(note(state, glyphs: grid.glyphs), into: &grid, row: layout.banners + 1)
        let frame = ListFrame(columns: columns.localized(grid.tr, french: ["SUBMITTED": 13, "PRI": 7]), width: grid.width)
        frame.drawHeadings(into: &grid, y: layout.listTop - 1, sortedColumn: column(sortedBy: sortKey(list)).rawValue,
                           descending: list.descending)
        guard let store = state.store else {
            ListFrame.drawMessage([StyledLine(grid.tr("Reading the job store…"), .dim)], into: &grid, layout: layout)
            return
        }
        let window = store.runs
        guard window.total > 0 else {
            ListFrame.drawMessage(emptyMessage(list, tr: grid.tr), into: &grid, layout: layout)
            return
        }
        let glyphs = grid.glyphs
        let tr = grid.tr
        let now = state.now
        let held = heldStates(state)
        frame.drawRows(into: &grid, top: layout.listTop, rows: layout.listRows, list: list, count: window.total) { index in
            window.row(at: index).map { run in
                var row = cells(run, now: now, glyphs: glyphs, tr: tr)
                if let mark = held[run.id] { row[1] = .styled(mark, .warn) }
                return row
            }
        }
        if list.detailOpen {
            if let run = state.selectedRun {
                detail(run, state: state, charset: grid.charset, wide: grid.width >= DetailPane.twoColumnWidth)
                    .render(into: &grid, layout: layout)
            } else if let top = layout.detailTop {
                ListRule(title: [.init(grid.tr("Loading the run…"), .dim)]).render(into: &grid, x: 0, y: top, width: grid.width)
            }
        }
    }

    // MARK: Note

    /// The tab rule's note: `12 345 runs · filter: state:queued · sort: submitted ↓`; shorter forms for narrow
    /// terminals.
    static func note(_ state: ConsoleState, glyphs: GlyphSet) -> [[StyledLine.Part]] {
        let list = state.lists[.runs] ?? ListState()
        let tr = state.tr
        var segments: [ScreenNote.Segment] = []
        if let total = state.store?.runs.total {
            segments.append(.init([.init(ListFormat.counted(total, "run", tr), .dim)], priority: 8))
        }
        if !list.filter.isEmpty { segments.append(.filter(list.filter, priority: 6, tr)) }
        let arrow = list.descending ? glyphs.arrowDown : glyphs.arrowUp
        segments.append(.init([.init(tr("sort: \(tr.template(sortKey(list).rawValue)) \(arrow)"), .dim)], priority: 4))
        return ScreenNote.forms(segments, separator: " \(glyphs.separator) ")
    }

    /// The sort key in effect.
    static func sortKey(_ list: ListState) -> RunSortKey {
        RunColumns.sortKeys[min(max(0, list.sortColumn), RunColumns.sortKeys.count - 1)]
    }
}
