import Foundation
import FactoryModel

extension ConsoleState {
    /// The rows in view on the current list screen (the visible window, not the whole list), every column, as
    /// plain values: what `x` exports. Nil on the overview.
    public var tableInView: ExportTable? {
        guard screen.hasList else { return nil }
        let state = list
        let window = state.top..<(state.top + layout.listRows)
        let time = { (date: Date) in ISO8601DateFormatter.string(from: date, timeZone: .gmt, formatOptions: [.withInternetDateTime]) }
        switch screen {
        case .overview:
            return nil
        case .runs:
            let rows = window.compactMap { store?.runs.row(at: $0) }.map { run in
                [run.id.description, run.state.rawValue, run.priority.name, run.poolID, run.node ?? "", String(run.gpus),
                 String(run.cpus), run.agent, run.projectName, run.submittedBy, time(run.submittedAt), run.title]
            }
            return ExportTable(name: "runs", columns: ["id", "state", "priority", "pool", "node", "gpus", "cpus", "agent",
                                                       "project", "submitted_by", "submitted_at", "title"], rows: rows)
        case .approvals:
            let rows = window.compactMap { store?.approvals.row(at: $0) }.map { approval in
                [approval.id.description, approval.state.rawValue, approval.risk.rawValue, time(approval.dueAt),
                 "\(approval.approvers.count) of \(approval.requiredApprovals)", approval.runID.description,
                 approval.projectName, approval.subject, approval.proposedAction]
            }
            return ExportTable(name: "approvals", columns: ["id", "state", "risk", "due_at", "approved", "run", "project",
                                                            "subject", "proposed_action"], rows: rows)
        case .nodes:
            let nodes = visibleNodes
            let rows = window.filter { nodes.indices.contains($0) }.map { nodes[$0] }.map { node in
                [node.name, node.site, node.pool, node.kind.rawValue, node.status.rawValue, Self.percent(node.cpuUtil),
                 Self.percent(node.memUtil), String(node.gpus.count), node.meanGPUUtil.map(Self.percent) ?? "",
                 time(node.heartbeatAt)]
            }
            return ExportTable(name: "nodes", columns: ["name", "site", "pool", "kind", "status", "cpu_percent",
                                                        "mem_percent", "gpus", "gpu_percent", "heartbeat_at"], rows: rows)
        case .institutes:
            let all = instituteRows
            let rows = window.filter { all.indices.contains($0) }.map { all[$0] }.map { row -> [String] in
                switch row {
                case .institute(let institute, let projects, let red, let amber):
                    ["institute", institute.name, institute.region, institute.theme, String(projects), String(red), String(amber)]
                case .project(let activity):
                    ["project", activity.project.name, activity.project.sector, activity.project.health.rawValue,
                     String(activity.activeRuns), String(activity.pendingApprovals), ""]
                }
            }
            return ExportTable(name: "institutes", columns: ["kind", "name", "region_or_sector", "theme_or_health",
                                                             "projects_or_active_runs", "red_or_pending_approvals", "amber"],
                               rows: rows)
        case .audit:
            let rows = window.compactMap { store?.audit.row(at: $0) }.map { record in
                [String(record.seq), time(record.at), record.actor, record.via ?? "", record.action, record.subject,
                 record.outcome.rawValue, record.details]
            }
            return ExportTable(name: "audit", columns: ["seq", "at", "actor", "via", "action", "subject", "outcome",
                                                        "details"], rows: rows)
        }
    }

    private static func percent(_ fraction: Double) -> String {
        String(format: "%.1f", fraction * 100)
    }

    /// `x`: opens the export prompt with a path under the export folder (`runs-20261122-031200.csv`).
    mutating func openExport() -> [ConsoleEffect] {
        guard let table = tableInView else {
            status = StatusMessage(tr("Export works on the list screens (2-6)."), severity: .info, at: now)
            return []
        }
        guard !table.rows.isEmpty else {
            status = StatusMessage(tr("Nothing to export: no rows in view."), severity: .info, at: now)
            return []
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let directory = options.exportDirectory.hasSuffix("/") ? options.exportDirectory : options.exportDirectory + "/"
        mode = .export(ExportPrompt(path: directory + "\(table.name)-\(formatter.string(from: now)).csv", table: table))
        return []
    }

    /// Keys in the export prompt: Enter writes (asking before replacing a file), Esc cancels.
    mutating func handleExport(_ key: Key, _ prompt: inout ExportPrompt) -> [ConsoleEffect] {
        if prompt.askingToReplace {
            switch key {
            case .character("o"), .character("O"):
                mode = .normal
                return [.export(request(prompt, replace: true))]
            case .escape, .character("n"), .character("N"):
                prompt.askingToReplace = false
                mode = .export(prompt)
                status = StatusMessage(tr("The existing file was kept; choose another name, or Esc."), severity: .info, at: now)
            default:
                break
            }
            return []
        }
        switch key {
        case .escape:
            mode = .normal
            status = StatusMessage(tr("Nothing was exported."), severity: .info, at: now)
        case .enter:
            guard !prompt.field.isBlank else { return [] }
            mode = .normal
            return [.export(request(prompt, replace: false))]
        default:
            if Self.edit(&prompt.field, with: key) { mode = .export(prompt) }
        }
        return []
    }

    private func request(_ prompt: ExportPrompt, replace: Bool) -> ExportRequest {
        let path = prompt.field.trimmedText
        return ExportRequest(path: path, table: prompt.table, format: .of(path: path), replace: replace)
    }

    /// The answer of an export: done, or a file in the way (ask before replacing), or a failure.
    mutating func exportFinished(_ outcome: ExportOutcome) -> [ConsoleEffect] {
        switch outcome {
        case .written(let path, let rows):
            status = StatusMessage(rows == 1 ? tr("Exported 1 row in view to \(path).") : tr("Exported \(rows) rows in view to \(path)."), severity: .success, at: now)
        case .exists(let request):
            // The prompt comes back, asking; the rows are those of the request.
            if case .normal = mode {
                var prompt = ExportPrompt(path: request.path, table: request.table)
                prompt.askingToReplace = true
                mode = .export(prompt)
            }
            status = StatusMessage(tr("\(request.path) exists: o replaces it · n or Esc keeps it."), severity: .warning, at: now)
        case .failed(let path, let reason):
            status = StatusMessage(tr("Could not export to \(path): \(reason)"), severity: .error, at: now)
        }
        return []
    }

    /// `y`: the selected item's id to the clipboard with OSC 52, when allowed.
    mutating func copySelectedID() -> [ConsoleEffect] {
        let id: String?
        switch screen {
        case .runs: id = selectedRun?.id.description
        case .approvals: id = selectedApproval?.id.description
        case .nodes: id = selectedNode?.name
        case .audit: id = store?.audit.row(at: list.selected).map { String($0.seq) }
        case .overview, .institutes: id = nil
        }
        guard let id else {
            status = StatusMessage(tr("Nothing selected to copy (runs, approvals, nodes and audit have ids)."), severity: .info, at: now)
            return []
        }
        // Only an id's characters go to the terminal: letters, digits, '-', '_', '.'.
        let safe = String(id.unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) }.prefix(128))
        guard options.clipboard else {
            status = StatusMessage(
                tr("Clipboard copy is off ([console] clipboard = \"osc52\" turns it on if your terminal allows OSC 52). Selected: \(safe)"),
                severity: .info, at: now)
            return []
        }
        status = StatusMessage(tr("Sent \(safe) to the clipboard (OSC 52; in tmux: set -g set-clipboard on)."), severity: .success, at: now)
        return [.copyToClipboard(safe)]
    }
}
