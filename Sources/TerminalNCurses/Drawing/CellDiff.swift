import ConsoleRender

/// Which cells to send to ncurses to turn the last drawn grid into a new one. Pure.
///
/// ncurses compares its screens too, but building each cell (`setcchar`, `mvwadd_wch`) costs
/// more than comparing two ``Cell`` values, and the dashboard redraws every second for the clock.
enum CellDiff {
    /// The positions of the cells to write, row by row, left to right.
    ///
    /// Only *lead* cells are written: a continuation cell (the right half of a wide character)
    /// is drawn by writing its lead, so a changed continuation cell sends its lead again.
    /// A continuation cell with no lead to its left (which ``CellGrid`` never holds) is listed
    /// itself, and drawn as a space.
    ///
    /// - Parameters:
    ///   - old: the grid on screen; `nil` (or another size) means everything is written.
    ///   - new: the grid to show.
    static func positions(from old: CellGrid?, to new: CellGrid) -> [Point] {
        let width = new.width
        var positions: [Point] = []
        guard let old, old.width == width, old.height == new.height else {
            for y in 0..<new.height {
                for x in 0..<width where !new.cells[y * width + x].isContinuation || lead(of: x, row: y, in: new) == nil {
                    positions.append(Point(x: x, y: y))
                }
            }
            return positions
        }
        for y in 0..<new.height {
            var lastWritten = -1
            let rowStart = y * width
            for x in 0..<width where old.cells[rowStart + x] != new.cells[rowStart + x] {
                let column = lead(of: x, row: y, in: new) ?? x
                if column != lastWritten {
                    positions.append(Point(x: column, y: y))
                    lastWritten = column
                }
            }
        }
        return positions
    }

    /// The column of the cell that draws (`x`, `row`): `x` itself unless it is a continuation
    /// cell, then the nearest non-continuation cell to its left; `nil` when there is none.
    static func lead(of x: Int, row: Int, in grid: CellGrid) -> Int? {
        var column = x
        while column >= 0, grid.cells[row * grid.width + column].isContinuation {
            column -= 1
        }
        return column >= 0 ? column : nil
    }

    /// How many columns the cell at (`x`, `row`) takes: 1 plus the continuation cells after it.
    static func columns(at x: Int, row: Int, in grid: CellGrid) -> Int {
        var next = x + 1
        while next < grid.width, grid.cells[row * grid.width + next].isContinuation {
            next += 1
        }
        return next - x
    }

    /// `grid` with each space of a style in `plain` drawn in the style of the cell before it, when that style is in
    /// `plain` too (a space shows the same in either): the terminal is then not told to change attributes for every
    /// gap between two styled words and back. Decided from the frame alone, so that two equal frames give equal
    /// grids and a repaint sends the same few changes.
    static func carryingLooks(_ grid: CellGrid, into plain: Set<StyleName>) -> CellGrid {
        var result = grid
        for y in 0..<grid.height {
            var previous: StyleName?
            for x in 0..<grid.width {
                let cell = grid.cells[y * grid.width + x]
                if cell.grapheme == " ", !cell.isContinuation, plain.contains(cell.style), let carried = previous,
                   carried != cell.style {
                    result.setStyle(carried, in: Rect(x: x, y: y, width: 1, height: 1))
                    continue
                }
                previous = plain.contains(cell.style) ? cell.style : nil
            }
        }
        return result
    }
}
