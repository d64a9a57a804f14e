import ConsoleRender
import Testing

@testable import TerminalNCurses

@Suite("Colour mode and colour pairs")
struct ColorPlanTests {
    @Test("NO_COLOR set and not empty turns colour off, whatever its value")
    func noColor() {
        for value in ["1", "0", "yes"] {
            #expect(ColorMode.detect(noColor: value, hasColors: true, colors: 256, colorPairs: 256, limit: .ansi256) == .none)
        }
        #expect(ColorMode.detect(noColor: "", hasColors: true, colors: 256, colorPairs: 256, limit: .ansi256) == .ansi256)
    }

    @Test("the terminal's colours decide: none, 8 (linux, screen) or 256")
    func terminalColours() {
        #expect(ColorMode.detect(noColor: nil, hasColors: false, colors: 0, colorPairs: 0, limit: .ansi256) == .none)
        #expect(ColorMode.detect(noColor: nil, hasColors: true, colors: 8, colorPairs: 64, limit: .ansi256) == .ansi8)
        #expect(ColorMode.detect(noColor: nil, hasColors: true, colors: 16, colorPairs: 256, limit: .ansi256) == .ansi8)
        #expect(ColorMode.detect(noColor: nil, hasColors: true, colors: 256, colorPairs: 65_536, limit: .ansi256) == .ansi256)
        #expect(ColorMode.detect(noColor: nil, hasColors: true, colors: 256, colorPairs: 1, limit: .ansi256) == .none)
    }

    @Test("the operator's limit caps the mode")
    func limit() {
        #expect(ColorMode.detect(noColor: nil, hasColors: true, colors: 256, colorPairs: 256, limit: .ansi8) == .ansi8)
        #expect(ColorMode.detect(noColor: nil, hasColors: true, colors: 256, colorPairs: 256, limit: .none) == .none)
        #expect(ColorMode.none < .ansi8 && ColorMode.ansi8 < .ansi256)
    }

    @Test("the theme drawn: monochrome without colour, the 8-colour fallback on 8 colours")
    func resolvedTheme() {
        #expect(Theme.default.resolved(for: .none) == .monochrome)
        #expect(Theme.highContrast.resolved(for: .none) == .monochrome)
        #expect(Theme.default.resolved(for: .ansi8) == Theme.fallback8(from: .default))
        #expect(Theme.highContrast.resolved(for: .ansi8) == .highContrast)
        #expect(Theme.default.resolved(for: .ansi256) == .default)
    }

    @Test("256 colours: one pair per distinct fg/bg, default colours as -1, pair 0 for plain styles")
    func pairs256() {
        let plan = ColorPairPlan(theme: .default, mode: .ansi256, defaultColors: true, maxPairs: 256)
        #expect(plan[.normal] == .init(pair: 0, attributes: []))
        let numbers = plan.pairs.map(\.number)
        #expect(numbers == Array(1...Int16(plan.pairs.count)))
        #expect(Set(plan.pairs.map { [$0.foreground, $0.background] }).count == plan.pairs.count)
        let critical = plan.pairs.first { $0.number == plan[.critical].pair }
        #expect(critical == .init(number: plan[.critical].pair, foreground: 196, background: -1))
        #expect(plan[.critical].attributes == .bold)
        // title and info are both 75 on default: they share a pair.
        #expect(plan[.title].pair == plan[.info].pair)
        #expect(plan[.title].attributes == .bold && plan[.info].attributes == [])
        let selected = plan.pairs.first { $0.number == plan[.selected].pair }
        #expect(selected?.foreground == 231 && selected?.background == 24)
        for style in StyleName.allCases { #expect(plan.looks[style] != nil, "\(style)") }
    }

    @Test("8 colours: only colour numbers 0-7 and -1")
    func pairs8() {
        let theme = Theme.default.resolved(for: .ansi8)
        let plan = ColorPairPlan(theme: theme, mode: .ansi8, defaultColors: true, maxPairs: 64)
        #expect(!plan.pairs.isEmpty)
        for pair in plan.pairs {
            #expect((-1...7).contains(pair.foreground) && (-1...7).contains(pair.background), "\(pair)")
        }
        // A palette colour left in a theme is still mapped to ANSI in 8-colour mode.
        #expect(ColorPairPlan.colorNumber(.indexed(196), mode: .ansi8, defaultColors: true, isForeground: true) == 1)
        #expect(ColorPairPlan.colorNumber(.indexed(196), mode: .ansi256, defaultColors: true, isForeground: true) == 196)
    }

    @Test("without colour every style uses pair 0 and keeps its attributes")
    func monochrome() {
        let plan = ColorPairPlan(theme: .monochrome, mode: .none, defaultColors: false, maxPairs: 0)
        #expect(plan.pairs.isEmpty)
        #expect(plan[.selected] == .init(pair: 0, attributes: .reverse))
        #expect(plan[.critical] == .init(pair: 0, attributes: [.bold, .reverse]))
        #expect(StyleName.allCases.allSatisfy { plan[$0].pair == 0 })
    }

    @Test("without default colours, default means white on black")
    func noDefaultColours() {
        let plan = ColorPairPlan(theme: .highContrast, mode: .ansi8, defaultColors: false, maxPairs: 64)
        let normal = plan.pairs.first { $0.number == plan[.normal].pair }
        #expect(normal?.foreground == 7 && normal?.background == 0)
        #expect(plan.pairs.allSatisfy { $0.foreground >= 0 && $0.background >= 0 })
    }

    @Test("styles beyond the terminal's pairs fall back to pair 0")
    func pairLimit() {
        let plan = ColorPairPlan(theme: .default, mode: .ansi256, defaultColors: true, maxPairs: 3)
        #expect(plan.pairs.count == 2)
        #expect(StyleName.allCases.allSatisfy { plan[$0].pair <= 2 })
    }

    @Test("theme attributes become ncurses attributes")
    func cursesAttributes() {
        let bold = NCursesTerminal.cursesAttributes(.bold)
        let reverse = NCursesTerminal.cursesAttributes(.reverse)
        #expect(NCursesTerminal.cursesAttributes([]) == 0)
        #expect(bold != 0 && reverse != 0 && bold != reverse)
        #expect(NCursesTerminal.cursesAttributes([.bold, .reverse]) == bold | reverse)
        let all = NCursesTerminal.cursesAttributes([.bold, .dim, .reverse, .underline])
        #expect(all.nonzeroBitCount == 4)
    }
}
