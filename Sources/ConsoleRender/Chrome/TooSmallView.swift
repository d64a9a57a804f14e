import ConsoleCore
import SafeText

/// Below 80x24: only a centred message saying so, wrapped to the terminal and cut when even that does not fit.
///
/// ```
/// Terminal too small: 60x20.
/// Fusion Console needs at least 80x24.
/// Resize, or press q to quit.
/// ```
enum TooSmallView {
    static func render(_ state: ConsoleState, into grid: inout CellGrid) {
        guard grid.width > 0, grid.height > 0 else { return }
        let minimum = TerminalSize.minimum
        let sentences = [
            (grid.tr("Terminal too small: \(grid.width)x\(grid.height)."), StyleName.warn),
            (grid.tr("Fusion Console needs at least \(minimum.width)x\(minimum.height)."), .normal),
            (grid.tr("Resize, or press q to quit."), .dim),
        ]
        let width = max(1, min(grid.width - 2, 40))
        var lines: [(String, StyleName)] = []
        for (sentence, style) in sentences {
            lines += WrappedText.lines(sentence, width: width, charset: grid.charset).map { ($0, style) }
        }
        if lines.count > grid.height {
            lines = Array(lines.prefix(grid.height))
        }
        let top = (grid.height - lines.count) / 2
        for (offset, (line, style)) in lines.enumerated() {
            let lineWidth = DisplayWidth.of(line)
            grid.put(line, x: max(0, (grid.width - lineWidth) / 2), y: top + offset, style: style, maxWidth: grid.width)
        }
    }
}
