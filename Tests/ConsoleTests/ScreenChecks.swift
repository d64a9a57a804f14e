import ConsoleCore
import ConsoleRender
import FactoryModel
import SafeText
import Testing

/// Checks every rendered screen must pass, whatever it shows.
enum ScreenChecks {
    /// Every row takes exactly the grid's width in display columns.
    static func rowsFit(_ grid: CellGrid, sourceLocation: SourceLocation = #_sourceLocation) {
        for y in 0..<grid.height {
            let width = DisplayWidth.of(grid.row(y))
            #expect(width == grid.width, "row \(y) is \(width) columns wide, not \(grid.width): |\(grid.row(y))|",
                    sourceLocation: sourceLocation)
        }
    }

    /// No control, format (bidi, zero-width) or C1 character anywhere in the grid.
    static func noControls(_ grid: CellGrid, sourceLocation: SourceLocation = #_sourceLocation) {
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                for scalar in grid[x, y].grapheme.unicodeScalars {
                    let category = scalar.properties.generalCategory
                    let bad = category == .control || category == .format || category == .lineSeparator
                        || category == .paragraphSeparator || (0x80...0x9F).contains(scalar.value)
                    #expect(!bad, "cell \(x),\(y) holds U+\(String(scalar.value, radix: 16, uppercase: true))",
                            sourceLocation: sourceLocation)
                }
            }
        }
    }

    /// Whether the grid's text is printable ASCII only.
    static func isPureASCII(_ grid: CellGrid) -> Bool {
        grid.text.unicodeScalars.allSatisfy { $0 == "\n" || (0x20..<0x7F).contains($0.value) }
    }

    /// The row that contains `text`, if any.
    static func row(containing text: String, in grid: CellGrid) -> Int? {
        (0..<grid.height).first { grid.row($0).contains(text) }
    }

    /// The absolute index in the approvals window of the first approval matching `predicate`.
    static func approvalIndex(_ state: ConsoleState, where predicate: (Approval) -> Bool) -> Int? {
        guard let window = state.store?.approvals else { return nil }
        return window.rows.firstIndex(where: predicate).map { window.offset + $0 }
    }
}
