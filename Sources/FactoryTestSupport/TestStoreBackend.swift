import Foundation
import FactoryStore
import PostgresStore

/// Which kind of store the store tests run against: SQLite (the default) or PostgreSQL when
/// `FUSION_TEST_STORE=postgres` and `FUSION_TEST_PG` holds the libpq connection string (keyword form or URL) of
/// a database the tests may create schemas in. `Tests/scripts/postgres-e2e.sh` starts such a cluster.
public enum TestStoreBackend: Sendable, Equatable {
    case sqlite
    case postgres(database: String)

    /// The backend chosen by the environment.
    public static var current: TestStoreBackend {
        let environment = ProcessInfo.processInfo.environment
        guard environment["FUSION_TEST_STORE"] == "postgres" else { return .sqlite }
        guard let database = environment["FUSION_TEST_PG"], !database.isEmpty else {
            fatalError("FUSION_TEST_STORE=postgres needs FUSION_TEST_PG (the test database's connection string)")
        }
        return .postgres(database: database)
    }

    /// True for PostgreSQL.
    public var isPostgres: Bool {
        if case .postgres = self { return true }
        return false
    }

    /// The test database's connection string, when PostgreSQL is configured (whichever backend is current).
    public static var postgresDatabase: String? {
        let value = ProcessInfo.processInfo.environment["FUSION_TEST_PG"]
        return value?.isEmpty == false ? value : nil
    }

    /// `database` narrowed to one schema (its tables, functions and sequences live there): the connection string
    /// with `options=-csearch_path=SCHEMA` added, in keyword form or as a URL query parameter.
    public static func location(database: String, schema: String) -> String {
        if database.hasPrefix("postgres://") || database.hasPrefix("postgresql://") {
            let separator = database.contains("?") ? "&" : "?"
            return database + separator + "options=-csearch_path%3D" + schema
        }
        return database + " options='-csearch_path=\(schema)'"
    }
}

/// A schema of its own in the test database, dropped with everything in it when the value goes.
public final class PostgresTestSchema: Sendable {
    /// The schema's name (`fx_` and 24 hex digits).
    public let name: String
    /// The connection string that puts a store in this schema.
    public let location: String
    private let database: String

    /// Creates a fresh, empty schema.
    public init(database: String) throws {
        self.database = database
        name = "fx_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(24)
        location = TestStoreBackend.location(database: database, schema: name)
        try PostgresMaintenance.execute("CREATE SCHEMA \(name)", at: database)
    }

    deinit {
        try? PostgresMaintenance.execute("DROP SCHEMA IF EXISTS \(name) CASCADE", at: database)
    }
}
