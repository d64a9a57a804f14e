import ConsoleCore
import ConsoleRender
import FactoryModel
import FactoryStore
import Foundation
import NodeRegistry
import SafeText

/// The dashboard without a terminal, for measuring it (`fusion-console bench-headless`): the live loop's state,
/// loader, gate, registry bridge and renderer, driven on the caller's thread, each event followed at once by the
/// store reads and actions it asks for, then a frame rendered into a cell grid and compared with the last one, as
/// the terminal backend compares them before drawing.
public final class HeadlessDashboard {
    /// The console's state.
    public private(set) var state: ConsoleState
    /// How long each action sent through the gate took to commit (decision and audit record), oldest first.
    public private(set) var commits: [Duration] = []
    private let loader: StoreLoader
    private let gate: ActionGate
    private let actor: Actor
    private let poller: RegistryPoller?
    private var lastGrid: CellGrid?
    private let clock = ContinuousClock()

    /// A dashboard of `size` on `store` for `actor`, polling `registry` when one is given (on demand, see
    /// ``pollRegistry()``). The audit chain is verified in the background, as in the live dashboard.
    public init(store: any JobStore, actor: Actor, size: TerminalSize, registry: RegistryConfiguration?) throws {
        let role = (try? store.role(of: actor.account)) ?? .viewer
        state = ConsoleState(
            size: size, now: Date(), identity: ConsoleIdentity(actor: actor, role: role, readOnly: false),
            options: ConsoleOptions(), registryConfigured: registry != nil
        )
        loader = StoreLoader(store: store, account: actor.account, verifyAuditInBackground: true)
        gate = ActionGate(store: store)
        self.actor = actor
        poller = try registry.map { RegistryPoller(client: try $0.makeClient(), interval: ConsoleOptions().refreshInterval) }
    }

    /// Applies `event` and everything it leads to, then renders the frame; returns the frame and how many cells
    /// differ from the last one.
    @discardableResult
    public func handle(_ event: ConsoleEvent) throws -> (grid: CellGrid, changed: Int) {
        try settle(state.update(event))
        return frame()
    }

    /// One poll of the registry (conditional, as the live poller's), handed to the console; returns whether new
    /// data came (false: the registry answered "not modified", or failed).
    @discardableResult
    public func pollRegistry() throws -> Bool {
        guard let poller else { return false }
        let before = poller.state.sampleNumber
        let registryState = poller.pollOnce()
        try settle(state.update(.registryUpdated(RegistryBridge.view(of: registryState))))
        return registryState.sampleNumber != before
    }

    /// Renders the current state and counts the cells that changed since the last frame.
    public func frame() -> (grid: CellGrid, changed: Int) {
        let grid = ConsoleView.render(state, charset: .utf8)
        var changed = grid.cells.count
        if let lastGrid, lastGrid.width == grid.width, lastGrid.height == grid.height {
            changed = zip(lastGrid.cells, grid.cells).reduce(0) { $0 + ($1.0 == $1.1 ? 0 : 1) }
        }
        lastGrid = grid
        return (grid, changed)
    }

    /// Carries out effects: store reads (and the reads their answers ask for), actions through the gate.
    private func settle(_ effects: [ConsoleEffect]) throws {
        var pending = effects
        var rounds = 0
        while !pending.isEmpty, rounds < 20 {
            rounds += 1
            let effect = pending.removeFirst()
            switch effect {
            case .reload(let needs):
                let snapshot = try loader.read(needs, now: Date())
                pending += state.update(.storeLoaded(snapshot, at: Date()))
            case .perform(let action):
                let started = clock.now
                let outcome: ActionOutcome
                do {
                    outcome = .done(try gate.perform(action, as: actor).message)
                } catch {
                    outcome = .refused(error.message)
                }
                commits.append(started.duration(to: clock.now))
                pending += state.update(.actionFinished(outcome))
            case .bell, .redraw, .quit, .export, .copyToClipboard:
                continue
            }
        }
    }
}
