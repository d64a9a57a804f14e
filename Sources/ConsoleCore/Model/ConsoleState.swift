import Foundation
import FactoryModel

/// Everything the dashboard shows and remembers. One loop owns it; ``update(_:)`` is the only way it changes,
/// and ``ConsoleRender`` draws it without side effects.
public struct ConsoleState: Sendable {
    /// The current screen.
    public var screen: Screen = .overview
    /// Per-screen list state (selection, window, filter, sort, detail).
    public var lists: [Screen: ListState]
    /// The terminal's size.
    public var size: TerminalSize
    /// The time shown (the clock and every countdown).
    public var now: Date
    /// Who is at the console.
    public var identity: ConsoleIdentity
    /// Fixed settings.
    public var options: ConsoleOptions
    /// The last good store data, if any.
    public var store: StoreSnapshot?
    /// The store's freshness.
    public var storeStatus: SourceStatus
    /// When the store was last asked for data.
    public var lastReloadRequest: Date?
    /// Node utilisation.
    public var registry: RegistryView {
        didSet {
            // The same sample confirmed again (the registry said "not modified") leaves what is worked out from it.
            if registry.sample == nil || registry.sample != oldValue.sample { registryGeneration &+= 1 }
        }
    }
    /// What the keyboard is talking to.
    public var mode: InputMode = .normal
    /// The status line's message.
    public var status: StatusMessage?
    /// Approvals that arrived since the operator last looked at the approvals screen.
    public var newApprovals = 0
    /// The highest approval id seen so far (to notice new ones).
    public var highestApprovalSeen: Int64 = 0
    /// Set once the operator asked to leave.
    public var quitting = false
    /// Cancels and reroutes confirmed but waiting their grace window, oldest first.
    public var held: [HeldAction] = []
    /// Every action confirmed in this session, oldest first (the `@` overlay).
    public var sessionActions: [SessionAction] = []
    /// Set when the operator pressed quit while actions were held (the next quit sends them and leaves).
    public var quitAsked = false
    /// Whether the status line shows the console's own figures.
    public var showSelf = false
    /// How far the help or the `@` overlay is scrolled down, in lines.
    public var overlayScroll = 0
    /// The console's own figures, as last sampled.
    public var selfStats: SelfStats?
    /// Counts registry samples received, so that what is worked out from one is worked out once.
    var registryGeneration = 0
    /// The nodes screen's rows as last worked out (see ``visibleNodes``).
    var nodeRows = NodeRows()

    /// A fresh console.
    public init(size: TerminalSize, now: Date, identity: ConsoleIdentity, options: ConsoleOptions, registryConfigured: Bool) {
        self.size = size
        self.now = now
        self.identity = identity
        self.options = options
        self.storeStatus = SourceStatus(configured: true)
        self.registry = RegistryView(status: SourceStatus(configured: registryConfigured))
        var lists: [Screen: ListState] = [:]
        for screen in Screen.allCases { lists[screen] = ListState() }
        lists[.runs] = ListState(sortColumn: RunColumns.sortKeys.firstIndex(of: .submittedAt) ?? 0, descending: true)
        self.lists = lists
        self.showSelf = options.showSelf
    }

    /// The list state of the current screen.
    public var list: ListState {
        get { lists[screen] ?? ListState() }
        set { lists[screen] = newValue }
    }

    /// The banners to show under the header, most serious first.
    public var banners: [Banner] {
        var result: [Banner] = []
        if let broken = store?.auditBreak {
            result.append(Banner(text: tr("AUDIT TRAIL BROKEN at record \(broken.seq): \(broken.problem). Run `fusion-console audit verify`."), severity: .critical))
        }
        if let error = storeStatus.error {
            // Say what is wrong even while the last good data stays on screen (marked stale in the header).
            let text = store == nil ? tr("JOB STORE UNAVAILABLE: \(error)") : tr("JOB STORE UNAVAILABLE (showing the last data read): \(error)")
            result.append(Banner(text: text, severity: .critical))
        }
        result += pauseBanners
        if identity.readOnly {
            result.append(Banner(text: tr("READ-ONLY SESSION: every action is disabled"), severity: .warning))
        }
        return result
    }

    /// The layout of the current screen.
    public var layout: ScreenLayout {
        ScreenLayout(size: contentSize, banners: banners.count, detailOpen: screen.hasList && list.detailOpen)
    }

    /// The terminal's size less the classification line, if one is configured: what the screens lay out in.
    public var contentSize: TerminalSize {
        options.classification == nil ? size : TerminalSize(width: size.width, height: max(1, size.height - 1))
    }
}

/// The nodes screen's rows, filtered and sorted, with what they were worked out from.
struct NodeRows: Sendable {
    struct Key: Sendable, Hashable {
        var registry: Int
        var filter: String
        var sortColumn: Int
        var descending: Bool
    }

    var key: Key?
    var nodes: [NodeSample] = []
}

/// A line under the header that stays until its cause goes.
public struct Banner: Sendable, Hashable {
    /// How serious.
    public enum Severity: Sendable, Hashable {
        case warning, critical
    }

    /// The text.
    public var text: String
    /// How serious.
    public var severity: Severity
}
