import FactoryStore
import Foundation

/// Administration outside any store: fixed SQL run on its own connection (creating a schema for a new store,
/// test clusters). Never for values from outside: the SQL text is sent as it is.
public enum PostgresMaintenance {
    /// Connects to `location` and runs `script` (one or several statements holding no value from outside).
    public static func execute(_ script: String, at location: String) throws(StoreError) {
        let info = ConnectionInfo(location: location)
        do {
            let connection = try PGConnection.open(info)
            try connection.script(script)
        } catch {
            throw StoreError.postgres(error, location: info.redacted)
        }
    }

    /// The location with any password hidden, for messages.
    public static func redacted(_ location: String) -> String { ConnectionInfo.redact(location) }
}
