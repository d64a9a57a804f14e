import SafeText

/// Short lists written on one line of the overview.
enum OverviewText {
    /// As many whole `items` as fit in `width` columns, joined by `separator`, then ` +N` for those left out and
    /// the `more` beyond them: `zagora-1, zagora-2 +3`.
    /// With `countsRest` false, those left out are not mentioned (a ranking cut where room runs out).
    static func fitList(
        _ items: [String], more: Int, width: Int, charset: TerminalCharset, separator: String = ", ",
        countsRest: Bool = true
    ) -> String {
        func tail(_ rest: Int) -> String { rest > 0 && countsRest ? " +\(rest)" : "" }
        var shown: [String] = []
        for (index, item) in items.enumerated() {
            let candidate = (shown + [item]).joined(separator: separator) + tail(items.count - index - 1 + more)
            guard DisplayWidth.of(Sanitizer.line(candidate, charset: charset)) <= width else { break }
            shown.append(item)
        }
        let left = items.count - shown.count + more
        guard !shown.isEmpty else { return left > 0 && countsRest ? "+\(left)" : "" }
        return shown.joined(separator: separator) + tail(left)
    }
}
