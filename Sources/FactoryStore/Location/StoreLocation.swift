import Foundation

/// Where the job store is when nobody says: `$XDG_STATE_HOME/fusion-console/factory.sqlite`, or
/// `~/.local/state/fusion-console/factory.sqlite` when `XDG_STATE_HOME` is unset or not absolute.
public enum StoreLocation {
    /// The default store path for an environment and home folder.
    public static func defaultPath(environment: [String: String], home: String) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/fusion-console/factory.sqlite"
        }
        return home + "/.local/state/fusion-console/factory.sqlite"
    }

    /// True when `location` names a PostgreSQL store rather than an SQLite file.
    public static func isPostgres(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") || location.hasPrefix("service=")
            || location.contains("host=") || location.contains("dbname=")
    }
}
