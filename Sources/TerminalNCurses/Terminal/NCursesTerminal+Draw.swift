import CNCursesW
import ConsoleCore
import ConsoleRender
import Glibc

extension NCursesTerminal {
    /// Puts `grid` on screen, then sends it with one `doupdate()`.
    ///
    /// Only cells that differ from the last drawn grid are handed to ncurses. The first grid,
    /// a grid of another size, or a change of the terminal's size redraw everything (after a
    /// resize, the physical screen is cleared first). Cells beyond the screen are clipped;
    /// screen cells beyond the grid stay blank. Text outside ``charset`` shows as `?`.
    /// Render the grid at ``size``.
    public func draw(_ frame: CellGrid) {
        guard isActive else { return }
        let grid = CellDiff.carryingLooks(frame, into: plainBlanks)
        let screen = size
        var previous: CellGrid?
        if let lastDrawn, lastDrawn.screen == screen {
            previous = lastDrawn.grid
        } else {
            _ = fc_erase()
            if lastDrawn != nil { _ = fc_clear_on_next_refresh() }
        }
        if let old = previous, old.width != grid.width || old.height != grid.height {
            _ = fc_erase()
            previous = nil
        }
        for position in CellDiff.positions(from: previous, to: grid)
        where position.x < screen.width && position.y < screen.height {
            let cell = grid.cells[position.y * grid.width + position.x]
            put(grid, at: position, screenWidth: screen.width, look: looks[cell.style] ?? (fc_attr_normal(), 0))
        }
        let before = bytesWritten == nil ? nil : ThreadOutputCounter.written()
        _ = fc_refresh()
        count(since: before)
        lastDrawn = (grid, screen)
    }

    /// Adds what this thread wrote since `before` (a ``ThreadOutputCounter`` reading) to ``bytesWritten``.
    func count(since before: UInt64?) {
        guard let before, let total = bytesWritten, let after = ThreadOutputCounter.written(), after >= before else { return }
        bytesWritten = total + (after - before)
    }

    /// Clears the physical screen and sends everything again (Ctrl-L, after another program
    /// wrote over the dashboard).
    public func repaint() {
        guard isActive else { return }
        _ = fc_clear_on_next_refresh()
        let before = bytesWritten == nil ? nil : ThreadOutputCounter.written()
        _ = fc_refresh()
        count(since: before)
    }

    /// Rings the terminal's bell (or flashes, as the terminal prefers).
    public func bell() {
        guard isActive else { return }
        _ = beep()
    }

    /// Writes one grid cell (and, for a replacement, the spaces that keep its width).
    /// A cell that would cross the screen's right edge is written as spaces, so that ncurses
    /// never wraps a wide character onto the next line. ERR is ignored: it also means "drawn,
    /// but the cursor could not move on" in the bottom-right corner.
    private func put(
        _ grid: CellGrid, at position: Point, screenWidth: Int, look: (attributes: attr_t, pair: Int16)
    ) {
        let cell = grid.cells[position.y * grid.width + position.x]
        let columns = CellDiff.columns(at: position.x, row: position.y, in: grid)
        let pieces: [CellGlyph.Piece]
        if position.x + columns > screenWidth {
            pieces = (0..<(screenWidth - position.x)).map { CellGlyph.Piece(offset: $0, scalars: [" "]) }
        } else {
            pieces = CellGlyph.pieces(
                for: cell, columns: columns, charset: charset, maxScalars: maxScalarsPerCell,
                width: { Int(fc_wcwidth(wchar_t(bitPattern: $0.value))) })
        }
        for piece in pieces {
            var text = piece.scalars.map { wchar_t(bitPattern: $0.value) }
            text.append(0)
            _ = fc_put_cell(Int32(position.y), Int32(position.x + piece.offset), text, look.attributes, look.pair)
        }
    }
}
