import Foundation
import Testing
import FusionConfig

@Suite("The config file: found in order, parsed strictly, refused when others can change it")
struct ConfigTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fusion-config-\(UUID().uuidString)")

    func write(_ text: String, name: String = "config.toml", mode: Int = 0o600) throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    static var examplePath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Config/fusion-console.example.toml").path
    }

    @Test func theDocumentedExampleParsesToTheDefaults() throws {
        let text = try String(contentsOfFile: Self.examplePath, encoding: .utf8)
        let settings = try ConfigParser.parse(text, source: "example")
        #expect(settings == FusionSettings())
    }

    @Test func noConfigAnywhereGivesTheDefaults() throws {
        let (settings, source) = try ConfigLoader.load(explicit: nil, environment: ["XDG_CONFIG_HOME": folder.path], home: folder.path)
        #expect(source == nil || source == "/etc/fusion-console/config.toml")
        if source == nil { #expect(settings == FusionSettings()) }
    }

    @Test func settingsAreRead() throws {
        let path = try write("""
            [store]
            path = "/srv/factory.sqlite"
            [registry]
            url = "https://registry:8443"
            timeout = 4
            [registry.prometheus.labels]
            site = "datacenter"
            [console]
            theme = "high-contrast"
            refresh = 1.5
            bell = true
            """)
        let (settings, source) = try ConfigLoader.load(explicit: path, environment: [:], home: "/nonexistent")
        #expect(source == path)
        #expect(settings.store.path == "/srv/factory.sqlite")
        #expect(settings.registry.url == "https://registry:8443" && settings.registry.timeout == 4)
        #expect(settings.registry.prometheusLabels == ["site": "datacenter"])
        #expect(settings.console.theme == "high-contrast" && settings.console.refresh == 1.5 && settings.console.bell)
    }

    @Test func lookupOrderIsExplicitThenEnvironmentThenXDGThenEtc() {
        let env = ["FUSION_CONSOLE_CONFIG": "/env.toml", "XDG_CONFIG_HOME": "/xdg"]
        #expect(ConfigLocator.candidates(explicit: "/cli.toml", environment: env, home: "/h").map(\.path) == ["/cli.toml"])
        #expect(ConfigLocator.candidates(explicit: nil, environment: env, home: "/h").map(\.path) == ["/env.toml"])
        #expect(ConfigLocator.candidates(explicit: nil, environment: ["XDG_CONFIG_HOME": "/xdg"], home: "/h").map(\.path)
            == ["/xdg/fusion-console/config.toml", "/etc/fusion-console/config.toml"])
        #expect(ConfigLocator.candidates(explicit: nil, environment: [:], home: "/h").map(\.path)
            == ["/h/.config/fusion-console/config.toml", "/etc/fusion-console/config.toml"])
    }

    @Test(arguments: [
        ("[console]\nrefersh = 2\n", "unknown setting \"refersh\""),
        ("[console]\nrefresh = \"fast\"\n", "must be a number"),
        ("[console]\nrefresh = 0\n", "between"),
        ("[consol]\n", "unknown setting \"consol\""),
        ("[console\n", "not valid TOML"),
        ("[console]\nfactory_name = \"x\\u001b[2Jy\"\n", "control characters"),
    ])
    func mistakesAreErrorsThatNameTheSetting(text: String, expected: String) throws {
        let path = try write(text)
        #expect {
            _ = try ConfigLoader.load(explicit: path, environment: [:], home: "/nonexistent")
        } throws: { error in
            (error as? ConfigError)?.message.contains(expected) == true
        }
    }

    @Test func aConfigOthersCanWriteIsRefused() throws {
        let path = try write("[console]\nbell = true\n", mode: 0o666)
        #expect {
            _ = try ConfigLoader.load(explicit: path, environment: [:], home: "/nonexistent")
        } throws: { error in
            (error as? ConfigError)?.message.contains("chmod go-w") == true
        }
    }

    @Test func aMissingExplicitConfigIsAnError() {
        #expect(throws: ConfigError.self) {
            _ = try ConfigLoader.load(explicit: "/nonexistent/config.toml", environment: [:], home: "/nonexistent")
        }
    }
}
