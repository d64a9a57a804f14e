import ConsoleCore
import SafeText

/// Row 0: the factory's name, the UTC clock, who is at the console, and how fresh the data is.
///
/// ```
///  FUSION AI FACTORY · national     03:12:45 UTC   sup-national (supervisor)   store ✓ 1s  registry ✓ 2s
/// ```
/// The clock, the account and the freshness are kept whole at any width from 80 columns: the gaps shrink, then
/// the factory's name is shortened (with an ellipsis), then left out, then the clock loses its ` UTC`.
enum HeaderView {
    static func render(_ state: ConsoleState, into grid: inout CellGrid) {
        guard grid.height > 0, grid.width > 2 else { return }
        let glyphs = grid.glyphs
        let charset = grid.charset
        let identity = state.identity
        let interval = state.options.refreshInterval
        let store = SourceFreshness(label: state.tr("store"), status: state.storeStatus, now: state.now, interval: interval)
        let registry = SourceFreshness(label: state.tr.template(state.registry.sourceName), status: state.registry.status, now: state.now,
                                       interval: interval)
        func groups(utc: Bool) -> [[StyledLine.Part]] {
            [
                [StyledLine.Part(ListFormat.clock(state.now) + (utc ? " UTC" : ""), .header)],
                [StyledLine.Part(identity.actor.description, .info), StyledLine.Part(" (\(state.tr.template(identity.role.rawValue)))", .dim)],
                store.spans(glyphs: glyphs, tr: state.tr) + [.gap(2)] + registry.spans(glyphs: glyphs, tr: state.tr),
            ]
        }
        let inner = grid.width - 2  // a space at each end
        let name = Sanitizer.line(state.options.factoryName, charset: charset)
        let nameWidth = DisplayWidth.of(name)
        // Wide gaps and a readable name first; then narrower gaps; then no name; then no "UTC" (the clock stays).
        let variants: [(gap: Int, leastName: Int?, utc: Bool)] = [
            (3, 12, true), (2, 8, true), (2, nil, true), (1, nil, true), (1, nil, false),
        ]
        for variant in variants {
            let right = joined(groups(utc: variant.utc), gap: variant.gap)
            let rightWidth = StyledLine(right).width(charset: charset)
            let nameRoom = inner - rightWidth - variant.gap
            if let leastName = variant.leastName {
                guard nameRoom >= min(leastName, nameWidth) else { continue }
            } else {
                guard rightWidth <= inner else { continue }
            }
            if nameRoom >= min(4, nameWidth), nameRoom > 0 {
                grid.put(shortened(name, to: nameRoom, ellipsis: charset.ellipsis), x: 1, y: 0, style: .title)
            }
            StyledLine(right).render(into: &grid, x: 1 + inner - rightWidth, y: 0, width: rightWidth)
            return
        }
        StyledLine(joined(groups(utc: false), gap: 1)).render(into: &grid, x: 1, y: 0, width: inner)
    }

    /// The name cut to `width` columns, the ellipsis right after the last word kept (`FUSION AI…`, not `FUSION …`).
    private static func shortened(_ name: String, to width: Int, ellipsis: String) -> String {
        guard DisplayWidth.of(name) > width else { return name }
        var head = TextFit.prefix(of: name, fittingIn: width - DisplayWidth.of(ellipsis))
        // Cut between words when a word boundary leaves enough of the name.
        let next = name.dropFirst(head.count).first
        if let next, next != " ", let space = head.lastIndex(of: " "), head.distance(from: head.startIndex, to: space) >= 4 {
            head = String(head[..<space])
        }
        // No separator left dangling before the ellipsis: `·` in UTF-8 is `.` once transliterated to ASCII.
        while let last = head.last, last.isWhitespace || Self.separators.contains(last) { head.removeLast() }
        return head + ellipsis
    }

    private static let separators: Set<Character> = ["·", ".", "-", "–", "—", ",", ":", ";", "|", "/"]

    private static func joined(_ groups: [[StyledLine.Part]], gap: Int) -> [StyledLine.Part] {
        var spans: [StyledLine.Part] = []
        for (index, group) in groups.enumerated() {
            if index > 0 { spans.append(.gap(gap)) }
            spans += group
        }
        return spans
    }
}
