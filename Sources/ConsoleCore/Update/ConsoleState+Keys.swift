import Foundation
import FactoryModel

extension ConsoleState {
    mutating func handle(_ key: Key) -> [ConsoleEffect] {
        if key == .control("c") {
            quitting = true
            return [.quit]
        }
        if key == .control("l") { return [.redraw] }
        switch mode {
        case .normal: return handleNormal(key)
        case .help:
            mode = .normal
            return []
        case .filter(var field):
            return handleFilter(key, &field)
        case .command(var field):
            return handleCommand(key, &field)
        case .dialog(var dialog):
            return handleDialog(key, &dialog)
        }
    }

    private mutating func handleNormal(_ key: Key) -> [ConsoleEffect] {
        if size.isTooSmall {
            if key == .character("q") {
                quitting = true
                return [.quit]
            }
            return []
        }
        switch key {
        case .character(let c) where ("1"..."6").contains(c):
            return switchTo(Screen(rawValue: Int(String(c))!)!)
        case .tab:
            return switchTo(Screen(rawValue: screen.rawValue % Screen.allCases.count + 1)!)
        case .backTab:
            return switchTo(Screen(rawValue: (screen.rawValue + Screen.allCases.count - 2) % Screen.allCases.count + 1)!)
        case .character("q"):
            if screen.hasList && list.detailOpen {
                list.detailOpen = false
                return []
            }
            quitting = true
            return [.quit]
        case .character("?"), .function(1):
            mode = .help
            return []
        case .character(":"):
            mode = .command(TextField(maxLength: 40))
            return []
        case .character("/"):
            guard screen.hasList else { return [] }
            mode = .filter(TextField(text: list.filter, maxLength: 120))
            return []
        case .escape:
            if screen.hasList && list.detailOpen {
                list.detailOpen = false
            } else if screen.hasList && !list.filter.isEmpty {
                return setFilter("")
            } else if screen != .overview {
                return switchTo(.overview)
            }
            return []
        case .up, .character("k"): return move(by: -1)
        case .down, .character("j"): return move(by: 1)
        case .pageUp, .control("b"): return move(by: -max(1, layout.listRows - 1))
        case .pageDown, .control("f"), .character(" "): return move(by: max(1, layout.listRows - 1))
        case .home, .character("g"): return select(0)
        case .end, .character("G"): return select(rowCount(screen) - 1)
        case .enter:
            guard screen.hasList, rowCount(screen) > 0 else { return [] }
            list.detailOpen.toggle()
            clampSelections()
            return reloadIfWindowMissing()
        case .character("s"):
            return cycleSort()
        case .character("S"):
            guard screen.hasList else { return [] }
            list.descending.toggle()
            refreshNodeRows()
            list.select(0, count: rowCount(screen), visible: layout.listRows)
            return reloadIfWindowMissing()
        case .character("a"): return openDecision(.approve)
        case .character("r"): return openDecision(.reject)
        case .character("c"): return openRunAction(.cancel)
        case .character("m"): return openRunAction(.reroute)
        case .character("U"): return openReverse()
        case .character("e"): return openEscalatePrompt()
        case .character("P"): return openPausePrompt()
        case .character("R"), .function(5):
            return [requestReload()]
        default:
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
            status = StatusMessage("This screen has a fixed order.", severity: .info, at: now)
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
