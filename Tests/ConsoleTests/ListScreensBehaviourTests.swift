import ConsoleCore
import ConsoleRender
import FactoryModel
import FactoryStore
import Foundation
import SafeText
import Testing

/// What the nodes, runs, institutes and audit lists must do whatever they show: fit the terminal, draw the
/// rows the list state says, keep the marker on the selection, and never let hostile text act on the terminal.
@Suite("List screens: behaviour")
struct ListScreensBehaviourTests {
    static let screens: [Screen] = [.nodes, .runs, .institutes, .audit]

    @Test("every row is exactly as wide as the grid, with and without the detail, in UTF-8 and ASCII",
          arguments: [(80, 24), (100, 30), (160, 48)])
    func rowsFit(width: Int, height: Int) throws {
        let fixture = try ConsoleFixture()
        for screen in Self.screens {
            var state = try fixture.state(screen: screen, width: width, height: height)
            _ = try fixture.press([.down, .down, .down], on: &state)
            for detail in [false, true] {
                if detail { _ = try fixture.press([.enter], on: &state) }
                #expect(state.list.detailOpen == detail)
                let utf8 = ConsoleView.render(state, charset: .utf8)
                ScreenChecks.rowsFit(utf8)
                ScreenChecks.noControls(utf8)
                let ascii = ConsoleView.render(state, charset: .ascii)
                ScreenChecks.rowsFit(ascii)
                #expect(ScreenChecks.isPureASCII(ascii), "\(screen.title) \(width)x\(height) detail \(detail)")
            }
        }
    }

    @Test("G on the runs list draws the last runs, from a window that was loaded, not the whole table")
    func scrollToEnd() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: .runs)
        _ = try fixture.press([.character("G")], on: &state)
        let store = try #require(state.store)
        let total = store.runs.total
        let layout = state.layout
        #expect(state.list.selected == total - 1)
        #expect(state.list.top == total - layout.listRows)
        // The loaded window covers what is visible, and only a few screens of it.
        #expect(store.runs.covers(state.list.top..<total))
        #expect(store.runs.offset > 0)
        #expect(store.runs.rows.count <= 3 * layout.listRows)
        #expect(store.runs.rows.count < total)

        // The store, asked directly, says which runs are last in this order.
        let expected = try fixture.store.runs(RunQuery(
            sort: .submittedAt, descending: true, offset: total - layout.listRows, limit: layout.listRows))
        #expect(expected.count == layout.listRows)
        let grid = ConsoleView.render(state, charset: .utf8)
        ScreenChecks.rowsFit(grid)
        for (offset, run) in expected.enumerated() {
            let row = grid.row(layout.listTop + offset)
            #expect(row.contains(run.id.description), "row \(offset) should show \(run.id): |\(row)|")
            #expect(!row.hasPrefix("  …"))
        }
        #expect(grid.row(layout.listTop + layout.listRows - 1).hasPrefix("▶ \(expected[expected.count - 1].id)"))
    }

    @Test("rows the loaded window does not hold show as a dim ellipsis, never as another run")
    func missingRows() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: .runs)
        var store = try #require(state.store)
        let kept = Array(store.runs.rows.prefix(5))
        store.runs = ListWindow(offset: 0, rows: kept, total: store.runs.total)
        state.store = store
        let grid = ConsoleView.render(state, charset: .utf8)
        ScreenChecks.rowsFit(grid)
        let top = state.layout.listTop
        for (offset, run) in kept.enumerated() { #expect(grid.row(top + offset).contains(run.id.description)) }
        for y in (top + kept.count)..<(top + state.layout.listRows) {
            #expect(grid.row(y).trimmingCharacters(in: .whitespaces) == "…", "row \(y): |\(grid.row(y))|")
            #expect(grid[2, y].style == .dim)
        }
    }

    @Test("the marked row is the selected run, after moving, paging and with the detail open")
    func markerOnSelection() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: .runs)
        let moves: [[Key]] = [[], [.down, .down, .down], [.pageDown], [.pageDown, .up], [.enter], [.pageDown, .pageDown]]
        for keys in moves {
            _ = try fixture.press(keys, on: &state)
            let grid = ConsoleView.render(state, charset: .utf8)
            let layout = state.layout
            let marked = (layout.listTop..<(layout.listTop + layout.listRows)).filter { grid[0, $0].grapheme == "▶" }
            #expect(marked.count == 1, "one marker after \(keys)")
            let run = try #require(state.selectedRun)
            let y = try #require(marked.first)
            #expect(y == layout.listTop + state.list.selected - state.list.top)
            #expect(grid.row(y).hasPrefix("▶ \(run.id) "), "|\(grid.row(y))| should be \(run.id)")
            #expect(grid.styleRow(y).hasPrefix("ss"))
        }
    }

    @Test("the marked audit record and node are the selected ones")
    func markerOnOtherLists() throws {
        let fixture = try ConsoleFixture()
        var audit = try fixture.state(screen: .audit)
        _ = try fixture.press([.pageDown, .down], on: &audit)
        let auditGrid = ConsoleView.render(audit, charset: .utf8)
        let record = try #require(audit.store?.audit.row(at: audit.list.selected))
        let auditRow = try #require(ScreenChecks.row(containing: "▶", in: auditGrid))
        #expect(auditGrid.row(auditRow).contains(" \(record.seq)  "))

        var nodes = try fixture.state(screen: .nodes)
        _ = try fixture.press([.pageDown, .pageDown], on: &nodes)
        let nodesGrid = ConsoleView.render(nodes, charset: .utf8)
        let node = try #require(nodes.selectedNode)
        #expect(nodesGrid.row(try #require(ScreenChecks.row(containing: "▶", in: nodesGrid))).hasPrefix("▶ \(node.name) "))
    }

    @Test("nodes without a registry: a plain message that says how to configure one")
    func nodesWithoutRegistry() throws {
        let fixture = try ConsoleFixture()
        let state = try fixture.state(screen: .nodes, registry: false)
        let grid = ConsoleView.render(state, charset: .utf8)
        ScreenChecks.rowsFit(grid)
        let row = try #require(ScreenChecks.row(containing: "No node registry configured", in: grid))
        let message = (row..<(row + 2)).map { grid.row($0).trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(message.contains("set [registry] url in the config or start with --registry URL."))
        #expect(grid.row(1).contains("no registry configured"))
    }

    @Test("stale registry data stays on screen, marked stale with its age")
    func nodesStale() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: .nodes)
        state.registry.status.lastSuccess = ConsoleFixture.now.addingTimeInterval(-42)
        state.registry.status.error = "connection refused"
        let grid = ConsoleView.render(state, charset: .utf8)
        ScreenChecks.rowsFit(grid)
        #expect(grid.row(1).contains("✗ stale 42s"))
        #expect(ScreenChecks.row(containing: "al-hoceima-1", in: grid) != nil)
    }

    @Test("a GPU at 85 °C or more is marked hot in words, not only in colour")
    func hotGPU() throws {
        let fixture = try ConsoleFixture()
        var view = ConsoleFixture.registryView()
        let index = try #require(view.nodes.firstIndex { $0.gpus.count > 1 })
        view.nodes[index].gpus[1].tempC = 91
        var state = try fixture.state(screen: .nodes, width: 160, height: 48)
        _ = state.update(.registryUpdated(view))
        let position = try #require(state.visibleNodes.firstIndex { $0.id == view.nodes[index].id })
        _ = try fixture.press(Array(repeating: .down, count: position) + [.enter], on: &state)
        let grid = ConsoleView.render(state, charset: .utf8)
        ScreenChecks.rowsFit(grid)
        let row = try #require(ScreenChecks.row(containing: "! 91 °C hot", in: grid))
        let x = try #require(grid.row(row).range(of: "! 91").map { DisplayWidth.of(grid.row(row)[..<$0.lowerBound]) })
        #expect(grid[x, row].style == .critical)
        #expect(ScreenChecks.row(containing: "°C hot", in: grid) == row, "only the hot GPU is marked")
    }

    @Test("a filter that matches nothing says so", arguments: [Screen.nodes, .runs, .institutes, .audit])
    func emptyFilter(screen: Screen) throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: screen)
        _ = try fixture.press([.character("/")] + "zzzz-nothing".map { Key.character($0) } + [.enter], on: &state)
        #expect(state.rowCount(screen) == 0)
        let grid = ConsoleView.render(state, charset: .utf8)
        ScreenChecks.rowsFit(grid)
        let expected = screen == .runs ? "No runs match the filter" : (screen == .nodes ? "No nodes match the filter" : "matches the filter")
        #expect(ScreenChecks.row(containing: expected, in: grid) != nil, "\(screen.title)")
    }

    // MARK: Hostile text

    static let hostile = "\u{1B}[2J\u{1B}]52;c;cm0gLXJmIC8=\u{07}Évil\u{202E}txt.exe\u{9B}31m\u{200B}\u{200D}zero\u{0}\r\nnext"

    /// No scalar of the attack reaches a cell; visible placeholders show something was there.
    static func expectDefused(_ grid: CellGrid, sourceLocation: SourceLocation = #_sourceLocation) {
        ScreenChecks.rowsFit(grid, sourceLocation: sourceLocation)
        ScreenChecks.noControls(grid, sourceLocation: sourceLocation)
        for scalar: Unicode.Scalar in ["\u{1B}", "\u{07}", "\u{202E}", "\u{9B}", "\u{200B}", "\u{200D}", "\u{0}", "\r", "\n"] {
            #expect(!grid.cells.contains { $0.grapheme.unicodeScalars.contains(scalar) },
                    "U+\(String(scalar.value, radix: 16)) reached the grid", sourceLocation: sourceLocation)
        }
    }

    @Test("a hostile run title is drawn inert in the list and in the detail pane")
    func hostileRunTitle() throws {
        let fixture = try ConsoleFixture()
        let runtime = RuntimeService(store: fixture.store, clock: FixedClock(ConsoleFixture.now))
        let id = try runtime.submit(NewRun(
            agent: "evil\u{1B}[31m-agent", title: Self.hostile, projectID: ProjectID(rawValue: 1), priority: .urgent,
            poolID: "dakhla-gpu", gpus: 1, cpus: 4, submittedBy: "x\u{202E}y", submittedAt: ConsoleFixture.now
        ))
        for (width, height) in [(80, 24), (160, 48)] {
            var state = try fixture.state(screen: .runs, width: width, height: height)
            #expect(state.selectedRun?.id == id)
            _ = try fixture.press([.enter], on: &state)
            let grid = ConsoleView.render(state, charset: .utf8)
            Self.expectDefused(grid)
            let row = try #require(ScreenChecks.row(containing: id.description, in: grid))
            #expect(grid.row(row).contains("␛[2J"))
            #expect(ScreenChecks.row(containing: "title", in: grid) != nil)
            let ascii = ConsoleView.render(state, charset: .ascii)
            ScreenChecks.rowsFit(ascii)
            #expect(ScreenChecks.isPureASCII(ascii))
        }
    }

    @Test("a hostile node name, site, pool and GPU model are drawn inert")
    func hostileNode() throws {
        let fixture = try ConsoleFixture()
        var view = ConsoleFixture.registryView()
        let index = try #require(view.nodes.firstIndex { !$0.gpus.isEmpty })
        view.nodes[index].name = Self.hostile
        view.nodes[index].site = "site\u{9B}2J"
        view.nodes[index].pool = "pool\u{202E}lag"
        view.nodes[index].gpus[0].model = "H100\u{1B}]52;c;eA==\u{07}"
        var state = try fixture.state(screen: .nodes, width: 160, height: 48)
        _ = state.update(.registryUpdated(view))
        let position = try #require(state.visibleNodes.firstIndex { $0.id == view.nodes[index].id })
        _ = try fixture.press([.home] + Array(repeating: .down, count: position) + [.enter], on: &state)
        #expect(state.selectedNode?.id == view.nodes[index].id)
        Self.expectDefused(ConsoleView.render(state, charset: .utf8))
        _ = state.update(.resize(width: 80, height: 24))
        Self.expectDefused(ConsoleView.render(state, charset: .utf8))
    }

    @Test("hostile audit fields and details JSON are drawn inert")
    func hostileAudit() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: .audit, width: 160, height: 48)
        var store = try #require(state.store)
        let record = AuditRecord(
            seq: 500, at: ConsoleFixture.now, actor: Self.hostile, via: "root\u{202E}", action: "cancel\u{1B}[8m",
            subject: "R-1\u{9B}2J", outcome: .denied,
            details: #"{"reason":"\u001b]52;c;eA==\u0007 hi \u202e","state\u200b":"\u009b31m"}"#,
            prevHash: String(repeating: "0", count: 64), hash: String(repeating: "f", count: 64)
        )
        store.audit = ListWindow(offset: 0, rows: [record] + store.audit.rows, total: store.audit.total + 1)
        state.store = store
        _ = state.update(.key(.enter))
        let grid = ConsoleView.render(state, charset: .utf8)
        Self.expectDefused(grid)
        #expect(ScreenChecks.row(containing: "✗ denied", in: grid) != nil)
        _ = state.update(.resize(width: 80, height: 24))
        Self.expectDefused(ConsoleView.render(state, charset: .utf8))
    }
}
