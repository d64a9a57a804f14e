/// Fills the placeholders of the catalogue's titles and approval texts with numbers drawn from a seeded generator.
///
/// Placeholders are `{name}` for a number and `{a|b|c}` for a choice:
///
/// | placeholder | value |
/// |---|---|
/// | `{lot}` | a batch number, 100–999 |
/// | `{n}` | a count, 3–60 |
/// | `{k}` | a small count, 2–9 |
/// | `{pct}` | a percentage, 4–31 |
/// | `{conf}` | a confidence, `0.70`–`0.96` |
/// | `{x}` | a quantity with one decimal, `1.0`–`40.0` |
/// | `{v}` | a model version, 2–9 |
/// | `{h}` | hours, 2–36 |
///
/// Numbers are printed without locale (`12.4`, never `12,4`), so a seed gives the same text everywhere.
public enum DemoTemplate {
    /// The placeholder names that stand for numbers.
    public static let numberNames: [String] = ["lot", "n", "k", "pct", "conf", "x", "v", "h"]

    /// `template` with every placeholder replaced, drawing from `random` in reading order. An unknown `{name}` is
    /// left as it is.
    public static func fill(_ template: String, using random: inout SeededRandom) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[rest.startIndex..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = rest[rest.index(after: open)..<close]
            if let value = value(for: name, using: &random) {
                result += value
            } else {
                result += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return result
    }

    private static func value(for name: Substring, using random: inout SeededRandom) -> String? {
        if name.contains("|") {
            return random.pick(name.split(separator: "|", omittingEmptySubsequences: false).map(String.init))
        }
        return number(named: name, using: &random)
    }

    /// A number for the placeholder `{name}`, drawn from `random` in its range (see the table above); `nil` when
    /// `name` is not one of ``numberNames``. The seed's faster templates draw through here too, so both give the
    /// same values for the same draws.
    static func number(named name: Substring, using random: inout SeededRandom) -> String? {
        switch name {
        case "lot": return String(random.nextInt(in: 100...999))
        case "n": return String(random.nextInt(in: 3...60))
        case "k": return String(random.nextInt(in: 2...9))
        case "pct": return String(random.nextInt(in: 4...31))
        case "conf": return "0." + String(random.nextInt(in: 70...96))
        case "x":
            let tenths = random.nextInt(in: 10...400)
            return "\(tenths / 10).\(tenths % 10)"
        case "v": return String(random.nextInt(in: 2...9))
        case "h": return String(random.nextInt(in: 2...36))
        default: return nil
        }
    }
}
