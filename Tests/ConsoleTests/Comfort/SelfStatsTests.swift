import ConsoleApp
import ConsoleCore
import ConsoleRender
import Foundation
import Testing

/// The console's own figures in the status line (`%`, `[console] show_self`).
@Suite("The console's own figures")
struct SelfStatsTests {
    @Test("the summary is short and readable")
    func summary() {
        let stats = SelfStats(cpuPercent: 1.24, residentBytes: 48 * 1024 * 1024, storePollsPerMinute: 30,
                              registryPollsPerMinute: 30, terminalBytesPerSecond: 1434)
        #expect(stats.summary == "cpu 1.2% rss 48.0M store 30/min reg 30/min tty 1.4K/s")
        let bare = SelfStats(cpuPercent: 0, residentBytes: 900, storePollsPerMinute: 0, registryPollsPerMinute: nil,
                             terminalBytesPerSecond: nil)
        #expect(bare.summary == "cpu 0.0% rss 900B store 0/min tty n/a")
    }

    @Test("% shows them at the right of the status line, and hides them again")
    func toggle() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: .runs)
        #expect(!state.showSelf)
        _ = try fixture.press([.character("%")], on: &state)
        #expect(state.showSelf)
        _ = state.update(.selfSampled(SelfStats(cpuPercent: 2, residentBytes: 40 << 20, storePollsPerMinute: 12,
                                                registryPollsPerMinute: 30, terminalBytesPerSecond: 800)))
        let grid = ConsoleView.render(state, charset: .utf8)
        ScreenChecks.rowsFit(grid)
        #expect(grid.row(state.layout.statusRow).hasSuffix("  cpu 2.0% rss 40.0M store 12/min reg 30/min tty 800B/s "))
        // A message needs the room: the figures give way until it fades.
        state.status = StatusMessage("Cancelled R-190233: the runtime confirmed it; its GPUs are free again.", severity: .success,
                                     at: state.now)
        let busy = ConsoleView.render(state, charset: .utf8).row(state.layout.statusRow)
        #expect(busy.contains("its GPUs are free again") && !busy.contains("cpu "))
        state.status = nil
        _ = try fixture.press([.character("%")], on: &state)
        #expect(!ConsoleView.render(state, charset: .utf8).row(state.layout.statusRow).contains("cpu "))
    }

    @Test("the sampler measures this process: memory, CPU over time, polls in the last minute, output per second")
    func sampler() {
        let sampler = SelfSampler(registryConfigured: true)
        let start = Date()
        _ = sampler.sample(at: start, terminalBytes: 1000)
        sampler.storePolled(at: start.addingTimeInterval(-120))
        sampler.storePolled(at: start)
        sampler.registryPolled(at: start)
        var spin = 0.0
        for index in 0..<2_000_000 { spin += Double(index).squareRoot() }
        #expect(spin > 0)
        let stats = sampler.sample(at: start.addingTimeInterval(2), terminalBytes: 5000)
        #expect(stats.residentBytes > 1 << 20)
        #expect(stats.cpuPercent > 0)
        #expect(stats.storePollsPerMinute == 1)
        #expect(stats.registryPollsPerMinute == 1)
        #expect(stats.terminalBytesPerSecond == 2000)
    }
}
