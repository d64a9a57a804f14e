import Foundation
import FactoryModel

extension ConsoleState {
    /// The registry's nodes as the nodes screen lists them: filtered by `/` text, sorted by the chosen column.
    /// Kept from one event to the next while the registry's sample and the list's filter and sort stay the same.
    public var visibleNodes: [NodeSample] {
        nodeRows.key == nodeRowsKey ? nodeRows.nodes : computeVisibleNodes()
    }

    /// What the nodes screen's rows depend on.
    var nodeRowsKey: NodeRows.Key {
        let state = lists[.nodes] ?? ListState()
        return NodeRows.Key(
            registry: registryGeneration, filter: state.filter, sortColumn: state.sortColumn, descending: state.descending
        )
    }

    /// Works out the nodes screen's rows again if what they depend on changed.
    mutating func refreshNodeRows() {
        let key = nodeRowsKey
        guard nodeRows.key != key else { return }
        nodeRows = NodeRows(key: key, nodes: computeVisibleNodes())
    }

    private func computeVisibleNodes() -> [NodeSample] {
        let state = lists[.nodes] ?? ListState()
        let filter = FilterText(state.filter)
        var nodes = registry.nodes.filter { node in
            if let kind = filter.value("kind"), node.kind.rawValue != kind.lowercased() { return false }
            if let status = filter.value("status"), node.status.rawValue != status.lowercased() { return false }
            if let site = filter.value("site"), !FilterText.fold(node.site).contains(FilterText.fold(site)) { return false }
            if let pool = filter.value("pool"), node.pool != pool { return false }
            return filter.matches([node.name, node.site, node.pool, node.kind.rawValue, node.status.rawValue])
        }
        let key = NodeSortKey.allCases[min(state.sortColumn, NodeSortKey.allCases.count - 1)]
        nodes.sort { lhs, rhs in
            let ordered: Bool
            switch key {
            case .name: ordered = lhs.name < rhs.name
            case .site: ordered = (lhs.site, lhs.name) < (rhs.site, rhs.name)
            case .pool: ordered = (lhs.pool, lhs.name) < (rhs.pool, rhs.name)
            case .kind: ordered = (lhs.kind.rawValue, lhs.name) < (rhs.kind.rawValue, rhs.name)
            case .status: ordered = (lhs.status.rawValue, lhs.name) < (rhs.status.rawValue, rhs.name)
            case .cpu: ordered = lhs.cpuUtil < rhs.cpuUtil
            case .memory: ordered = lhs.memUtil < rhs.memUtil
            case .gpu: ordered = (lhs.meanGPUUtil ?? -1) < (rhs.meanGPUUtil ?? -1)
            case .heartbeat: ordered = lhs.heartbeatAt > rhs.heartbeatAt
            }
            return state.descending ? !ordered && lhs.id != rhs.id : ordered
        }
        return nodes
    }

    /// The institutes screen's rows: each institute (JAZARI ROOT first), then its projects, filtered by `/` text.
    public var instituteRows: [InstituteRow] {
        guard let store else { return [] }
        let filter = FilterText(lists[.institutes]?.filter ?? "")
        let byInstitute = Dictionary(grouping: store.projects, by: \.project.instituteID)
        var rows: [InstituteRow] = []
        for institute in store.institutes {
            let projects = byInstitute[institute.id] ?? []
            let instituteMatches = filter.matches([institute.name, institute.region, institute.theme])
            let shown = projects.filter { instituteMatches || filter.matches([$0.project.name, $0.project.sector]) }
            if !instituteMatches && shown.isEmpty { continue }
            rows.append(.institute(
                institute, projects: projects.count, red: projects.filter { $0.project.health == .red }.count,
                amber: projects.filter { $0.project.health == .amber }.count
            ))
            rows += shown.map(InstituteRow.project)
        }
        return rows
    }

    /// How many rows the current (or given) screen's list has in all.
    public func rowCount(_ screen: Screen) -> Int {
        switch screen {
        case .overview: 0
        case .nodes: visibleNodes.count
        case .runs: store?.runs.total ?? 0
        case .approvals: store?.approvals.total ?? 0
        case .institutes: instituteRows.count
        case .audit: store?.audit.total ?? 0
        }
    }

    /// The selected run on the runs screen, if loaded.
    public var selectedRun: Run? {
        store?.runs.row(at: lists[.runs]?.selected ?? 0)
    }

    /// The selected approval on the approvals screen, if loaded.
    public var selectedApproval: Approval? {
        store?.approvals.row(at: lists[.approvals]?.selected ?? 0)
    }

    /// The selected node on the nodes screen.
    public var selectedNode: NodeSample? {
        let nodes = visibleNodes
        let index = lists[.nodes]?.selected ?? 0
        return nodes.indices.contains(index) ? nodes[index] : nil
    }

    /// The windows the console needs from the store for what is on screen now.
    public var needs: DataNeeds {
        let rows = ScreenLayout(size: contentSize, banners: banners.count, detailOpen: false).listRows
        func window(_ state: ListState) -> (offset: Int, limit: Int) {
            let offset = max(0, state.top - rows)
            return (offset, rows * 3)
        }
        let runsState = lists[.runs] ?? ListState()
        let runsFilter = FilterText(runsState.filter)
        var runs = RunQuery(
            sort: RunColumns.sortKeys[min(runsState.sortColumn, RunColumns.sortKeys.count - 1)],
            descending: runsState.descending
        )
        if let states = runsFilter.value("state", "s") {
            runs.states = Set(states.split(separator: ",").compactMap { RunState(rawValue: $0.lowercased().replacingOccurrences(of: "-", with: "_")) })
        }
        runs.poolID = runsFilter.value("pool", "p")
        if let wanted = runsFilter.value("institute", "inst", "i") {
            runs.instituteID = store?.institutes.first { FilterText.fold($0.id).hasPrefix(FilterText.fold(wanted)) || FilterText.fold($0.name).hasPrefix(FilterText.fold(wanted)) }?.id ?? wanted
        }
        runs.text = runsFilter.freeText.isEmpty ? nil : runsFilter.freeText
        (runs.offset, runs.limit) = window(runsState)

        let approvalsState = lists[.approvals] ?? ListState()
        let approvalsFilter = FilterText(approvalsState.filter)
        var approvals = ApprovalQuery(
            states: [], text: approvalsFilter.freeText.isEmpty ? nil : approvalsFilter.freeText,
            sort: ApprovalColumns.sortKeys[min(approvalsState.sortColumn, ApprovalColumns.sortKeys.count - 1)],
            reversed: approvalsState.descending
        )
        if let state = approvalsFilter.value("state", "s"), let parsed = ApprovalState(rawValue: state.lowercased()) {
            approvals.states = [parsed]
        }
        (approvals.offset, approvals.limit) = window(approvalsState)
        if screen == .overview {
            approvals.offset = 0
            approvals.limit = max(approvals.limit, 20)
        }

        let auditState = lists[.audit] ?? ListState()
        var audit = AuditQuery(text: auditState.filter.isEmpty ? nil : auditState.filter)
        (audit.offset, audit.limit) = window(auditState)

        let detail = (screen == .runs && runsState.detailOpen) ? selectedRun?.id : nil
        return DataNeeds(runs: runs, approvals: approvals, audit: audit, runDetail: detail)
    }
}
