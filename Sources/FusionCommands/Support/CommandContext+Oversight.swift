import FactoryModel
import FactoryStore

extension CommandContext {
    /// The `[oversight]` settings as the gate and the report apply them.
    var oversightRules: OversightRules {
        OversightRules(
            reverseWindow: settings.oversight.reverseWindow, escalationWarning: settings.oversight.escalationWarning,
            minReadingTime: settings.oversight.minReadingTime
        )
    }

    /// Performs one oversight action through the gate (with the configured rules) and prints its receipt.
    func performOversight(_ action: OperatorAction) throws(CommandFailure) {
        let store = try openStore()
        do {
            let receipt = try ActionGate(store: store, rules: oversightRules).perform(action, as: actor)
            print(safe(tr.message(receipt.message)))
        } catch {
            throw CommandFailure(error)
        }
    }
}

/// Parses the ids the oversight commands take.
enum OversightIDs {
    static func pause(_ text: String) throws(CommandFailure) -> PauseID {
        guard let id = PauseID(text) else {
            throw .usage("\"\(text.prefix(40))\" is not a pause id; pause ids look like H-2 (see `fusion-console pauses`).")
        }
        return id
    }

    static func approval(_ text: String) throws(CommandFailure) -> ApprovalID {
        guard let id = ApprovalID(text) else {
            throw .usage("\"\(text.prefix(40))\" is not an approval id; approval ids look like A-4821.")
        }
        return id
    }
}
