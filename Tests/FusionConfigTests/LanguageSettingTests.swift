import Testing
import FusionConfig

@Suite("The config file: [console] language")
struct LanguageSettingTests {
    @Test("auto by default; en, fr and auto are read (any case); anything else is refused, naming the setting")
    func language() throws {
        #expect(FusionSettings().console.language == "auto")
        #expect(try ConfigParser.parse("[console]\nlanguage = \"fr\"", source: "t").console.language == "fr")
        #expect(try ConfigParser.parse("[console]\nlanguage = \"EN\"", source: "t").console.language == "en")
        #expect(try ConfigParser.parse("[console]\nlanguage = \"auto\"", source: "t").console.language == "auto")
        #expect(throws: ConfigError.self) { try ConfigParser.parse("[console]\nlanguage = \"de\"", source: "t") }
        do {
            _ = try ConfigParser.parse("[console]\nlanguage = \"klingon\"", source: "cfg.toml")
        } catch {
            #expect(error.description.contains("[console] language"))
            #expect(error.description.contains("cfg.toml"))
        }
    }
}
