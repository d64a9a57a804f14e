import ConsoleCore
import ConsoleRender
import FactoryModel
import Foundation
import Testing

/// `.storeChanged`: a store announced a committed change (PostgreSQL NOTIFY), or listening resumed.
@Suite("A change announced by the store")
struct StoreChangedEventTests {
    func state(refresh: TimeInterval = 3600) -> ConsoleState {
        ConsoleState(
            size: TerminalSize(width: 100, height: 30), now: Date(timeIntervalSince1970: 1_795_000_000),
            identity: ConsoleIdentity(actor: Actor(account: "sup-eau"), role: .supervisor, readOnly: false),
            options: ConsoleOptions(factoryName: "test", refreshInterval: refresh), registryConfigured: false
        )
    }

    @Test func asksForAReloadAtOnceWhateverTheRefreshInterval() {
        var console = state()
        _ = console.update(.tick(console.now))
        #expect(console.update(.tick(console.now.addingTimeInterval(1))).isEmpty, "no poll before the interval")
        let effects = console.update(.storeChanged)
        #expect(effects == [.reload(console.needs)])
    }

    @Test func aLostConnectionMarksTheStoreStaleUntilTheReloadAfterReconnecting() {
        var console = state(refresh: 2)
        _ = console.update(.storeFailed("The job store's database server cannot be reached", at: console.now))
        #expect(console.storeStatus.isStale(at: console.now, interval: 2))
        #expect(console.update(.storeChanged) == [.reload(console.needs)], "reconnected: read everything again")
    }

    /// The loop skips the frame after `.storeChanged` (``ConsoleEvent/mayChangeTheScreen``): that is right only if
    /// the event changes nothing that is drawn, on any screen.
    @Test func changesNothingOnScreenSoTheLoopDrawsNoFrameForIt() throws {
        #expect(!ConsoleEvent.storeChanged.mayChangeTheScreen)
        #expect(ConsoleEvent.tick(Date()).mayChangeTheScreen)
        let fixture = try ConsoleFixture()
        var console = try fixture.state()
        for screen in Screen.allCases {
            console.screen = screen
            let before = ConsoleView.render(console, charset: .utf8)
            _ = console.update(.storeChanged)
            #expect(ConsoleView.render(console, charset: .utf8) == before, "\(screen) changed on .storeChanged")
        }
    }
}
