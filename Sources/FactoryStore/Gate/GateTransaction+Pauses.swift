import Foundation
import FactoryModel

/// The stop button: pause a pool or a site, confirm a site pause, lift a pause.
extension GateTransaction {
    func pause(_ scope: PauseScope, _ target: String, mode: PauseMode, action: OperatorAction, readOnly: Bool) throws -> GateOutcome {
        switch scope {
        case .pool:
            guard try tx.pool(target) != nil else {
                return .refused(.notFound("There is no pool \(target). List pools with `fusion-console pools`."))
            }
        case .site:
            guard try !tx.sql.rows("SELECT id FROM sites WHERE id = ?", [target]).isEmpty else {
                return .refused(.notFound("There is no site \(target). List sites and their pools with `fusion-console pools`."))
            }
        }
        if let refusal = try authorise(action, readOnly: readOnly).1 { return refusal }
        let open = try OversightSQL.pauses(tx.sql, includeLifted: false)
        if let existing = open.first(where: { $0.scope == scope && $0.target == target }) {
            return try refuse(action, .conflict, .conflict(
                "\(scope.rawValue.capitalized) \(target) already has \(existing.id) (\(existing.state.label)) by \(existing.requestedBy) "
                    + "since \(ISO8601.string(from: existing.requestedAt)). Nothing changed."
            ))
        }
        let id = try OversightSQL.insertPause(tx.sql, scope: scope, target: target, mode: mode, reason: reason ?? "", actor: actor, at: now)
        var details = ["pause": id.description, "scope": scope.rawValue, "mode": mode.rawValue]
        let message: String
        if scope == .site {
            details["state_after"] = PauseState.awaitingConfirmation.rawValue
            message = "Asked to pause site \(target) as \(id): nothing is paused until a second supervisor confirms "
                + "(`fusion-console pause confirm \(id)`)."
        } else {
            details["state_after"] = PauseState.active.rawValue
            let drained = mode == .drain ? try drain(pools: [target], pause: id) : []
            if !drained.isEmpty { details["drained"] = drained.map(\.description).joined(separator: ",") }
            message = "Paused pool \(target) as \(id): nothing new starts there"
                + (mode == .drain ? "; asked the runtime to stop \(drained.count) running run(s)." : "; running work finishes.")
        }
        return try succeed(action, message: message, details: details)
    }

    func confirmPause(_ id: PauseID, action: OperatorAction, readOnly: Bool) throws -> GateOutcome {
        guard let pause = try OversightSQL.pause(tx.sql, id) else {
            return .refused(.notFound("There is no pause \(id). List them with `fusion-console pauses`."))
        }
        if let refusal = try authorise(action, readOnly: readOnly).1 { return refusal }
        do {
            try OversightPolicy.checkConfirmation(of: pause, by: actor.account)
        } catch {
            if case .notPermitted = error { return try refuse(action, .denied, error) }
            return try refuse(action, .conflict, error)
        }
        guard try OversightSQL.confirmPause(tx.sql, id, by: actor.account, reason: reason, at: now) else {
            return try refuse(action, .conflict, .conflict("\(id) changed while you were confirming it; look again. Nothing changed."))
        }
        var details = ["pause": id.description, "scope": pause.scope.rawValue, "target": pause.target, "state_after": "active"]
        var drained: [RunID] = []
        if pause.mode == .drain {
            let pools = try tx.sql.rows("SELECT id FROM pools WHERE site_id = ? ORDER BY id", [pause.target]).compactMap { $0["id"].string }
            drained = try drain(pools: pools, pause: id)
            if !drained.isEmpty { details["drained"] = drained.map(\.description).joined(separator: ",") }
        }
        let message = "Confirmed \(id): site \(pause.target) is paused, nothing new starts on its pools"
            + (pause.mode == .drain ? "; asked the runtime to stop \(drained.count) running run(s)." : "; running work finishes.")
        return try succeed(action, message: message, details: details)
    }

    func resume(_ id: PauseID, action: OperatorAction, readOnly: Bool) throws -> GateOutcome {
        guard let pause = try OversightSQL.pause(tx.sql, id) else {
            return .refused(.notFound("There is no pause \(id). List them with `fusion-console pauses`."))
        }
        if let refusal = try authorise(action, readOnly: readOnly).1 { return refusal }
        guard pause.state != .lifted else {
            let at = pause.liftedAt.map { " at \(ISO8601.string(from: $0))" } ?? ""
            return try refuse(action, .conflict, .conflict("\(id) was already lifted by \(pause.liftedBy ?? "someone")\(at). Nothing changed."))
        }
        guard try OversightSQL.liftPause(tx.sql, id, by: actor.account, reason: reason ?? "", at: now) else {
            return try refuse(action, .conflict, .conflict("\(id) changed while you were lifting it; look again. Nothing changed."))
        }
        let message = pause.state == .awaitingConfirmation
            ? "Withdrew \(id) (\(pause.label)) before anyone confirmed it; nothing was paused."
            : "Lifted \(id): \(pause.label) runs new work again."
        return try succeed(
            action, message: message,
            details: ["pause": id.description, "scope": pause.scope.rawValue, "target": pause.target,
                      "state_before": pause.state.rawValue, "state_after": "lifted"]
        )
    }

    /// Asks the runtime to stop every running run on `pools`, each request attributed to this actor and the pause.
    private func drain(pools: [String], pause: PauseID) throws -> [RunID] {
        guard !pools.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: pools.count).joined(separator: ",")
        let ids = try tx.sql.rows(
            "SELECT id FROM runs WHERE state = 'running' AND pool_id IN (\(marks)) ORDER BY id", pools
        ).compactMap { $0["id"].int64 }.map(RunID.init(rawValue:))
        var drained: [RunID] = []
        let why = "drained by pause \(pause): \(reason ?? "")"
        for id in ids {
            guard let run = try tx.run(id), run.state == .running, let next = try? Policy.stateAfterCancel(run) else { continue }
            let change = RunChange(state: next, cancelRequest: RunRequest(by: actor.account, reason: why, at: now))
            if try tx.updateRun(id, expectedVersion: run.version, change: change, at: now) { drained.append(id) }
        }
        return drained
    }
}
