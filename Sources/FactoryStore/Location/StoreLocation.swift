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

    /// `location` as one word a POSIX shell reads back unchanged: as is when it holds only letters, digits and
    /// `/._-:@=`, otherwise in single quotes. For commands that a message asks the operator to run.
    public static func shellWord(_ location: String) -> String {
        let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-:@=")
        if !location.isEmpty, location.allSatisfy({ plain.contains($0) }) { return location }
        return "'" + location.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
