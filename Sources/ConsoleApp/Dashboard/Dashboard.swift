import ConsoleCore
import ConsoleRender
import FactoryModel
import FactoryStore
import Foundation
import Logging
import NodeRegistry
import TerminalNCurses

/// The live dashboard: one loop owns the console state; store reads, actions and registry polls run elsewhere
/// and come back as events; every change is rendered into a cell grid and handed to the terminal backend,
/// which sends only the cells that changed.
public enum Dashboard {
    /// How the dashboard ended.
    public enum Ending: Sendable, Equatable {
        /// The operator quit.
        case quit
        /// A signal (SIGINT, SIGTERM, SIGHUP) ended it; any open dialog was discarded, nothing half-sent.
        case signal(Int32)
    }

    /// Runs the dashboard until the operator quits or a signal arrives; the terminal is restored either way.
    public static func run(_ settings: DashboardSettings, logger: Logger) throws(TerminalError) -> Ending {
        keepLargeBlocksMapped()
        let terminal = try NCursesTerminal(options: TerminalOptions(
            theme: settings.theme, stderrLog: settings.logFile, colorLimit: settings.colorLimit
        ))
        defer { terminal.stop() }
        let inbox = EventInbox(waker: terminal.waker)
        let role = (try? settings.store.role(of: settings.actor.account)) ?? .viewer
        var options = settings.options
        options.clipboard = settings.clipboard.allows(terminalDescribesIt: terminal.describesClipboard)
        var state = ConsoleState(
            size: terminal.size, now: Date(),
            identity: ConsoleIdentity(actor: settings.actor, role: role, readOnly: settings.readOnly),
            options: options, registryConfigured: settings.registry != nil
        )
        if let note = settings.startupNotes.first {
            let more = settings.startupNotes.count > 1 ? " (+\(settings.startupNotes.count - 1) more in the log)" : ""
            state.status = StatusMessage(note + more, severity: .warning, at: Date())
        }
        let sampler = SelfSampler(registryConfigured: settings.registry != nil)
        let loader = StoreLoader(store: settings.store, account: settings.actor.account, verifyAuditInBackground: true)
        let gate = ActionGate(store: settings.store, readOnly: settings.readOnly, rules: settings.options.rules)
        let actions = DispatchQueue(label: "fusion.actions", qos: .userInitiated)
        let poller = try startRegistry(settings, inbox: inbox, logger: logger)
        defer { poller?.stop() }
        let watch = watchStore(settings.store, inbox: inbox, logger: logger)
        defer { watch?.stop() }
        logger.info("dashboard started", metadata: ["account": "\(settings.actor)", "store": "\(settings.store.location)"])

        func handle(_ effects: [ConsoleEffect]) {
            for effect in effects {
                switch effect {
                case .reload(let needs):
                    sampler.storePolled(at: Date())
                    loader.load(needs, now: Date(), deliver: inbox.post)
                case .perform(let action):
                    let actor = settings.actor
                    logger.notice("action sent", metadata: ["action": "\(action.name)", "subject": "\(action.subject)"])
                    actions.async {
                        let result = Result { () throws(ActionError) in try gate.perform(action, as: actor) }
                        switch result {
                        case .success(let receipt):
                            logger.notice("action done", metadata: ["action": "\(action.name)", "subject": "\(action.subject)"])
                            inbox.post(.actionFinished(.done(receipt.message)))
                        case .failure(let error):
                            logger.notice("action refused", metadata: ["action": "\(action.name)", "error": "\(error.message)"])
                            inbox.post(.actionFinished(.refused(error.message)))
                        }
                    }
                case .bell:
                    terminal.bell()
                case .redraw:
                    terminal.repaint()
                case .quit:
                    break
                case .export(let request):
                    let outcome = ExportWriter.write(request)
                    logger.info("export", metadata: ["path": "\(request.path)", "outcome": "\(outcome)"])
                    inbox.post(.exportFinished(outcome))
                case .copyToClipboard(let id):
                    terminal.copyToClipboard(id)
                }
            }
        }

        handle(state.update(.tick(Date())))
        var lastSecond = Int(Date().timeIntervalSince1970)
        var dirty = true
        while true {
            if dirty {
                terminal.draw(ConsoleView.render(state, charset: terminal.charset))
                dirty = false
            }
            let now = Date()
            let untilNextSecond = 1 - now.timeIntervalSince1970.truncatingRemainder(dividingBy: 1)
            let input = terminal.nextInput(timeout: .milliseconds(Int(untilNextSecond * 1000) + 5))
            var events: [ConsoleEvent] = []
            switch input {
            case .key(let key): events.append(.key(key))
            case .resize(let size): events.append(.resize(width: size.width, height: size.height))
            case .signal(let number):
                logger.notice("signal received; leaving the dashboard", metadata: ["signal": "\(number)"])
                HeldActionsReport.report(state, terminal: terminal, logger: logger, why: "the dashboard was stopped by signal \(number)")
                return .signal(number)
            case .wake, nil: break
            }
            events += inbox.drain()
            for event in events { if case .registryUpdated = event { sampler.registryPolled(at: Date()) } }
            let second = Int(Date().timeIntervalSince1970)
            if second != lastSecond {
                lastSecond = second
                events.append(.tick(Date()))
                if state.showSelf { events.append(.selfSampled(sampler.sample(at: Date(), terminalBytes: terminal.bytesWritten))) }
            }
            for event in events {
                handle(state.update(event))
                if event.mayChangeTheScreen { dirty = true }
            }
            if state.quitting {
                // Actions sent on the way out (held ones the operator chose to send) finish before the process ends.
                actions.sync {}
                HeldActionsReport.report(state, terminal: terminal, logger: logger, why: "Ctrl-C quit while they were held")
                logger.info("dashboard closed by the operator")
                return .quit
            }
        }
    }

    /// A registry of thousands of nodes answers with megabytes at each poll. glibc's allocator raises its mmap
    /// threshold each time such a block is freed, so the next answers would come from the heap and stay there (the
    /// resident size growing with every poll), and each thread would get an arena of its own: keep large blocks
    /// mapped (given back when freed) and the arenas few.
    private static func keepLargeBlocksMapped() {
        #if canImport(Glibc)
        // mallopt is not in Swift's Glibc module (malloc.h): look it up. Its option numbers are glibc's ABI.
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        let mmapThreshold: Int32 = -3, arenaMax: Int32 = -8
        _ = mallopt(mmapThreshold, 256 * 1024)
        _ = mallopt(arenaMax, 2)
        #endif
    }

    /// Push, for a store that announces its changes (PostgreSQL's NOTIFY; SQLite's change counter read four times a
    /// second): each announcement asks for a reload at once, a lost connection marks the store stale, and listening
    /// again reloads everything. Polling at the refresh interval goes on regardless, as the fallback.
    private static func watchStore(_ store: any JobStore, inbox: EventInbox, logger: Logger) -> (any StoreChangeWatch)? {
        guard let notifying = store as? any ChangeNotifyingStore else { return nil }
        do {
            return try notifying.watchChanges { change in
                switch change {
                case .changed:
                    inbox.post(.storeChanged)
                case .reconnected:
                    logger.notice("store notifications resumed")
                    inbox.post(.storeChanged)
                case .connectionLost(let message):
                    logger.warning("store notifications lost", metadata: ["error": "\(message)"])
                    inbox.post(.storeFailed(message, at: Date()))
                }
            }
        } catch {
            logger.warning("store notifications unavailable; polling only", metadata: ["error": "\(error)"])
            return nil
        }
    }

    private static func startRegistry(_ settings: DashboardSettings, inbox: EventInbox, logger: Logger) throws(TerminalError) -> RegistryPoller? {
        guard let configuration = settings.registry else { return nil }
        let client: any RegistryClient
        do {
            client = try configuration.makeClient()
        } catch {
            logger.error("registry not usable", metadata: ["error": "\(error)"])
            inbox.post(.registryUpdated(RegistryView(status: SourceStatus(configured: true, error: error.description))))
            return nil
        }
        let views = RegistryViews()
        let poller = RegistryPoller(
            client: client, interval: settings.options.refreshInterval,
            onUpdate: { state in inbox.post(.registryUpdated(views.view(of: state))) }
        )
        poller.start()
        return poller
    }
}
