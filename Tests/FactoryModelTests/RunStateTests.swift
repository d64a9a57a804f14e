import Testing
import FactoryModel

@Suite("Run states: every legal and illegal transition")
struct RunStateTests {
    /// The transitions the issue allows, written out independently of the model.
    static let legal: Set<String> = [
        "queued>running", "queued>cancelled", "queued>failed",
        "running>awaiting_approval", "running>succeeded", "running>failed", "running>cancel_requested",
        "running>reroute_requested",
        "awaiting_approval>running", "awaiting_approval>cancelled", "awaiting_approval>failed",
        "cancel_requested>cancelled", "cancel_requested>succeeded", "cancel_requested>failed",
        "reroute_requested>queued", "reroute_requested>cancel_requested", "reroute_requested>cancelled",
        "reroute_requested>failed",
    ]

    @Test(arguments: RunState.allCases, RunState.allCases)
    func transition(from: RunState, to: RunState) {
        let expected = Self.legal.contains("\(from.rawValue)>\(to.rawValue)")
        #expect(from.canMove(to: to) == expected, "\(from.rawValue) → \(to.rawValue)")
    }

    @Test func terminalStatesNeverChange() {
        for state in RunState.allCases where state.isTerminal {
            #expect(state.successors.isEmpty)
            #expect(state.stateAfterCancel == nil)
            #expect(state.stateAfterReroute == nil)
        }
        #expect(RunState.allCases.filter(\.isTerminal) == [.succeeded, .failed, .cancelled])
    }

    @Test func operatorCancelAndRerouteFollowTheStateMachine() {
        #expect(RunState.queued.stateAfterCancel == .cancelled)
        #expect(RunState.awaitingApproval.stateAfterCancel == .cancelled)
        #expect(RunState.running.stateAfterCancel == .cancelRequested)
        #expect(RunState.cancelRequested.stateAfterCancel == nil)
        #expect(RunState.queued.stateAfterReroute == .queued)
        #expect(RunState.awaitingApproval.stateAfterReroute == .awaitingApproval)
        #expect(RunState.running.stateAfterReroute == .rerouteRequested)
        for state in RunState.allCases {
            if let next = state.stateAfterCancel, next != state { #expect(state.canMove(to: next)) }
            if let next = state.stateAfterReroute, next != state { #expect(state.canMove(to: next)) }
        }
    }
}
