import ConsoleRender
import Testing
@testable import TerminalNCurses

/// The classification line's colours as drawn: as configured on 256 colours, the nearest ANSI colours on the
/// 8-colour Linux console, reverse video without colour (`NO_COLOR`, monochrome terminals).
@Suite("Classification line: colours by terminal")
struct ClassificationLookTests {
    private let red = Theme.default.replacing(
        .classification, with: TerminalStyle(foreground: .indexed(231), background: .indexed(160), attributes: [.bold]))

    @Test("256 colours: as configured")
    func full() {
        #expect(red.resolved(for: .ansi256)[.classification].background == .indexed(160))
    }

    @Test("8 colours: the nearest ANSI colours, still a background")
    func eight() {
        let look = red.resolved(for: .ansi8)[.classification]
        guard case .ansi = look.background else {
            Issue.record("background \(look.background) is not an ANSI colour")
            return
        }
        #expect(look.background == .ansi(1))
    }

    @Test("no colour: reverse video, bold")
    func none() {
        let look = red.resolved(for: .none)[.classification]
        #expect(look.attributes.contains(.reverse) && look.attributes.contains(.bold))
        #expect(!look.background.isColor)
    }
}
