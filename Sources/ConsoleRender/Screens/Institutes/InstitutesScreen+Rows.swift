import Foundation
import ConsoleCore
import FactoryModel
import SafeText

/// The institutes list's columns and cells.
extension InstitutesScreen {
    /// The project columns; at 80 columns: name, health, runs, approvals, GPU hours and when the next milestone is
    /// due (its name is in the detail pane).
    static let columns: [TableColumn] = [
        TableColumn("INSTITUTE / PROJECT", width: .flexible(min: 24, weight: 4), priority: 10),
        TableColumn("SECTOR", width: .fixed(14), priority: 2),
        TableColumn("PHASE", width: .fixed(14), priority: 1),
        TableColumn("HEALTH", width: .fixed(7), priority: 9),
        TableColumn("RUNS", width: .fixed(4), alignment: .right, priority: 7),
        TableColumn("APPR", width: .fixed(4), alignment: .right, priority: 8),
        TableColumn("GPU HOURS", width: .fixed(12), priority: 6),
        TableColumn("USED/BUDGET", width: .fixed(15), alignment: .right, priority: 0),
        TableColumn("NEXT MILESTONE", width: .flexible(min: 16, weight: 3), priority: 3),
        TableColumn("DUE", width: .fixed(7), alignment: .right, priority: 5),
    ]

    static func cells(_ activity: ProjectActivity, now: Date, glyphs: GlyphSet, tr: Localizer) -> [ListCell] {
        let project = activity.project
        let health = healthText(project.health, glyphs: glyphs, tr: tr)
        return [
            .plain("  " + TextFit.pad(project.id.description, toWidth: 5) + " " + project.name),
            .plain(project.sector),
            .styled(tr.word(project.phase), .dim),
            .styled(health.text, health.style),
            .styled(String(activity.activeRuns), activity.activeRuns > 0 ? .normal : .dim),
            .styled(String(activity.pendingApprovals), activity.pendingApprovals > 0 ? .warn : .dim),
            .meter(budgetPercent(project), MeterThresholds(warn: 80, critical: 95)),
            .styled("\(ListFormat.count(Int(project.gpuHoursUsed.rounded())))/\(ListFormat.count(Int(project.gpuHoursBudget.rounded()))) h", .dim),
            .plain(project.nextMilestone),
            due(project.milestoneDue, now: now, tr: tr),
        ]
    }

    /// A health as a dot and its word: `● red`.
    static func healthText(_ health: ProjectHealth, glyphs: GlyphSet, tr: Localizer) -> (text: String, style: StyleName) {
        switch health {
        case .green: ("\(glyphs.dot) " + tr("green"), .ok)
        case .amber: ("\(glyphs.dot) " + tr("amber"), .warn)
        case .red: ("\(glyphs.dot) " + tr("red"), .critical)
        }
    }

    /// GPU hours used as a percentage of the budget (nil without a budget).
    static func budgetPercent(_ project: Project) -> Double? {
        project.gpuHoursBudget > 0 ? 100 * project.gpuHoursUsed / project.gpuHoursBudget : nil
    }

    /// `in 21d`, `today`, or `3d late` (critical).
    static func due(_ date: Date?, now: Date, tr: Localizer) -> ListCell {
        guard let date else { return .styled("-", .dim) }
        let seconds = date.timeIntervalSince(now)
        if seconds < 0 { return .styled(tr("\(ListFormat.duration(-seconds, tr)) late"), .critical) }
        return seconds < 86_400 ? .styled(tr("today"), .warn) : .styled(tr("in \(ListFormat.duration(seconds, tr))"), .dim)
    }

    /// An institute's group line: its name, region (when not its name) and theme across the name, sector and
    /// phase columns, then from the HEALTH column `● 1 red  ● 2 amber · 7 projects`.
    static func drawInstitute(
        _ institute: Institute, projects: Int, red: Int, amber: Int, into grid: inout CellGrid, y: Int, selected: Bool,
        frame: ListFrame
    ) {
        let glyphs = grid.glyphs
        frame.drawRow([], into: &grid, y: y, selected: selected)
        let x = frame.placements.first?.x ?? TableView.gutterWidth
        let end = grid.width - 1
        let summaryX = frame.placement(of: Column.health.rawValue)?.x ?? max(x, end - summaryWidth)
        var about: [String] = []
        if institute.region != institute.name { about.append(institute.region) }
        about.append(institute.theme)
        let separator = " \(glyphs.separator) "
        var name = StyledLine([.init(institute.name, .title), .init("  " + about.joined(separator: separator), .dim)])
        var summary = StyledLine(healthSummary(red: red, amber: amber, glyphs: glyphs, tr: grid.tr)
                                 + [.init(separator + ListFormat.counted(projects, "project", grid.tr), .dim)])
        if selected {
            name.parts = name.parts.map { .init($0.text, .selected) }
            summary.parts = summary.parts.map { .init($0.text, .selected) }
        }
        name.render(into: &grid, x: x, y: y, width: max(0, summaryX - 2 - x))
        summary.render(into: &grid, x: summaryX, y: y, width: end - summaryX)
    }
}
