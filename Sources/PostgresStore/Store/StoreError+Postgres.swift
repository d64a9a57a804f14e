import FactoryStore
import Foundation

extension StoreError {
    /// Translates a PostgreSQL failure into words an operator can act on; the server's own words are kept
    /// (made printable) because they name the role, table or host at fault.
    static func postgres(_ error: any Error, location: String) -> StoreError {
        if let storeError = error as? StoreError { return storeError }
        guard let failure = error as? PGError else {
            return StoreError(.unavailable, "The job store at \(location) failed: \(error)")
        }
        let words = failure.description
        switch failure.sqlState {
        case nil where failure.connectionLost, .some("57P01"), .some("57P02"), .some("57P03"):
            return StoreError(
                .unavailable,
                "The database server of the job store \(location) cannot be reached (\(words)). Check that PostgreSQL "
                    + "is running and that this account may connect (service file, .pgpass, certificates, pg_hba.conf)."
            )
        case .some(let state) where state.hasPrefix("08"):
            return StoreError(.unavailable, "The connection to the job store \(location) failed (\(words)). Try again once the server is back.")
        case .some("28000"), .some("28P01"):
            return StoreError(
                .unavailable,
                "The database server refused this account for the job store \(location) (\(words)). "
                    + "Check the user, its password (.pgpass) or certificate, and pg_hba.conf."
            )
        case .some("3D000"):
            return StoreError(
                .missing,
                "The database of the job store \(location) does not exist: \(words). Ask the database administrator to "
                    + "create it (`createdb`), then run `fusion-console init --store '\(location)'`."
            )
        case .some("42P01"), .some("3F000"):
            return StoreError(
                .missing,
                "There is no job store at \(location) (\(words)). Create one with `fusion-console init --store '\(location)'`."
            )
        case .some("42501"):
            return StoreError(
                .readOnly,
                "The database refused this account at \(location): \(words). Its database roles do not allow this "
                    + "(see docs/postgres.md); nothing was changed."
            )
        case .some("25006"):
            return StoreError(.readOnly, "The job store at \(location) is read-only here (\(words)); nothing was changed.")
        case .some("53100"):
            return StoreError(.diskFull, "The database server of the job store \(location) is out of disk space; nothing was changed.")
        case .some("55P03"), .some("57014"), .some("40001"), .some("40P01"):
            return StoreError(
                .busy, "The job store at \(location) is busy (\(words)). Nothing was changed; try again in a moment."
            )
        default:
            return StoreError(.unavailable, "The job store at \(location) failed: \(words).")
        }
    }
}
