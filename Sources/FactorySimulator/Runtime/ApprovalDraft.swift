import Foundation
import FactoryModel
import FactoryStore

/// Invents the decisions agents flag for a human, from the projects' approval templates.
enum ApprovalDraft {
    /// Every approval template of the catalogue with its project, in catalogue order.
    static let templates: [(project: DemoProject, template: DemoApprovalTemplate)] = DemoCatalogue.projects.flatMap { project in
        project.approvals.map { (project: project, template: $0) }
    }

    /// Whether a run of `project` has decisions to flag (its own templates, or its sector's).
    static func canAsk(project: ProjectID) -> Bool {
        !choices(for: project).isEmpty
    }

    /// A request for approval on `run`, asked at `time`: the subject, action and rationale of one of its project's
    /// templates (or its sector's), a deadline minutes to an hour away, two supervisors for high risk.
    static func request(for run: Run, at time: Date, random: inout SeededRandom) -> NewApproval? {
        let choices = choices(for: run.projectID)
        guard !choices.isEmpty else { return nil }
        let choice = random.pick(choices)
        let template = choice.template
        let due: ClosedRange<Double>
        switch template.risk {
        case .low: due = 900...3_600
        case .medium: due = 480...2_700
        case .high: due = 240...1_800
        }
        return NewApproval(
            runID: run.id, subject: DemoTemplate.fill(template.subject, using: &random),
            proposedAction: DemoTemplate.fill(template.proposedAction, using: &random),
            rationale: DemoTemplate.fill(template.rationale, using: &random), risk: template.risk,
            requestedBy: template.agent ?? run.agent, requestedAt: time,
            dueAt: time.addingTimeInterval(random.nextDouble(in: due).rounded())
        )
    }

    private static func choices(for project: ProjectID) -> [(project: DemoProject, template: DemoApprovalTemplate)] {
        let own = templates.filter { $0.project.id == project }
        if !own.isEmpty { return own }
        guard let sector = DemoCatalogue.project(project)?.sector else { return [] }
        return templates.filter { $0.project.sector == sector }
    }
}
