/// The catalogue's text templates, parsed once and filled many times: the seed fills a few million of them, and
/// scanning each template (and replacing `{node}`, `{from}`, `{to}` through Foundation) every time would cost more
/// than writing the rows. The values are drawn as ``DemoTemplate`` draws them, from the same ranges.
struct SeedTemplates {
    private enum Piece {
        case text(String)
        case number(Substring)
        case choice([String])
        case node, from, to
    }

    private var parsed: [String: [Piece]] = [:]

    /// `template` with every placeholder filled: numbers and choices drawn from `random`, `{node}`, `{from}` and
    /// `{to}` given.
    mutating func fill(
        _ template: String, node: String = "", from: String = "", to: String = "", random: inout SeededRandom
    ) -> String {
        let pieces: [Piece]
        if let known = parsed[template] {
            pieces = known
        } else {
            pieces = Self.parse(template)
            parsed[template] = pieces
        }
        var result = ""
        result.reserveCapacity(template.utf8.count + 16)
        for piece in pieces {
            switch piece {
            case .text(let text): result += text
            case .node: result += node
            case .from: result += from
            case .to: result += to
            case .choice(let options): result += random.pick(options)
            case .number(let name): result += DemoTemplate.number(named: name, using: &random) ?? ""
            }
        }
        return result
    }

    private static func parse(_ template: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { pieces.append(.text(String(rest[rest.startIndex..<open]))) }
            let name = rest[rest.index(after: open)..<close]
            switch name {
            case "node": pieces.append(.node)
            case "from": pieces.append(.from)
            case "to": pieces.append(.to)
            case _ where name.contains("|"):
                pieces.append(.choice(name.split(separator: "|", omittingEmptySubsequences: false).map(String.init)))
            case _ where DemoTemplate.numberNames.contains(String(name)):
                pieces.append(.number(name))
            default:
                pieces.append(.text(String(rest[open...close])))
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        return pieces
    }
}
