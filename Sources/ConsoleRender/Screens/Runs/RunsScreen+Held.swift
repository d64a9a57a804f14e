import ConsoleCore
import FactoryModel

extension RunsScreen {
    /// The state column of runs with a held action (grace window): `! cancel in 4s`, `! move in 2s`, so the row
    /// itself says what is about to happen to it.
    static func heldStates(_ state: ConsoleState) -> [RunID: String] {
        var marks: [RunID: String] = [:]
        for item in state.held {
            let left = item.secondsLeft(at: state.now)
            switch item.action {
            case .cancel(let id, _): marks[id] = state.tr("! cancel in \(left)s")
            case .reroute(let id, _, _): marks[id] = state.tr("! move in \(left)s")
            case .approve, .reject, .grant, .pause, .confirmPause, .resume, .reverse, .escalate: continue
            }
        }
        return marks
    }
}
