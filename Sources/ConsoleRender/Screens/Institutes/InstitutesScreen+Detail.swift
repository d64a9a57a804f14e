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
        let own = (state.store?.projects ?? []).filter { $0.project.instituteID == institute.id }
        let used = own.reduce(0) { $0 + $1.project.gpuHoursUsed }
        let budget = own.reduce(0) { $0 + $1.project.gpuHoursBudget }
        let rule = ListRule(title: [.init(institute.name, .title)],
                            trailing: [.init(ListFormat.counted(projects, "project") + separator, .dim)]
                                + healthSummary(red: red, amber: amber, glyphs: glyphs))
        let main: [DetailPane.Item] = [
            .line(.field("university", institute.university)),
            .line(.field("region", institute.region)),
            .paragraph(label: "theme", text: institute.theme, style: .normal, maxLines: 2),
            .line(.field("id", institute.id, .dim)),
        ]
        let side: [DetailPane.Item] = [
            .line(.field("activity", "\(ListFormat.counted(own.reduce(0) { $0 + $1.activeRuns }, "active run"))\(separator)"
                         + ListFormat.counted(own.reduce(0) { $0 + $1.pendingApprovals }, "pending approval"))),
            budgetLine(used: used, budget: budget),
            .line(.field("", "\(ListFormat.count(Int(used.rounded()))) of \(ListFormat.count(Int(budget.rounded()))) GPU hours used by its projects", .dim)),
        ]
        return DetailPane(rule: rule, main: main, side: side)
    }

    static func projectDetail(_ activity: ProjectActivity, state: ConsoleState, glyphs: GlyphSet) -> DetailPane {
        let project = activity.project
        let separator = " \(glyphs.separator) "
        let health = healthText(project.health, glyphs: glyphs)
        let institute = state.store?.institutes.first { $0.id == project.instituteID }
        let rule = ListRule(title: [.init("\(project.id)" + separator, .dim), .init(project.name, .title)],
                            trailing: [.init(health.text, health.style)])
        var milestone: [StyledLine.Part] = [.init(project.nextMilestone)]
        if let due = project.milestoneDue {
            milestone += [.init(separator + ListFormat.day(due), .normal), .init(" (\(ListFormat.relative(due, now: state.now)))", .dim)]
        }
        let used = project.gpuHoursUsed
        let budget = project.gpuHoursBudget
        let main: [DetailPane.Item] = [
            .line(.field("institute", [.init(institute?.name ?? project.instituteID)]
                         + (institute.map { [.init(separator + $0.university, .dim)] } ?? []))),
            .line(.field("sector", [.init(project.sector), .init(separator + "phase ", .dim), .init(project.phase.rawValue)])),
            .line(.field("activity", "\(ListFormat.counted(activity.activeRuns, "active run"))\(separator)"
                         + ListFormat.counted(activity.pendingApprovals, "pending approval"),
                         activity.pendingApprovals > 0 ? .warn : .normal)),
        ]
        let left = budget - used
        let remaining = left >= 0
            ? "\(ListFormat.count(Int(left.rounded()))) left"
            : "\(ListFormat.count(Int((-left).rounded()))) over budget"
        let side: [DetailPane.Item] = [
            .line(.field("milestone", milestone)),
            budgetLine(used: used, budget: budget),
            .line(.field("", "\(ListFormat.count(Int(used.rounded()))) used of \(ListFormat.count(Int(budget.rounded())))"
                         + separator + remaining, used > budget ? .critical : .dim)),
        ]
        return DetailPane(rule: rule, main: main, side: side)
    }

    /// `GPU hours  ██████████░░░░  60%`.
    static func budgetLine(used: Double, budget: Double) -> DetailPane.Item {
        .custom { grid, x, y, width in
            StyledLine("GPU hours", .dim).render(into: &grid, x: x, y: y, width: DetailPane.labelWidth)
            let percent: Double? = budget > 0 ? 100 * used / budget : nil
            Meter(percent: percent, thresholds: MeterThresholds(warn: 80, critical: 95))
                .render(into: &grid, x: x + DetailPane.labelWidth, y: y, width: min(30, max(6, width - DetailPane.labelWidth)))
        }
    }
}
