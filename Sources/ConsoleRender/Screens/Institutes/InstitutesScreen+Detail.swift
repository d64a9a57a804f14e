import Foundation
import ConsoleCore
import FactoryModel
import SafeText

/// The institutes screen's detail pane.
extension InstitutesScreen {
    static func detail(_ row: InstituteRow, state: ConsoleState, glyphs: GlyphSet) -> DetailPane {
        switch row {
        case .institute(let institute, let projects, let red, let amber):
            return instituteDetail(institute, projects: projects, red: red, amber: amber, state: state, glyphs: glyphs)
        case .project(let activity):
            return projectDetail(activity, state: state, glyphs: glyphs)
        }
    }

    static func instituteDetail(
        _ institute: Institute, projects: Int, red: Int, amber: Int, state: ConsoleState, glyphs: GlyphSet
    ) -> DetailPane {
        let separator = " \(glyphs.separator) "
        let tr = state.tr
        let own = (state.store?.projects ?? []).filter { $0.project.instituteID == institute.id }
        let used = own.reduce(0) { $0 + $1.project.gpuHoursUsed }
        let budget = own.reduce(0) { $0 + $1.project.gpuHoursBudget }
        let rule = ListRule(title: [.init(institute.name, .title)],
                            trailing: [.init(ListFormat.counted(projects, "project", tr) + separator, .dim)]
                                + healthSummary(red: red, amber: amber, glyphs: glyphs, tr: tr))
        let main: [DetailPane.Item] = [
            .line(.field(tr("university"), institute.university)),
            .line(.field(tr("region"), institute.region)),
            .paragraph(label: "theme", text: institute.theme, style: .normal, maxLines: 2),
            .line(.field(tr("id"), institute.id, .dim)),
        ]
        let side: [DetailPane.Item] = [
            .line(.field(tr("activity"), "\(ListFormat.counted(own.reduce(0) { $0 + $1.activeRuns }, "active run", tr))\(separator)"
                         + ListFormat.counted(own.reduce(0) { $0 + $1.pendingApprovals }, "pending approval", tr))),
            budgetLine(used: used, budget: budget),
            .line(.field("", tr("\(ListFormat.count(Int(used.rounded()))) of \(ListFormat.count(Int(budget.rounded()))) GPU hours used by its projects"), .dim)),
        ]
        return DetailPane(rule: rule, main: main, side: side)
    }

    static func projectDetail(_ activity: ProjectActivity, state: ConsoleState, glyphs: GlyphSet) -> DetailPane {
        let project = activity.project
        let separator = " \(glyphs.separator) "
        let tr = state.tr
        let health = healthText(project.health, glyphs: glyphs, tr: tr)
        let institute = state.store?.institutes.first { $0.id == project.instituteID }
        let rule = ListRule(title: [.init("\(project.id)" + separator, .dim), .init(project.name, .title)],
                            trailing: [.init(health.text, health.style)])
        var milestone: [StyledLine.Part] = [.init(project.nextMilestone)]
        if let due = project.milestoneDue {
            milestone += [.init(separator + ListFormat.day(due), .normal), .init(" (\(ListFormat.relative(due, now: state.now, tr)))", .dim)]
        }
        let used = project.gpuHoursUsed
        let budget = project.gpuHoursBudget
        let main: [DetailPane.Item] = [
            .line(.field(tr("institute"), [.init(institute?.name ?? project.instituteID)]
                         + (institute.map { [.init(separator + $0.university, .dim)] } ?? []))),
            .line(.field(tr("sector"), [.init(project.sector), .init(separator + tr("phase "), .dim), .init(tr.word(project.phase))])),
            .line(.field(tr("activity"), "\(ListFormat.counted(activity.activeRuns, "active run", tr))\(separator)"
                         + ListFormat.counted(activity.pendingApprovals, "pending approval", tr),
                         activity.pendingApprovals > 0 ? .warn : .normal)),
        ]
        let left = budget - used
        let remaining = left >= 0
            ? tr("\(ListFormat.count(Int(left.rounded()))) left")
            : tr("\(ListFormat.count(Int((-left).rounded()))) over budget")
        let side: [DetailPane.Item] = [
            .line(.field(tr("milestone"), milestone)),
            budgetLine(used: used, budget: budget),
            .line(.field("", tr("\(ListFormat.count(Int(used.rounded()))) used of \(ListFormat.count(Int(budget.rounded())))")
                         + separator + remaining, used > budget ? .critical : .dim)),
        ]
        return DetailPane(rule: rule, main: main, side: side)
    }

    /// `GPU hours  ██████████░░░░  60%`.
    static func budgetLine(used: Double, budget: Double) -> DetailPane.Item {
        .custom { grid, x, y, width in
            StyledLine(grid.tr("GPU hours"), .dim).render(into: &grid, x: x, y: y, width: DetailPane.labelWidth)
            let percent: Double? = budget > 0 ? 100 * used / budget : nil
            Meter(percent: percent, thresholds: MeterThresholds(warn: 80, critical: 95))
                .render(into: &grid, x: x + DetailPane.labelWidth, y: y, width: min(30, max(6, width - DetailPane.labelWidth)))
        }
    }
}
