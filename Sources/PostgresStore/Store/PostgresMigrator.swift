import FactoryModel
import FactoryStore
import Foundation

/// Checks, creates and upgrades the schema of a PostgreSQL store on one connection.
struct PostgresMigrator {
    let connection: PGConnection
    let location: String

    func prepare(_ mode: StoreOpenMode) throws {
        switch mode {
        case .createIfMissing:
            try migrate()
        case .existing:
            guard try hasBookkeeping() else { throw missing() }
            try migrate()
        case .readOnly:
            guard try hasBookkeeping() else { throw missing() }
            let applied = try appliedIDs()
            try refuseUnknown(applied)
            guard applied.count == PostgresSchema.currentVersion else {
                throw StoreError(
                    .unavailable,
                    "The job store at \(location) has an older schema than this console's, and this command only reads it. "
                    + "Upgrade it in place once (nothing else changes): fusion-console init --store \(StoreLocation.shellWord(location))"
                )
            }
        }
    }

    private func hasBookkeeping() throws -> Bool {
        try connection.query("SELECT to_regclass('fusion_migrations') IS NOT NULL AS present").first?.bool("present") ?? false
    }

    private func appliedIDs() throws -> [String] {
        try connection.query("SELECT id FROM fusion_migrations ORDER BY id").rows.map { $0.string("id") }
    }

    private func refuseUnknown(_ applied: [String]) throws {
        let unknown = applied.filter { !PostgresSchema.migrationIDs.contains($0) }
        guard unknown.isEmpty else {
            throw StoreError(
                .schemaTooNew,
                "The job store at \(location) was upgraded by a newer fusion-console (schema \(unknown.joined(separator: ", "))). "
                    + "Use that version, or a newer one."
            )
        }
    }

    /// Applies the missing migrations in one transaction under the migration lock.
    private func migrate() throws {
        if try hasBookkeeping() {
            let applied = try appliedIDs()
            try refuseUnknown(applied)
            if applied.count == PostgresSchema.currentVersion { return }
        }
        try connection.script("BEGIN")
        do {
            try connection.script(PostgresSchema.migrationLock)
            try connection.script(PostgresSchema.bookkeeping)
            let applied = try appliedIDs()
            try refuseUnknown(applied)
            for migration in PostgresSchema.migrations where !applied.contains(migration.id) {
                try connection.script(migration.sql)
                try connection.query(
                    "INSERT INTO fusion_migrations (id, applied_at) VALUES ($1, $2)",
                    [migration.id, String(Date().epochMilliseconds)]
                )
            }
            let committed = try connection.script("COMMIT")
            guard committed.command == "COMMIT" else {
                throw StoreError(.unavailable, "The job store at \(location) could not be created: the server rolled it back.")
            }
        } catch {
            _ = try? connection.script("ROLLBACK")
            throw error
        }
    }

    private func missing() -> StoreError {
        StoreError(
            .missing,
            "There is no job store at \(location). Create one with `fusion-console init --store '\(location)'` "
                + "(add --demo for a demo factory), or point --store at an existing one."
        )
    }
}
