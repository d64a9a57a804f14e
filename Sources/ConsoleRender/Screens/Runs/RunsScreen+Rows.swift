import Foundation
import ConsoleCore
import FactoryModel
import SafeText

/// The runs list's columns and cells.
extension RunsScreen {
    /// The columns; the least important go first when the terminal is narrow (at 80 columns: ID, state,
    /// priority, submitted and the title; pool, GPUs, agent and project from about 100 columns).
    static let columns: [TableColumn] = [
        TableColumn("ID", width: .fixed(8), priority: 10),
        TableColumn("STATE", width: .fixed(19), priority: 9),
        TableColumn("PRI", width: .fixed(6), priority: 7),
        TableColumn("POOL", width: .fixed(13), priority: 5),
        TableColumn("GPUS", width: .fixed(6), alignment: .right, priority: 4),
        TableColumn("AGENT", width: .fixed(18), priority: 3),
        TableColumn("PROJECT", width: .flexible(min: 14, weight: 1), priority: 2),
        TableColumn("SUBMITTED", width: .fixed(11), alignment: .right, priority: 6),
        TableColumn("TITLE", width: .flexible(min: 16, weight: 4), priority: 8),
    ]

    /// The column a sort key orders by.
    static func column(sortedBy key: RunSortKey) -> Column {
        switch key {
        case .id: .id
        case .title: .title
        case .agent: .agent
        case .project: .project
        case .state: .state
        case .priority: .priority
        case .pool: .pool
        case .gpus: .gpus
        case .submittedAt: .submitted
        }
    }

    static func cells(_ run: Run, now: Date, glyphs: GlyphSet, tr: Localizer) -> [ListCell] {
        let state = stateText(run.state, glyphs: glyphs, tr: tr)
        return [
            .plain(run.id.description),
            .styled(state.text, state.style),
            .styled(tr.word(run.priority), priorityStyle(run.priority)),
            .plain(run.poolID),
            run.gpus > 0 ? .plain(String(run.gpus)) : .styled("-", .dim),
            .plain(run.agent),
            .plain(run.projectName.isEmpty ? run.projectID.description : run.projectName),
            .styled(ListFormat.relative(run.submittedAt, now: now, tr), .dim),
            .plain(run.title),
        ]
    }

    /// A run state as a mark and its words: `● running`, `! awaiting approval`, `✗ cancel requested`…; a queued
    /// run, the resting state, has no mark (its words still line up with the others).
    static func stateText(_ state: RunState, glyphs: GlyphSet, tr: Localizer) -> (text: String, style: StyleName) {
        let word = tr.word(state)
        switch state {
        case .queued: return ("  " + word, .normal)
        case .running: return ("\(glyphs.dot) " + word, .info)
        case .awaitingApproval: return ("! " + word, .warn)
        case .cancelRequested: return ("\(glyphs.fail) " + word, .warn)
        case .rerouteRequested: return ("! " + word, .warn)
        case .succeeded: return ("\(glyphs.ok) " + word, .ok)
        case .failed: return ("\(glyphs.fail) " + word, .critical)
        case .cancelled: return ("\(glyphs.fail) " + word, .dim)
        }
    }

    static func priorityStyle(_ priority: RunPriority) -> StyleName {
        switch priority {
        case .urgent: .critical
        case .high: .warn
        case .normal: .normal
        case .low: .dim
        }
    }

    static func emptyMessage(_ list: ListState, tr: Localizer) -> [StyledLine] {
        guard !list.filter.isEmpty else { return [StyledLine(tr("No runs in the job store yet."), .dim)] }
        return [StyledLine([.init(tr("No runs match the filter "), .normal), .init(list.filter, .info)]),
                StyledLine(tr("Esc clears it. Filters: state:queued,running  pool:dakhla-gpu  inst:guelmim  and free text."), .dim)]
    }
}
