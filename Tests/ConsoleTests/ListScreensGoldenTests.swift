import ConsoleCore
import ConsoleRender
import FactoryModel
import Foundation
import GRDB
import Testing

/// Golden screens of the nodes, runs, institutes and audit lists, at the smallest (80x24) and a large (160x48)
/// terminal, with their detail panes and the states that matter (a filter, another sort, a broken audit chain).
@Suite("List screens: golden")
struct ListScreensGoldenTests {
    // MARK: Nodes

    @Test("nodes at 80x24: name, pool, status, CPU, memory, GPU meter and heartbeat")
    func nodes80() throws {
        let fixture = try ConsoleFixture()
        let grid = ConsoleView.render(try fixture.state(screen: .nodes), charset: .utf8)
        Golden.assertMatches(grid, named: "nodes-80x24")
        ScreenChecks.rowsFit(grid)
        #expect(grid.row(1).contains("79 nodes (6 down)"))
        #expect(grid.row(2).contains("NAME ↑"))
    }

    @Test("nodes at 160x48 sorted by status: every column, the down nodes first with their stale heartbeats")
    func nodes160() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: .nodes, width: 160, height: 48)
        _ = try fixture.press([.character("s"), .character("s"), .character("s"), .character("s")], on: &state)
        #expect(NodeSortKey.allCases[state.list.sortColumn] == .status)
        let grid = ConsoleView.render(state, charset: .utf8)
        Golden.assertMatches(grid, named: "nodes-by-status-160x48")
        ScreenChecks.rowsFit(grid)
        for heading in ["SITE", "POOL", "KIND", "STATUS ↑", "CPU%", "MEM%", "GPUS", "GPU%", "TREND", "HEARTBEAT"] {
            #expect(grid.row(2).contains(heading), "missing \(heading)")
        }
        let first = grid.row(state.layout.listTop)
        #expect(first.contains("✗ down") && first.contains("5m stale"))
    }

    @Test("nodes detail at 160x48: per-GPU bars, memory, temperature, power and the history")
    func nodesDetail() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: .nodes, width: 160, height: 48)
        let index = try #require(state.visibleNodes.firstIndex { $0.name == "bgr-gpu-002" })
        _ = try fixture.press(Array(repeating: .down, count: index) + [.enter], on: &state)
        let grid = ConsoleView.render(state, charset: .utf8)
        Golden.assertMatches(grid, named: "nodes-detail-160x48")
        ScreenChecks.rowsFit(grid)
        let rule = try #require(state.layout.detailTop)
        #expect(grid.row(rule).contains("bgr-gpu-002 · Benguerir · benguerir-gpu · GPU · ✓ up"))
        #expect(ScreenChecks.row(containing: "GPU mean, last 30 samples", in: grid) != nil)
        #expect(ScreenChecks.row(containing: "A100 SXM4 80GB", in: grid) != nil)
        #expect(ScreenChecks.row(containing: "/80.0 GiB", in: grid) != nil)
    }

    // MARK: Runs

    @Test("runs at 80x24: id, state, priority, age and title")
    func runs80() throws {
        let fixture = try ConsoleFixture()
        let grid = ConsoleView.render(try fixture.state(screen: .runs), charset: .utf8)
        Golden.assertMatches(grid, named: "runs-80x24")
        ScreenChecks.rowsFit(grid)
        #expect(grid.row(1).contains("414 runs · sort: submitted ↓"))
    }

    @Test("runs at 160x48: every column")
    func runs160() throws {
        let fixture = try ConsoleFixture()
        let grid = ConsoleView.render(try fixture.state(screen: .runs, width: 160, height: 48), charset: .utf8)
        Golden.assertMatches(grid, named: "runs-160x48")
        ScreenChecks.rowsFit(grid)
        for heading in ["ID", "STATE", "PRI", "POOL", "GPUS", "AGENT", "PROJECT", "SUBMITTED ↓", "TITLE"] {
            #expect(grid.row(2).contains(heading), "missing \(heading)")
        }
    }

    @Test("runs detail at 160x48 on a run awaiting approval: its timeline and its approval")
    func runsDetailAwaiting() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: .runs, width: 160, height: 48)
        let window = try #require(state.store?.runs)
        let local = try #require(window.rows.firstIndex { $0.state == .awaitingApproval })
        _ = try fixture.press(Array(repeating: .down, count: window.offset + local) + [.enter], on: &state)
        let run = try #require(state.selectedRun)
        #expect(run.state == .awaitingApproval)
        #expect(!(state.store?.selectedRunApprovals.isEmpty ?? true))
        let grid = ConsoleView.render(state, charset: .utf8)
        Golden.assertMatches(grid, named: "runs-detail-awaiting-160x48")
        ScreenChecks.rowsFit(grid)
        let rule = try #require(state.layout.detailTop)
        #expect(grid.row(rule).contains("\(run.id) · ! awaiting approval"))
        let approval = try #require(state.store?.selectedRunApprovals.first)
        #expect(ScreenChecks.row(containing: "\(approval.id) pending", in: grid) != nil)
        #expect(ScreenChecks.row(containing: "timeline", in: grid) != nil)
    }

    @Test("runs filtered with / state:queued: only queued runs, the filter in the note")
    func runsFiltered() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: .runs)
        _ = try fixture.press([.character("/")] + "state:queued".map { Key.character($0) } + [.enter], on: &state)
        #expect(state.list.filter == "state:queued")
        let grid = ConsoleView.render(state, charset: .utf8)
        Golden.assertMatches(grid, named: "runs-filtered-queued-80x24")
        ScreenChecks.rowsFit(grid)
        #expect(grid.row(1).contains("/state:queued"))
        for y in state.layout.listTop..<(state.layout.listTop + state.layout.listRows) {
            #expect(grid.row(y).contains(" queued "), "row \(y): \(grid.row(y))")
        }
    }

    @Test("runs sorted by priority (s three times): urgent first, the arrow on PRI")
    func runsByPriority() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: .runs, width: 160, height: 48)
        _ = try fixture.press([.character("s"), .character("s"), .character("s")], on: &state)
        #expect(RunColumns.sortKeys[state.list.sortColumn] == .priority)
        let grid = ConsoleView.render(state, charset: .utf8)
        Golden.assertMatches(grid, named: "runs-sorted-priority-160x48")
        ScreenChecks.rowsFit(grid)
        #expect(grid.row(2).contains("PRI ↓"))
        #expect(grid.row(state.layout.listTop).contains("urgent"))
    }

    @Test("runs sorted by GPUs: s reaches the GPUS column, the largest requests first")
    func runsByGPUs() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: .runs, width: 160, height: 48)
        let presses = try #require(RunColumns.sortKeys.firstIndex(of: .gpus))
        _ = try fixture.press(Array(repeating: .character("s"), count: presses), on: &state)
        #expect(RunColumns.sortKeys[state.list.sortColumn] == .gpus)
        let grid = ConsoleView.render(state, charset: .utf8)
        #expect(grid.row(2).contains("GPUS ↓"), "\(grid.row(2))")
        let gpus = try #require(state.store?.runs.rows.map(\.gpus))
        #expect(gpus == gpus.sorted(by: >) && (gpus.first ?? 0) > (gpus.last ?? 0), "\(gpus)")
    }

    // MARK: Institutes

    @Test("institutes at 80x24: accents and Tifinagh line up in their columns")
    func institutes80() throws {
        let fixture = try ConsoleFixture()
        let state = try fixture.state(screen: .institutes)
        let grid = ConsoleView.render(state, charset: .utf8)
        Golden.assertMatches(grid, named: "institutes-80x24")
        ScreenChecks.rowsFit(grid)
        #expect(grid.row(1).contains("● 2 red  ● 5 amber"))
        let tifinagh = try #require(ScreenChecks.row(containing: "ⵜⴰⵎⴰⵣ", in: grid))
        let accents = try #require(ScreenChecks.row(containing: "Aide à la décision", in: grid))
        // The health dot starts at the same cell on both rows, whatever the name's script.
        let dot = try #require((0..<grid.width).first { grid[$0, accents].grapheme == "●" })
        #expect(grid[dot, tifinagh].grapheme == "●")
        #expect(grid[dot - 1, tifinagh].grapheme == " ")
    }

    @Test("institutes at 160x48: sector, phase, GPU hours used/budget, milestone and due date")
    func institutes160() throws {
        let fixture = try ConsoleFixture()
        let grid = ConsoleView.render(try fixture.state(screen: .institutes, width: 160, height: 48), charset: .utf8)
        Golden.assertMatches(grid, named: "institutes-160x48")
        ScreenChecks.rowsFit(grid)
        #expect(grid.row(1).contains("13 institutes · 32 projects · ● 2 red  ● 5 amber"))
        for heading in ["SECTOR", "PHASE", "HEALTH", "RUNS", "APPR", "GPU HOURS", "USED/BUDGET", "NEXT MILESTONE", "DUE"] {
            #expect(grid.row(2).contains(heading), "missing \(heading)")
        }
    }

    // MARK: Audit

    @Test("audit at 80x24: newest first, outcome marks, compact details; the chain verified")
    func audit80() throws {
        let fixture = try ConsoleFixture()
        let grid = ConsoleView.render(try fixture.state(screen: .audit), charset: .utf8)
        Golden.assertMatches(grid, named: "audit-80x24")
        ScreenChecks.rowsFit(grid)
        #expect(grid.row(1).contains("chain ✓ verified"))
        #expect(grid.row(2).contains("DETAILS"))
    }

    @Test("audit at 160x48: full times and details")
    func audit160() throws {
        let fixture = try ConsoleFixture()
        let grid = ConsoleView.render(try fixture.state(screen: .audit, width: 160, height: 48), charset: .utf8)
        Golden.assertMatches(grid, named: "audit-160x48")
        ScreenChecks.rowsFit(grid)
        #expect(grid.row(1).contains("chain ✓ verified · 118 records"))
        #expect(ScreenChecks.row(containing: "✗ denied", in: grid) != nil)
    }

    @Test("audit with a record altered behind the console's back: chain ✗ BROKEN at 57, the record marked")
    func auditBroken() throws {
        let fixture = try ConsoleFixture()
        try Self.tamper(fixture, seq: 57)
        var state = try fixture.state(screen: .audit)
        let store = try #require(state.store)
        #expect(store.auditBreak?.seq == 57)
        let list = ConsoleView.render(state, charset: .utf8)
        ScreenChecks.rowsFit(list)
        let tabRow = state.layout.banners + 1
        #expect(list.row(tabRow).contains("chain ✗ BROKEN at 57"))
        #expect(list.styleRow(tabRow).contains(String(repeating: "c", count: 20)))

        // The broken record itself, with the detail open.
        _ = try fixture.press(Array(repeating: .down, count: store.audit.total - 57) + [.enter], on: &state)
        #expect(state.store?.audit.row(at: state.list.selected)?.seq == 57)
        let grid = ConsoleView.render(state, charset: .utf8)
        Golden.assertMatches(grid, named: "audit-broken-80x24")
        ScreenChecks.rowsFit(grid)
        let marked = try #require(ScreenChecks.row(containing: "✗ 57", in: grid))
        #expect(grid.row(marked).hasPrefix("▶"))
        #expect(ScreenChecks.row(containing: "The chain breaks here", in: grid) != nil)
        #expect(ScreenChecks.row(containing: "forged", in: grid) != nil)
    }

    /// Alters record `seq` in the fixture's store file as an attacker with the file would: drops the trigger that
    /// forbids updates, then rewrites its details.
    static func tamper(_ fixture: ConsoleFixture, seq: Int) throws {
        let queue = try DatabaseQueue(path: fixture.folder.appendingPathComponent("demo.sqlite").path)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update")
            try db.execute(sql: "UPDATE audit_log SET details = '{\"reason\":\"forged\"}' WHERE seq = ?", arguments: [seq])
        }
    }
}
