import FusionConfig
import Testing

/// `[keys]`, `[banner]` and the comfort settings of `[console]`.
@Suite("Config: comfort settings")
struct ComfortConfigTests {
    @Test("keys as a name or a list, the banner, the grace window, own figures, clipboard")
    func parsed() throws {
        let settings = try ConfigParser.parse("""
            [console]
            grace_seconds = 3
            show_self = true
            clipboard = "osc52"
            [keys]
            approve = "A"
            refresh = ["R", "F5", "ctrl-r"]
            [banner]
            text = "DAKHLA · PRODUCTION · RESTRICTED"
            colour = "white"
            background = "red"
            """, source: "test.toml")
        #expect(settings.keys == ["approve": ["A"], "refresh": ["R", "F5", "ctrl-r"]])
        #expect(settings.banner.text == "DAKHLA · PRODUCTION · RESTRICTED")
        #expect(settings.banner.colour == "white" && settings.banner.background == "red")
        #expect(settings.console.graceSeconds == 3)
        #expect(settings.console.showSelf)
        #expect(settings.console.clipboard == "osc52")
    }

    @Test("defaults: a 5 s grace window, no banner, no key changes, clipboard auto")
    func defaults() throws {
        let settings = try ConfigParser.parse("", source: "test.toml")
        #expect(settings.console.graceSeconds == 5)
        #expect(settings.banner.text == nil)
        #expect(settings.keys.isEmpty)
        #expect(settings.console.clipboard == "auto")
    }

    @Test("wrong values are errors naming the file and the setting")
    func errors() {
        let cases: [(String, String)] = [
            ("[console]\ngrace_seconds = 600", "grace_seconds must be between"),
            ("[console]\nclipboard = \"yes\"", "clipboard must be"),
            ("[keys]\napprove = 3", "must be a key name"),
            ("[keys]\napprove = [\"a\", 3]", "must hold key names"),
            ("[banner]\ntext = \"PROD\\u001B[2J\"", "control characters"),
            ("[banner]\nflash = true", "unknown setting \"flash\""),
        ]
        for (text, expected) in cases {
            do {
                _ = try ConfigParser.parse(text, source: "bad.toml")
                Issue.record("accepted: \(text)")
            } catch {
                #expect(error.message.contains(expected) && error.message.contains("bad.toml"), "\(error.message)")
            }
        }
    }
}
