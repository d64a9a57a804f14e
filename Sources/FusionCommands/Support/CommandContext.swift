import Foundation
import FactoryModel
import FactoryStore
import FusionConfig
import PostgresStore
import SafeText

/// What every command needs, resolved once: settings, store location, actor, output charset.
struct CommandContext {
    let settings: FusionSettings
    let configSource: String?
    let storePath: String
    let actor: Actor
    let charset: TerminalCharset
    let environment: [String: String]

    init(_ options: GlobalOptions) throws(CommandFailure) {
        let environment = ProcessInfo.processInfo.environment
        let home = Identity.home()
        let loaded: (settings: FusionSettings, source: String?)
        do {
            loaded = try ConfigLoader.load(explicit: options.config, environment: environment, home: home)
        } catch {
            throw CommandFailure(error)
        }
        settings = loaded.settings
        configSource = loaded.source
        storePath = options.store ?? loaded.settings.store.path ?? StoreLocation.defaultPath(environment: environment, home: home)
        actor = try Identity.actor(actingAs: options.actAs)
        charset = TerminalCharset.detect(environment: environment)
        self.environment = environment
    }

    /// True when `--store` names a PostgreSQL store (a URL, a libpq keyword string, a service).
    var storeIsPostgres: Bool { StoreLocation.isPostgres(storePath) }

    /// The store's location for messages: a PostgreSQL connection string with any password hidden.
    var storeLabel: String { storeIsPostgres ? PostgresMaintenance.redacted(storePath) : storePath }

    /// Opens the job store (SQLite or PostgreSQL, by its location); never creates one unless `mode` says so.
    func openStore(mode: StoreOpenMode = .existing) throws(CommandFailure) -> any JobStore {
        try openLoadableStore(mode: mode)
    }

    /// Opens the job store with its raw loading path, for `init --demo` only.
    func openLoadableStore(mode: StoreOpenMode) throws(CommandFailure) -> any RawSQLStore {
        do {
            if storeIsPostgres { return try PostgresJobStore(location: storePath, mode: mode) }
            return try SQLiteJobStore(path: storePath, mode: mode)
        } catch {
            throw CommandFailure(error)
        }
    }

    /// Untrusted text made safe for this output.
    func safe(_ text: String) -> String { Sanitizer.line(text, charset: charset) }
}

/// Runs a store read and turns its failure into the command's.
func storeRead<T>(_ body: () throws(StoreError) -> T) throws(CommandFailure) -> T {
    do {
        return try body()
    } catch {
        throw CommandFailure(error)
    }
}
