import ConsoleCore
import SafeText

/// Row 0 when the config sets `[banner] text`: the site, environment and classification across the whole width,
/// centred, in its own colour, so that production never looks like staging. The text is untrusted and sanitised.
///
/// ```
///                      DAKHLA · PRODUCTION · RESTRICTED
/// ```
enum ClassificationView {
    static func render(_ text: String, into grid: inout CellGrid) {
        guard grid.height > 0 else { return }
        grid.fill(Rect(x: 0, y: 0, width: grid.width, height: 1), style: .classification)
        let line = Sanitizer.line(text, charset: grid.charset)
        let fitted = TextFit.truncate(line, toWidth: max(0, grid.width - 2), ellipsis: grid.charset.ellipsis)
        let width = DisplayWidth.of(fitted)
        grid.put(fitted, x: max(1, (grid.width - width) / 2), y: 0, style: .classification, maxWidth: grid.width - 2)
    }
}
