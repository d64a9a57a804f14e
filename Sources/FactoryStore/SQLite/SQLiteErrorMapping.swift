import GRDB

extension StoreError {
    /// Translates an SQLite failure into words an operator can act on.
    static func from(_ error: any Error, location: String) -> StoreError {
        if let storeError = error as? StoreError { return storeError }
        if let badRow = error as? SQLiteRows.BadRow {
            return StoreError(
                .corrupt,
                "A row of the job store cannot be read (\(badRow.description)): it was changed behind the console's "
                    + "back or is damaged. Run `fusion-console audit verify`, and restore \(location) from a backup if needed."
            )
        }
        guard let dbError = error as? DatabaseError else {
            return StoreError(.unavailable, "The job store at \(location) failed: \(error)")
        }
        switch dbError.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(
                .busy,
                "The job store at \(location) is busy: another process has held its write lock too long. "
                    + "Nothing was changed; try again in a moment."
            )
        case .SQLITE_READONLY:
            return StoreError(
                .readOnly,
                "The job store at \(location) is read-only for this account (check the file's and its folder's "
                    + "permissions). Nothing was changed."
            )
        case .SQLITE_FULL:
            return StoreError(
                .diskFull, "The disk holding the job store at \(location) is full. Nothing was changed; free some space."
            )
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return StoreError(
                .corrupt,
                "\(location) is not a job store or is damaged (\(dbError.message ?? "corrupt")). "
                    + "Restore it from a backup or point --store at the right file."
            )
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH, .SQLITE_IOERR:
            return StoreError(
                .unavailable,
                "The job store at \(location) cannot be opened (\(dbError.message ?? "I/O error")); "
                    + "check that the file exists and this account may read it."
            )
        default:
            return StoreError(.unavailable, "The job store at \(location) failed: \(dbError.message ?? "\(dbError)")")
        }
    }
}
