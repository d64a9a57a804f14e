import FactoryModel

/// The item under each list's selection, remembered across a data refresh.
struct SelectionAnchors {
    var run: RunID?
    var approval: ApprovalID?
    var audit: Int64?
    var node: String?
}

extension ConsoleState {
    /// What each list's selection points at now.
    func selectionAnchors() -> SelectionAnchors {
        SelectionAnchors(
            run: selectedRun?.id, approval: selectedApproval.flatMap { $0.state == .pending ? $0.id : nil },
            audit: store?.audit.row(at: lists[.audit]?.selected ?? 0)?.seq,
            node: screen == .nodes ? selectedNode?.id : nil
        )
    }

    /// Keeps each selection on the same item when new data moved it (new runs arriving at the top, a node
    /// sorted elsewhere), shifting the window by as much, so the operator never acts on a row that slid
    /// under the cursor.
    mutating func keepSelections(on anchors: SelectionAnchors) {
        if let id = anchors.run, let window = store?.runs, let index = window.rows.firstIndex(where: { $0.id == id }) {
            follow(.runs, to: window.offset + index)
        }
        // A decided approval moves down to the history; the selection then stays in place, on the next one waiting.
        if let id = anchors.approval, let window = store?.approvals,
           let index = window.rows.firstIndex(where: { $0.id == id && $0.state == .pending }) {
            follow(.approvals, to: window.offset + index)
        }
        if let seq = anchors.audit, let window = store?.audit, let index = window.rows.firstIndex(where: { $0.seq == seq }) {
            follow(.audit, to: window.offset + index)
        }
        if let id = anchors.node, let index = visibleNodes.firstIndex(where: { $0.id == id }) {
            follow(.nodes, to: index)
        }
    }

    /// At the very top with no detail open the operator is watching the newest rows arrive: stay at the top.
    /// Anywhere else, or with the detail open, the selection follows its item.
    private mutating func follow(_ screen: Screen, to index: Int) {
        guard var state = lists[screen], state.selected != index else { return }
        if state.selected == 0 && state.top == 0 && !state.detailOpen { return }
        let shift = index - state.selected
        state.selected = index
        state.top = max(0, state.top + shift)
        lists[screen] = state
    }
}
