import Foundation
import FactoryModel

extension ConsoleState {
    /// Applies one event; returns what the world must do next. Pure: no I/O happens here.
    public mutating func update(_ event: ConsoleEvent) -> [ConsoleEffect] {
        let effects = apply(event)
        if screen == .nodes { refreshNodeRows() }
        return effects
    }

    private mutating func apply(_ event: ConsoleEvent) -> [ConsoleEffect] {
        switch event {
        case .key(let key):
            return handle(key)
        case .tick(let time):
            now = time
            if let message = status, message.severity != .error, time.timeIntervalSince(message.at) > 8 { status = nil }
            return releaseDueActions() + reloadIfDue()
        case .resize(let width, let height):
            size = TerminalSize(width: max(1, width), height: max(1, height))
            clampSelections()
            return reloadIfWindowMissing()
        case .storeLoaded(let snapshot, let at):
            return apply(snapshot, at: at)
        case .storeFailed(let message, let at):
            storeStatus.error = message
            lastReloadRequest = lastReloadRequest ?? at
            return []
        case .storeChanged:
            return [requestReload()]
        case .registryUpdated(let view):
            let anchors = selectionAnchors()
            registry = view
            if screen == .nodes { refreshNodeRows() }
            keepSelections(on: anchors)
            clampSelections()
            return []
        case .actionFinished(let outcome):
            // Only the dialog that sent it closes: a held action's answer leaves a dialog being filled in alone.
            if case .dialog(let dialog) = mode, dialog.sending { mode = .normal }
            recordOutcome(outcome)
            switch outcome {
            case .done(let message): status = StatusMessage(tr.message(message), severity: .success, at: now)
            case .refused(let message): status = StatusMessage(tr.message(message), severity: .error, at: now)
            }
            return [requestReload()]
        case .exportFinished(let outcome):
            return exportFinished(outcome)
        case .selfSampled(let stats):
            selfStats = stats
            if status?.text == tr.template(Self.selfStatsComing) { status = nil }
            return []
        }
    }

    /// Asks for fresh data now.
    mutating func requestReload() -> ConsoleEffect {
        lastReloadRequest = now
        return .reload(needs)
    }

    /// Every refresh interval, ask for fresh data (the loader reads only if the store changed or the needs did).
    mutating func reloadIfDue() -> [ConsoleEffect] {
        guard let last = lastReloadRequest else { return [requestReload()] }
        return now.timeIntervalSince(last) >= options.refreshInterval ? [requestReload()] : []
    }

    /// When the visible window is not loaded (scrolling, resizing, new filter or sort), ask for it at once.
    mutating func reloadIfWindowMissing() -> [ConsoleEffect] {
        guard let store else { return [requestReload()] }
        let wanted = needs
        let visible = list.top..<(list.top + layout.listRows)
        let missing: Bool
        switch screen {
        case .runs: missing = !sameFilter(store.needs.runs, wanted.runs) || !store.runs.covers(visible) || store.needs.runDetail != wanted.runDetail
        case .approvals: missing = !sameFilter(store.needs.approvals, wanted.approvals) || !store.approvals.covers(visible)
        case .audit: missing = store.needs.audit.text != wanted.audit.text || !store.audit.covers(visible)
        case .overview, .nodes, .institutes: missing = false
        }
        return missing ? [requestReload()] : []
    }

    private func sameFilter(_ a: RunQuery, _ b: RunQuery) -> Bool {
        var a = a, b = b
        (a.offset, a.limit, b.offset, b.limit) = (0, 0, 0, 0)
        return a == b
    }

    private func sameFilter(_ a: ApprovalQuery, _ b: ApprovalQuery) -> Bool {
        var a = a, b = b
        (a.offset, a.limit, b.offset, b.limit) = (0, 0, 0, 0)
        return a == b
    }

    private mutating func apply(_ snapshot: StoreSnapshot, at: Date) -> [ConsoleEffect] {
        var effects: [ConsoleEffect] = []
        let highest = snapshot.approvals.rows.filter { $0.state == .pending }.map(\.id.rawValue).max() ?? 0
        if store != nil, highest > highestApprovalSeen {
            let arrived = snapshot.approvals.rows.filter { $0.state == .pending && $0.id.rawValue > highestApprovalSeen }.count
            if screen != .approvals {
                newApprovals += arrived
                if options.bell && arrived > 0 { effects.append(.bell) }
            }
        }
        highestApprovalSeen = max(highestApprovalSeen, highest)
        let anchors = selectionAnchors()
        store = snapshot
        identity.role = snapshot.role
        storeStatus.lastSuccess = at
        storeStatus.error = nil
        keepSelections(on: anchors)
        clampSelections()
        return effects + reloadIfWindowMissing()
    }

    /// Keeps every list's selection inside its rows after data or size changed.
    mutating func clampSelections() {
        for screen in Screen.allCases where screen.hasList {
            var state = lists[screen] ?? ListState()
            let rows = ScreenLayout(size: contentSize, banners: banners.count, detailOpen: state.detailOpen).listRows
            // The nodes list off screen, unfiltered: every node, without sorting ten thousand of them.
            let count = screen == .nodes && self.screen != .nodes && state.filter.isEmpty
                ? registry.nodes.count : rowCount(screen)
            state.select(state.selected, count: count, visible: rows)
            lists[screen] = state
        }
    }
}
