/// Cutting and padding text to a number of terminal columns.
///
/// All functions measure with ``DisplayWidth``, cut only between `Character`s (a wide
/// character or an accented letter is never split) and expect sanitised text
/// (see ``Sanitizer``).
public enum TextFit {
    /// Cuts text so that it takes at most `width` columns, ending with `ellipsis` when cut.
    ///
    /// Text that already fits is returned unchanged. When it does not, as many whole
    /// characters as fit before the ellipsis are kept; a wide character that would straddle
    /// the limit is left out (the result may then be one column short). When even the
    /// ellipsis does not fit, the text is cut without it.
    ///
    /// - Parameters:
    ///   - text: sanitised text.
    ///   - width: the most columns the result may take (negative counts as 0).
    ///   - ellipsis: the mark of cut text; use ``TerminalCharset/ellipsis``.
    /// - Returns: text whose display width is at most `width`.
    public static func truncate(_ text: String, toWidth width: Int, ellipsis: String) -> String {
        let width = max(0, width)
        if DisplayWidth.of(text) <= width { return text }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        if ellipsisWidth > width { return prefix(of: text, fittingIn: width) }
        return prefix(of: text, fittingIn: width - ellipsisWidth) + ellipsis
    }

    /// Pads text with spaces to `width` columns. Text that is already as wide or wider is
    /// returned unchanged (see ``fit(_:width:alignment:ellipsis:)`` to also cut).
    ///
    /// - Parameters:
    ///   - text: sanitised text.
    ///   - width: the columns to fill.
    ///   - alignment: where the text goes; centred text gets the odd column on its right.
    public static func pad(_ text: String, toWidth width: Int, alignment: TextAlignment = .left) -> String {
        let missing = width - DisplayWidth.of(text)
        guard missing > 0 else { return text }
        switch alignment {
        case .left:
            return text + String(repeating: " ", count: missing)
        case .right:
            return String(repeating: " ", count: missing) + text
        case .center:
            let left = missing / 2
            return String(repeating: " ", count: left) + text + String(repeating: " ", count: missing - left)
        }
    }

    /// Cuts and pads text to exactly `width` columns: ``truncate(_:toWidth:ellipsis:)``
    /// then ``pad(_:toWidth:alignment:)``.
    ///
    /// - Returns: text whose display width is exactly `max(0, width)`.
    public static func fit(
        _ text: String,
        width: Int,
        alignment: TextAlignment = .left,
        ellipsis: String
    ) -> String {
        pad(truncate(text, toWidth: width, ellipsis: ellipsis), toWidth: width, alignment: alignment)
    }

    /// The longest run of whole characters from the start of `text` within `width` columns.
    public static func prefix(of text: String, fittingIn width: Int) -> String {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let characterWidth = DisplayWidth.of(text[index])
            if used + characterWidth > width { break }
            used += characterWidth
            end = text.index(after: index)
        }
        return String(text[..<end])
    }
}
