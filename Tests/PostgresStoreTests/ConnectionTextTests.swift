import Testing
import FactoryStore
@testable import PostgresStore

@Suite("PostgreSQL store: connection strings and SQL text (no server needed)")
struct ConnectionTextTests {
    @Test func passwordsNeverReachMessages() {
        #expect(ConnectionInfo.redact("postgresql://ops:s3cret@db.factory.ma:5432/factory") == "postgresql://ops:…@db.factory.ma:5432/factory")
        #expect(ConnectionInfo.redact("host=db port=5432 password=s3cret dbname=factory") == "host=db port=5432 password=… dbname=factory")
        #expect(ConnectionInfo.redact("host=db password='it\\'s a secret' dbname=f") == "host=db password=… dbname=f")
        #expect(ConnectionInfo.redact("postgresql:///factory?host=/run/postgresql") == "postgresql:///factory?host=/run/postgresql")
        #expect(ConnectionInfo.redact("service=factory") == "service=factory")
    }

    @Test func theLocationIsPassedAsWrittenAfterOverridableDefaults() {
        let parameters = ConnectionInfo(location: "service=factory").parameters
        let dbname = parameters.firstIndex { $0.0 == "dbname" }
        let timeout = parameters.firstIndex { $0.0 == "connect_timeout" }
        #expect(dbname != nil && timeout != nil && timeout! < dbname!, "defaults come first so the location overrides them")
        #expect(parameters.first { $0.0 == "dbname" }?.1 == "service=factory")
        #expect(parameters.last?.0 == "client_encoding" && parameters.last?.1 == "UTF8")
    }

    @Test func questionMarksBecomeNumberedPlaceholdersOutsideLiteralsOnly() {
        #expect(PlaceholderTranslation.numbered("INSERT INTO t VALUES (?, ?, ?)") == "INSERT INTO t VALUES ($1, $2, $3)")
        #expect(PlaceholderTranslation.numbered("SELECT '?', \"a?b\", ? -- ?\n, ?") == "SELECT '?', \"a?b\", $1 -- ?\n, $2")
        #expect(PlaceholderTranslation.numbered("SELECT 'it''s ?', ? /* ? */ , ?") == "SELECT 'it''s ?', $1 /* ? */ , $2")
    }

    @Test func bothStoresKnowTheSameMigrations() {
        #expect(PostgresSchema.currentVersion == JobStoreSchema.version)
        #expect(PostgresSchema.migrationIDs == JobStoreSchema.migrationIDs)
    }

    @Test func serverWordsAreMadePrintable() {
        let error = PGError(message: "bad\u{1B}[2J thing\n\there\u{202E}", detail: "x\u{07}y")
        #expect(!error.description.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E || $0.value == 0x1B })
        #expect(error.description.hasPrefix("bad [2J thing here"))
    }

    @Test func backoffDoublesUpToItsCeilingAndResets() {
        var backoff = ReconnectBackoff()
        let delays = (0..<8).map { _ in backoff.failed(at: .distantPast) }
        #expect(delays == [0.25, 0.5, 1, 2, 4, 8, 8, 8])
        backoff.succeeded()
        #expect(backoff.wait(at: .distantPast) == 0)
        #expect(backoff.failed(at: .distantPast) == 0.25)
    }
}
