import Testing
import FusionConfig

@Suite("[oversight]: reverse window, escalation warning, minimum reading time")
struct OversightConfigTests {
    @Test func valuesAreReadInSeconds() throws {
        let settings = try ConfigParser.parse(
            "[oversight]\nreverse_window = 300\nescalation_warning = 1200\nmin_reading_time = 20.5\n", source: "test"
        )
        #expect(settings.oversight.reverseWindow == 300)
        #expect(settings.oversight.escalationWarning == 1200)
        #expect(settings.oversight.minReadingTime == 20.5)
    }

    @Test func defaultsAreTenMinutesFifteenMinutesAndFifteenSeconds() throws {
        let settings = try ConfigParser.parse("", source: "test")
        #expect(settings.oversight == OversightSettings())
        #expect(settings.oversight.reverseWindow == 600 && settings.oversight.escalationWarning == 900)
        #expect(settings.oversight.minReadingTime == 15)
    }

    @Test func unknownKeysAndBadValuesAreRefusedNamingTheKey() {
        for text in ["[oversight]\nreverse = 3\n", "[oversight]\nreverse_window = -1\n", "[oversight]\nmin_reading_time = \"15s\"\n"] {
            do {
                _ = try ConfigParser.parse(text, source: "test")
                Issue.record("accepted: \(text)")
            } catch {
                #expect(error.message.contains("[oversight]") || error.message.contains("oversight"), "\(error.message)")
            }
        }
    }
}
