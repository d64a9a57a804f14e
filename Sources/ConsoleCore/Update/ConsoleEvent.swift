import Foundation
import FactoryModel

/// Everything that can happen to the console. The loop feeds them to ``ConsoleState/update(_:)``.
public enum ConsoleEvent: Sendable {
    /// A key was pressed.
    case key(Key)
    /// The clock moved (about once a second).
    case tick(Date)
    /// The terminal changed size.
    case resize(width: Int, height: Int)
    /// Store data arrived.
    case storeLoaded(StoreSnapshot, at: Date)
    /// Reading the store failed; the last good data stays, marked stale.
    case storeFailed(String, at: Date)
    /// The store announced a committed change (or listening resumed after a loss): read it again now.
    case storeChanged
    /// Registry data (or a registry failure) arrived.
    case registryUpdated(RegistryView)
    /// An action sent through the gate finished.
    case actionFinished(ActionOutcome)
    /// Writing an export file ended.
    case exportFinished(ExportOutcome)
    /// The console's own figures were sampled (about once a second).
    case selfSampled(SelfStats)
}

/// How an action sent through the gate ended.
public enum ActionOutcome: Sendable, Hashable {
    /// Done; the receipt's sentence.
    case done(String)
    /// Refused or lost a race; the gate's sentence.
    case refused(String)
}

/// What the console asks the world to do. Slow work happens elsewhere and comes back as events.
public enum ConsoleEffect: Sendable, Hashable {
    /// Read the store for these needs (now, not at the next interval).
    case reload(DataNeeds)
    /// Send an action through the gate as the console's actor.
    case perform(OperatorAction)
    /// Ring the terminal bell.
    case bell
    /// Repaint the whole terminal (Ctrl-L).
    case redraw
    /// Leave the dashboard.
    case quit
    /// Write a table to a file (CSV or JSON); the answer comes back as ``ConsoleEvent/exportFinished(_:)``.
    case export(ExportRequest)
    /// Put this text on the terminal's clipboard (OSC 52, sent by the terminal backend only).
    case copyToClipboard(String)
}

extension ConsoleEvent {
    /// Whether the screen may look different after this event, so that the loop draws a frame only when one is due.
    /// A store's announcement of a change only asks for a reload: what it changed arrives, and is drawn, as
    /// ``storeLoaded(_:at:)`` a few milliseconds later. (A runtime that writes every second would otherwise cost a
    /// frame for nothing every second.)
    public var mayChangeTheScreen: Bool {
        if case .storeChanged = self { return false }
        return true
    }
}
