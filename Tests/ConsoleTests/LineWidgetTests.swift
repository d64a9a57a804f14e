import ConsoleRender
import SafeText
import Testing

/// Draws a one-line widget into a fresh grid and returns its text and style rows.
func drawLine(width: Int, charset: TerminalCharset = .utf8, _ draw: (inout CellGrid) -> Void) -> (text: String, styles: String) {
    var grid = CellGrid(width: width, height: 1, charset: charset)
    draw(&grid)
    return (grid.row(0), grid.styleRow(0))
}

@Suite("Section rule, meter, sparkline")
struct LineWidgetTests {
    @Test("section rule with a title")
    func sectionRule() {
        let line = drawLine(width: 20) { SectionRule(title: "Capacity").render(into: &$0, x: 0, y: 0, width: 20) }
        #expect(line.text == "─ Capacity ─────────")
        #expect(line.styles == "bbttttttttbbbbbbbbbb")
        let ascii = drawLine(width: 20, charset: .ascii) {
            SectionRule(title: "Capacity").render(into: &$0, x: 0, y: 0, width: 20)
        }
        #expect(ascii.text == "- Capacity ---------")
    }

    @Test("section rule with trailing text, and cut when narrow")
    func sectionRuleTrailing() {
        let wide = drawLine(width: 40) {
            SectionRule(title: "Approvals", trailing: "sort: due ↑").render(into: &$0, x: 0, y: 0, width: 40)
        }
        #expect(wide.text == "─ Approvals " + String(repeating: "─", count: 14) + " sort: due ↑ ─")
        let narrow = drawLine(width: 8) {
            SectionRule(title: "Capacity", trailing: "sort: due ↑").render(into: &$0, x: 0, y: 0, width: 8)
        }
        #expect(narrow.text == "─ Cap… ─")
    }

    @Test("meter at 50 % in 15 columns: a 10-cell bar and the label")
    func meterHalf() {
        let line = drawLine(width: 15) { Meter(percent: 50).render(into: &$0, x: 0, y: 0, width: 15) }
        #expect(line.text == "█████░░░░░  50%")
        #expect(line.styles == "oooooeeeeeooooo")
        let ascii = drawLine(width: 15, charset: .ascii) { Meter(percent: 50).render(into: &$0, x: 0, y: 0, width: 15) }
        #expect(ascii.text == "#####.....  50%")
    }

    @Test("meter levels follow the thresholds, with eighths at the bar's end")
    func meterLevels() {
        let warn = drawLine(width: 15) { Meter(percent: 81).render(into: &$0, x: 0, y: 0, width: 15) }
        #expect(warn.text == "████████▏░  81%")
        #expect(warn.styles == "wwwwwwwwwewwwww")
        let critical = drawLine(width: 10) { Meter(percent: 100).render(into: &$0, x: 0, y: 0, width: 10) }
        #expect(critical.text == "█████ 100%")
        #expect(critical.styles == "cccccccccc")
        let partial = drawLine(width: 15) { Meter(percent: 65).render(into: &$0, x: 0, y: 0, width: 15) }
        #expect(partial.text == "██████▌░░░  65%")
        #expect(MeterThresholds.standard.level(of: 74.9) == .ok)
        #expect(MeterThresholds.standard.level(of: 75) == .warn)
        #expect(MeterThresholds.standard.level(of: 89.9) == .warn)
        #expect(MeterThresholds.standard.level(of: 90) == .critical)
        let custom = MeterThresholds(warn: 50, critical: 60)
        let customLine = drawLine(width: 10) {
            Meter(percent: 55, thresholds: custom).render(into: &$0, x: 0, y: 0, width: 10)
        }
        #expect(customLine.styles.hasPrefix("www"))
    }

    @Test("an unknown value shows an empty dim meter")
    func meterUnknown() {
        for value in [nil, Double.nan] {
            let line = drawLine(width: 10) { Meter(percent: value).render(into: &$0, x: 0, y: 0, width: 10) }
            #expect(line.text == "░░░░░   --")
            #expect(line.styles == "eeeeeddddd")
        }
        let clamped = drawLine(width: 10) { Meter(percent: 250).render(into: &$0, x: 0, y: 0, width: 10) }
        #expect(clamped.text == "█████ 100%")
    }

    @Test("sparkline maps 0–100 to eight levels, newest on the right")
    func sparkline() {
        let values: [Double?] = [0, 50, 100, nil, 25]
        let line = drawLine(width: 7) { Sparkline(values: values).render(into: &$0, x: 0, y: 0, width: 7) }
        #expect(line.text == "  ▁▅█ ▃")
        #expect(line.styles == "ppppppp")
        let cut = drawLine(width: 3) { Sparkline(values: values).render(into: &$0, x: 0, y: 0, width: 3) }
        #expect(cut.text == "█ ▃")
        let ascii = drawLine(width: 7, charset: .ascii) { Sparkline(values: values).render(into: &$0, x: 0, y: 0, width: 7) }
        #expect(ascii.text == "  _+@ -")
        #expect(Sparkline.level(of: -5) == 0)
        #expect(Sparkline.level(of: 500) == 7)
    }
}
