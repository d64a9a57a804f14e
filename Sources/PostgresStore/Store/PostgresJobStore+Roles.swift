import FactoryStore
import Foundation

extension PostgresJobStore {
    /// The database's group roles for the console's roles.
    public static let databaseRoleGroups = PostgresDatabaseRoles.groups

    /// Creates (or brings up to date) the group roles `fusion_viewer`, `fusion_operator`, `fusion_supervisor`,
    /// `fusion_admin`, their grants on this store's tables, and the row rules that make an account connecting as
    /// itself unable to do in SQL what the console would refuse. See `docs/postgres.md`. Run by the account that
    /// owns the tables (the one that ran `init`) with the right to create roles.
    public func installDatabaseRoles() throws(StoreError) {
        do {
            try session.exclusive { access in
                let db = try access.connection()
                try db.script("BEGIN")
                do {
                    try db.script(PostgresSchema.migrationLock)
                    try db.script(PostgresDatabaseRoles.script)
                    let committed = try db.script("COMMIT")
                    guard committed.command == "COMMIT" else {
                        throw StoreError(.unavailable, "The database roles of \(location) were rolled back; nothing changed.")
                    }
                } catch {
                    if db.isBroken { access.drop() } else { _ = try? db.script("ROLLBACK") }
                    throw error
                }
            }
        } catch let failure as PGError where failure.sqlState == "42501" {
            throw StoreError(
                .readOnly,
                "Setting up database roles on \(location) needs the account that owns the store's tables, with the right "
                    + "to create roles (CREATEROLE): \(failure.description). Nothing was changed."
            )
        } catch {
            throw StoreError.postgres(error, location: location)
        }
    }
}
