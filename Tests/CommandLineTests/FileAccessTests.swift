import Foundation
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport

/// Files the console creates are closed to group and world writes whatever the caller's umask; a config file
/// others can write, or a token file others can read, is refused with what to do.
@Suite("Who may write and read the console's files")
struct FileAccessTests {
    let fixture: StoreFixture
    let env: [String: String]

    init() throws {
        fixture = try StoreFixture()
        env = CLI.environment(home: fixture.folder)
    }

    /// `umask 000` before the command, as a careless service unit might set it.
    static let openUmask = ["/bin/sh", "-c", #"umask 000; exec "$@""#, "sh"]

    /// Every file and folder under `folder` that group or others may write, with its mode.
    static func writableByOthers(under folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var found: [String] = []
        for case let relative as String in walker {
            var info = stat()
            let path = folder.appendingPathComponent(relative).path
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFLNK else { continue }
            if info.st_mode & 0o022 != 0 { found.append("\(relative) \(String(info.st_mode & 0o777, radix: 8))") }
        }
        return found
    }

    @Test func storeLogAndStateFilesAreClosedToOthersEvenWithAnOpenUmask() async throws {
        let home = fixture.folder.appendingPathComponent("home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let store = home.appendingPathComponent("stores/new/factory.sqlite").path
        let environment = CLI.environment(home: home)
        let created = try await CLI.running(["init", "--demo", "--store", store], environment: environment, prefix: Self.openUmask)
        #expect(created.status == 0, "\(created.stderr)")
        let approvals = try await CLI.running(["approvals", "--json", "--store", store], environment: environment, prefix: Self.openUmask)
        #expect(approvals.status == 0)
        // A write after creation (the -wal and -shm files exist now).
        let verify = try await CLI.running(["audit", "verify", "--store", store], environment: environment, prefix: Self.openUmask)
        #expect(verify.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: (store as NSString).deletingLastPathComponent)
        #expect(files.contains("factory.sqlite"))
        let open = Self.writableByOthers(under: home)
        #expect(open.isEmpty, "writable by group or others: \(open)")
        var info = stat()
        stat(store, &info)
        #expect(info.st_mode & 0o007 == 0, "the store is readable by others: \(String(info.st_mode & 0o777, radix: 8))")
    }

    @Test(arguments: [0o664, 0o646, 0o666])
    func aConfigOthersCanWriteIsRefusedWithTheFix(mode: Int) async throws {
        let path = fixture.folder.appendingPathComponent("config-\(mode).toml").path
        try Data("[console]\nbell = true\n".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, mode_t(mode))
        let result = try await CLI.running(["runs", "--config", path, "--store", fixture.path], environment: env)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("can be changed by other accounts") && result.stderr.contains("chmod go-w \(path)"), "\(result.stderr)")
        // The same file closed to others' writes is used (a config holds no secret, so others may read it).
        chmod(path, 0o644)
        #expect(try await CLI.running(["runs", "--config", path, "--store", fixture.path], environment: env).status == 0)
    }

    @Test(arguments: [0o640, 0o604, 0o660])
    func aTokenFileOthersCanReadIsRefusedWithTheFix(mode: Int) async throws {
        let registry = try StubRegistry(.serve(try StubRegistry.document(name: "n", site: "s", pool: "p", model: "m")))
        defer { registry.stop() }
        let token = fixture.folder.appendingPathComponent("token-\(mode)").path
        try Data("s3cr3t-token\n".utf8).write(to: URL(fileURLWithPath: token))
        chmod(token, mode_t(mode))
        let config = fixture.folder.appendingPathComponent("registry-\(mode).toml").path
        try Data("[registry]\nurl = \"\(registry.url)\"\ntoken_file = \"\(token)\"\n".utf8).write(to: URL(fileURLWithPath: config))
        chmod(config, 0o600)
        let result = try await CLI.running(["nodes", "--config", config], environment: env)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("can be read by other users") && result.stderr.contains("chmod 600"), "\(result.stderr)")
        #expect(registry.requests == 0, "the token was sent anyway")
        chmod(token, 0o600)
        let fixed = try await CLI.running(["nodes", "--config", config], environment: env)
        #expect(fixed.status == 0, "\(fixed.stderr)")
    }
}
