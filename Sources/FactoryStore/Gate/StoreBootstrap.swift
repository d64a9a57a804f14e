import Foundation
import FactoryModel

/// The first act on a new store: the account that creates it becomes its admin.
public enum StoreBootstrap {
    /// Makes `actor` the admin when no account has a role yet, with an audit record; returns true if it did.
    /// On a store that already has operators it changes nothing, so running `init` again grants no one anything.
    @discardableResult
    public static func claimAdmin(for actor: Actor, in store: any JobStore, at now: Date) throws(ActionError) -> Bool {
        do {
            return try store.transaction { tx in
                guard try tx.operatorCount() == 0 else { return false }
                try tx.upsertOperator(OperatorAccount(account: actor.account, role: .admin, grantedBy: actor.account, grantedAt: now))
                try tx.appendAudit(
                    AuditEntry(actor: actor, action: "init", subject: actor.account, outcome: .ok, details: ["role": "admin"]),
                    at: now
                )
                return true
            }
        } catch let error as StoreError {
            throw error.asActionError
        } catch {
            throw .storeUnavailable("The job store at \(store.location) could not be initialised: \(error)")
        }
    }
}
