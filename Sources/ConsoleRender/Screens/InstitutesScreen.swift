import Foundation
import ConsoleCore
import FactoryModel
import SafeText

/// The institutes screen: each Jazari institute (JAZARI ROOT first) as a group line, then its projects indented,
/// from ``ConsoleCore/ConsoleState/instituteRows``.
///
/// ```
///   INSTITUTE / PROJECT          HEALTH   RUNS  APPR  GPU HOURS     NEXT MILESTONE
/// ▶ JAZARI ROOT  national · e-gov · rural & mountain · major events   12 projects  ● 1 red  ● 2 amber
///     P-3   Traduction darija ↔ ⵜⴰⵎⴰⵣⵉⵖⵜ  ● green     4     1  ██████░  60%  Évaluation humaine du corpus…
/// ```
/// Names with accents and Tifinagh line up: every cell is fitted in display columns. Health is a word with its
/// dot, so it reads without colour.
enum InstitutesScreen {
    /// The project columns, in order.
    enum Column: Int, CaseIterable {
        case name, sector, phase, health, runs, approvals, gpuHours, hours, milestone, due
    }

    /// The room kept at the right end of an institute line for `● 1 red  ● 2 amber · 7 projects` when the HEALTH
    /// column (where the block starts otherwise) is not shown.
    static let summaryWidth = 33

    static func render(_ state: ConsoleState, into grid: inout CellGrid, layout: ScreenLayout) {
        let list = state.lists[.institutes] ?? ListState()
        ScreenNote.draw(note(state, glyphs: grid.glyphs), into: &grid, row: layout.banners + 1)
        let frame = ListFrame(columns: columns.localized(grid.tr, french: ["DUE": 10]), width: grid.width)
        frame.drawHeadings(into: &grid, y: layout.listTop - 1)
        guard state.store != nil else {
            ListFrame.drawMessage([StyledLine(grid.tr("Reading the job store…"), .dim)], into: &grid, layout: layout)
            return
        }
        let rows = state.instituteRows
        guard !rows.isEmpty else {
            ListFrame.drawMessage(list.filter.isEmpty
                ? [StyledLine(grid.tr("No institutes in the job store yet."), .dim)]
                : [StyledLine([.init(grid.tr("No institute or project matches the filter ")), .init(list.filter, .info)]),
                   StyledLine(grid.tr("Esc clears it; the filter looks in names, regions, themes and sectors."), .dim)],
                into: &grid, layout: layout)
            return
        }
        let glyphs = grid.glyphs
        let now = state.now
        for offset in 0..<max(0, layout.listRows) {
            let index = list.top + offset
            guard rows.indices.contains(index) else { break }
            let y = layout.listTop + offset
            let selected = index == list.selected
            switch rows[index] {
            case .institute(let institute, let projects, let red, let amber):
                drawInstitute(institute, projects: projects, red: red, amber: amber, into: &grid, y: y,
                              selected: selected, frame: frame)
            case .project(let activity):
                frame.drawRow(cells(activity, now: now, glyphs: glyphs, tr: grid.tr), into: &grid, y: y, selected: selected)
            }
        }
        if list.detailOpen, rows.indices.contains(list.selected) {
            detail(rows[list.selected], state: state, glyphs: glyphs).render(into: &grid, layout: layout)
        }
    }

    // MARK: Note

    /// The tab rule's note: `13 institutes · 32 projects · ● 2 red  ● 5 amber`; shorter forms for narrow terminals.
    static func note(_ state: ConsoleState, glyphs: GlyphSet) -> [[StyledLine.Part]] {
        guard let store = state.store else { return [] }
        let list = state.lists[.institutes] ?? ListState()
        let tr = state.tr
        let red = store.projects.filter { $0.project.health == .red }.count
        let amber = store.projects.filter { $0.project.health == .amber }.count
        var segments: [ScreenNote.Segment] = [
            .init([.init(ListFormat.counted(store.institutes.count, "institute", tr), .dim)], priority: 4),
            .init([.init(ListFormat.counted(store.projects.count, "project", tr), .dim)], priority: 6),
        ]
        if !list.filter.isEmpty { segments.append(.filter(list.filter, priority: 5, tr)) }
        segments.append(.init(healthSummary(red: red, amber: amber, glyphs: glyphs, tr: tr), priority: 8))
        return ScreenNote.forms(segments, separator: " \(glyphs.separator) ")
    }

    /// `● 1 red  ● 2 amber`, or `● all green`: counts with words, so colour is not the only signal.
    static func healthSummary(red: Int, amber: Int, glyphs: GlyphSet, tr: Localizer) -> [StyledLine.Part] {
        var parts: [StyledLine.Part] = []
        if red > 0 { parts.append(.init(tr("\(glyphs.dot) \(red) red"), .critical)) }
        if amber > 0 { parts.append(.init((parts.isEmpty ? "" : "  ") + tr("\(glyphs.dot) \(amber) amber"), .warn)) }
        return parts.isEmpty ? [.init(tr("\(glyphs.dot) all green"), .ok)] : parts
    }
}
