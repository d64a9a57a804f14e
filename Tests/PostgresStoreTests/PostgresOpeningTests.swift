import Foundation
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport
import PostgresStore

@Suite("PostgreSQL store: creating, opening and migrating", .enabled(if: PostgresTestCluster.isConfigured, "needs FUSION_TEST_PG"))
struct PostgresOpeningTests {
    let schema: PostgresTestSchema

    init() throws {
        schema = try PostgresTestSchema(database: try #require(PostgresTestCluster.database))
    }

    @Test func aNewStoreHasTheCurrentSchemaAndKeepsItsDataWhenOpenedAgain() throws {
        let store = try PostgresJobStore(location: schema.location, mode: .createIfMissing)
        #expect(try store.schemaVersion() == JobStoreSchema.version)
        try StoreBootstrap.claimAdmin(for: Actor(account: "first"), in: store, at: Date())
        let reopened = try PostgresJobStore(location: schema.location, mode: .createIfMissing)
        #expect(try reopened.role(of: "first") == .admin)
        #expect(try reopened.verifyAudit() == AuditVerification(checked: 1, firstBreak: nil))
    }

    @Test func anEmptyDatabaseIsReportedAsMissingWithWhatToDo() throws {
        for mode in [StoreOpenMode.existing, .readOnly] {
            #expect {
                _ = try PostgresJobStore(location: schema.location, mode: mode)
            } throws: { error in
                guard let error = error as? StoreError else { return false }
                return error.kind == .missing && error.message.contains("fusion-console init")
            }
        }
    }

    @Test func aStoreFromANewerConsoleIsRefusedClearly() throws {
        let store = try PostgresJobStore(location: schema.location, mode: .createIfMissing)
        try store.rawSQL { db in try db.execute("INSERT INTO fusion_migrations VALUES ('v99-future', 0)") }
        for mode in [StoreOpenMode.existing, .readOnly, .createIfMissing] {
            #expect {
                _ = try PostgresJobStore(location: schema.location, mode: mode)
            } throws: { error in
                (error as? StoreError)?.kind == .schemaTooNew
            }
        }
    }

    @Test func aReadOnlyStoreRefusesWritesOnTheServer() throws {
        _ = try PostgresJobStore(location: schema.location, mode: .createIfMissing)
        let readOnly = try PostgresJobStore(location: schema.location, mode: .readOnly)
        #expect(try readOnly.schemaVersion() == JobStoreSchema.version)
        #expect {
            try StoreBootstrap.claimAdmin(for: Actor(account: "x"), in: readOnly, at: Date())
        } throws: { error in
            (error as? ActionError)?.message.contains("read-only") == true
        }
    }

    @Test func anUnreachableServerIsNamedWithoutItsPassword() throws {
        #expect {
            _ = try PostgresJobStore(location: "postgresql://ops:s3cret@127.0.0.1:9/factory?connect_timeout=2")
        } throws: { error in
            guard let error = error as? StoreError else { return false }
            return error.kind == .unavailable && !error.message.contains("s3cret") && error.message.contains("127.0.0.1")
        }
    }

    @Test func idsContinueAfterRowsLoadedWithExplicitIds() throws {
        let fixture = try StoreFixture(backend: .postgres(database: try #require(PostgresTestCluster.database)))
        try fixture.store.rawSQL { db in
            try db.execute(
                "INSERT INTO runs (id, agent, title, project_id, state, pool_id, submitted_by, submitted_at, updated_at) VALUES (?, 'a', 't', 1, 'queued', 'dakhla-gpu', 'x', 0, 0)",
                [Int64(190_233)]
            )
        }
        let next = try fixture.makeRun(state: .queued)
        #expect(next == RunID(rawValue: 190_234))
    }
}
