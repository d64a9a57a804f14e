import Foundation
import FactoryModel

extension ConsoleState {
    mutating func handle(_ key: Key) -> [ConsoleEffect] {
        if key == .control("c") {
            quitting = true
            return [.quit]
        }
        if options.keyMap.command(for: key) == .redraw, !key.isTyped { return [.redraw] }
        switch mode {
        case .normal: return handleNormal(key)
        case .help, .sessionActions:
            return handleOverlay(key)
        case .filter(var field):
            return handleFilter(key, &field)
        case .command(var field):
            return handleCommand(key, &field)
        case .dialog(var dialog):
            return handleDialog(key, &dialog)
        case .export(var prompt):
            return handleExport(key, &prompt)
        }
    }

    private mutating func handleNormal(_ key: Key) -> [ConsoleEffect] {
        let command = options.keyMap.command(for: key)
        if quitAsked {
            quitAsked = false
            if command == .quit { return quitRequested(confirmed: true) }
            if command != .undo {
                status = StatusMessage(tr("Still here; the held actions wait their turn."), severity: .info, at: now)
                return []
            }
        }
        if size.isTooSmall {
            return command == .quit ? quitRequested(confirmed: false) : []
        }
        guard let command else { return [] }
        return run(command)
    }

    /// Keys over the help and the `@` overlay: the up and down keys scroll, any other key closes it.
    private mutating func handleOverlay(_ key: Key) -> [ConsoleEffect] {
        let limit = mode == .help
            ? KeyHelp.entries(for: screen, identity: identity, keys: options.keyMap).count * 2
            : sessionActions.count * 3
        switch options.keyMap.command(for: key) {
        case .down: overlayScroll = min(limit, overlayScroll + 1)
        case .up: overlayScroll = max(0, overlayScroll - 1)
        case .pageDown: overlayScroll = min(limit, overlayScroll + max(1, layout.listRows - 4))
        case .pageUp: overlayScroll = max(0, overlayScroll - max(1, layout.listRows - 4))
        default:
            mode = .normal
            overlayScroll = 0
        }
        return []
    }

    /// The hint shown until the first sample of the console's own figures arrives.
    static let selfStatsComing = "The console's own figures appear within a second."

    /// Quit, unless actions are held: then ask first (see ``quitWithHeldActions()``).
    mutating func quitRequested(confirmed: Bool) -> [ConsoleEffect] {
        guard !held.isEmpty else {
            quitting = true
            return [.quit]
        }
        quitAsked = confirmed
        return quitWithHeldActions()
    }

    /// Runs one named command in normal mode.
    private mutating func run(_ command: KeyCommand) -> [ConsoleEffect] {
        if let target = command.screen { return switchTo(target) }
        switch command {
        case .nextScreen:
            return switchTo(Screen(rawValue: screen.rawValue % Screen.allCases.count + 1)!)
        case .previousScreen:
            return switchTo(Screen(rawValue: (screen.rawValue + Screen.allCases.count - 2) % Screen.allCases.count + 1)!)
        case .quit:
            if screen.hasList && list.detailOpen {
                list.detailOpen = false
                return []
            }
            return quitRequested(confirmed: false)
        case .help:
            mode = .help
            overlayScroll = 0
            return []
        case .command:
            mode = .command(TextField(maxLength: 40))
            return []
        case .filter:
            guard screen.hasList else { return [] }
            mode = .filter(TextField(text: list.filter, maxLength: 120))
            return []
        case .back:
            if screen.hasList && list.detailOpen {
                list.detailOpen = false
            } else if screen.hasList && !list.filter.isEmpty {
                return setFilter("")
            } else if screen != .overview {
                return switchTo(.overview)
            }
            return []
        case .up: return move(by: -1)
        case .down: return move(by: 1)
        case .pageUp: return move(by: -max(1, layout.listRows - 1))
        case .pageDown: return move(by: max(1, layout.listRows - 1))
        case .first: return select(0)
        case .last: return select(rowCount(screen) - 1)
        case .details:
            guard screen.hasList, rowCount(screen) > 0 else { return [] }
            list.detailOpen.toggle()
            clampSelections()
            return reloadIfWindowMissing()
        case .sort:
            return cycleSort()
        case .reverseSort:
            guard screen.hasList else { return [] }
            list.descending.toggle()
            refreshNodeRows()
            list.select(0, count: rowCount(screen), visible: layout.listRows)
            return reloadIfWindowMissing()
        case .approve: return openDecision(.approve)
        case .reject: return openDecision(.reject)
        case .cancel: return openRunAction(.cancel)
        case .reroute: return openRunAction(.reroute)
        case .undo: return takeBackLatest()
        case .reverseDecision: return openReverse()
        case .escalate: return openEscalatePrompt()
        case .pause: return openPausePrompt()
        case .actions:
            mode = .sessionActions
            overlayScroll = 0
            return []
        case .export: return openExport()
        case .copyID: return copySelectedID()
        case .selfStats:
            showSelf.toggle()
            if showSelf && selfStats == nil {
                status = StatusMessage(tr.template(Self.selfStatsComing), severity: .info, at: now)
            }
            return []
        case .refresh:
            return [requestReload()]
        case .redraw:
            return [.redraw]
        case .overview, .nodes, .runs, .approvals, .institutes, .audit:
            return []
        }
    }

    /// Goes to `target`, clearing the new-approvals badge when it is the approvals screen.
    mutating func switchTo(_ target: Screen) -> [ConsoleEffect] {
        screen = target
        if target == .nodes { refreshNodeRows() }
        if target == .approvals { newApprovals = 0 }
        clampSelections()
        return reloadIfWindowMissing()
    }

    private mutating func move(by delta: Int) -> [ConsoleEffect] {
        guard screen.hasList else { return [] }
        list.move(by: delta, count: rowCount(screen), visible: layout.listRows)
        return reloadIfWindowMissing()
    }

    private mutating func select(_ index: Int) -> [ConsoleEffect] {
        guard screen.hasList else { return [] }
        list.select(index, count: rowCount(screen), visible: layout.listRows)
        return reloadIfWindowMissing()
    }

    private mutating func cycleSort() -> [ConsoleEffect] {
        let columns: Int
        switch screen {
        case .runs: columns = RunColumns.sortKeys.count
        case .approvals: columns = ApprovalColumns.sortKeys.count
        case .nodes: columns = NodeSortKey.allCases.count
        default:
            status = StatusMessage(tr("This screen has a fixed order."), severity: .info, at: now)
            return []
        }
        list.sortColumn = (list.sortColumn + 1) % columns
        refreshNodeRows()
        list.select(0, count: rowCount(screen), visible: layout.listRows)
        return reloadIfWindowMissing()
    }

    /// Sets the current list's filter, going back to its first row.
    mutating func setFilter(_ text: String) -> [ConsoleEffect] {
        list.filter = text
        list.top = 0
        list.selected = 0
        refreshNodeRows()
        clampSelections()
        return reloadIfWindowMissing()
    }
}
