import ConsoleCore
import ConsoleRender
import Foundation
import SafeText
import Testing

/// The French catalogue is complete and consistent: no key twice, the same values in each pair, an entry for every
/// English text written through the localizer in `Sources/`, and no English left on any French screen.
@Suite("Language: the French catalogue")
struct FrenchCatalogueTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    @Test("no English text has two French entries")
    func noDuplicates() {
        var seen: Set<String> = []
        var repeated: [String] = []
        for entry in FrenchCatalogue.entries where !seen.insert(entry.english).inserted { repeated.append(entry.english) }
        #expect(repeated.isEmpty, "repeated keys: \(repeated)")
    }

    @Test("each translation takes the same values as its English text")
    func placeholders() {
        for entry in FrenchCatalogue.entries {
            let count = entry.english.components(separatedBy: "{}").count - 1
            let sample = (0..<count).map { "⟨\($0)⟩" }
            let filled = UIText.fill(entry.french, with: sample)
            for value in sample {
                #expect(filled.contains(value), "\"\(entry.french)\" loses a value of \"\(entry.english)\"")
            }
            #expect(!filled.contains("{"), "\"\(entry.french)\" has a placeholder \"\(entry.english)\" does not fill")
        }
    }

    /// Fails when someone adds `tr("…")` (or `tr.template("…")`) in `Sources/` without its French entry: the
    /// message lists each missing English text as it must be written in the catalogue.
    @Test("every English text written through the localizer in Sources/ has a French entry")
    func sourcesAreTranslated() throws {
        var missing: Set<String> = []
        var found = 0
        let files = try #require(FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil))
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for template in LocalizedLiterals.templates(in: text) {
                found += 1
                if !Localizer.hasFrench(template) { missing.insert(template) }
            }
        }
        #expect(found > 200, "the scan found only \(found) texts: is Sources/ where it was?")
        let pairs = missing.sorted().map { "(\"\($0)\", \"…\")," }.joined(separator: "\n")
        #expect(missing.isEmpty, "add these to FrenchCatalogue:\n\(pairs)")
    }

    @Test("no French screen, dialog or overlay shows text without a French entry", arguments: BilingualScreens.goldenCases + BilingualScreens.otherCases)
    func noUntranslatedText(_ situation: BilingualScreens.Case) throws {
        let fixture = try ConsoleFixture()
        let state = try situation.make(fixture, Localizer(.french, marksMissing: true))
        let grid = ConsoleView.render(state, charset: .utf8)
        let text = grid.text
        #expect(!text.contains("⟦"), "untranslated in \(situation.name):\n\(Self.marked(text))")
        // The audit trail's actions and details are stored identifiers (approve, state_after=queued): not checked.
        let checked = situation.name.hasPrefix("audit") ? [] : Self.englishOnly
        for phrase in checked where Self.containsWord(phrase, in: text) {
            Issue.record("\"\(phrase)\" is English on the French screen \(situation.name):\n\(text)")
        }
        ScreenChecks.rowsFit(grid)
    }

    /// Words of the interface that French screens never show (the demo's data is French and uses none of them).
    static let englishOnly = [
        "Overview", "Approvals", "Capacity", "Queue", "Waiting", "pending", "queued", "running", "awaiting", "approve",
        "reject", "filter", "sort:", "details", "help", "quit", " ago", "Reading", "Nothing", "Reason", "Cancel",
        "records", " rows", " nodes", "projects", "Institutes", "OVERDUE", "due in", "stale", "hours", "submitted",
    ]

    /// Whether `word` is in `text` as a word of the interface: not inside another word, and not a filter value
    /// (`state:queued`, `queued,running`), which stays in English.
    static func containsWord(_ word: String, in text: String) -> Bool {
        var searchFrom = text.startIndex
        while let range = text.range(of: word, range: searchFrom..<text.endIndex) {
            searchFrom = range.upperBound
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : " "
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : " "
            let glued: (Character) -> Bool = { $0.isLetter || $0 == ":" || $0 == "," || $0 == "_" || $0 == "=" }
            if (word.first?.isLetter == true && glued(before)) || (word.last?.isLetter == true && (after.isLetter || after == ",")) {
                continue
            }
            return true
        }
        return false
    }

    private static func marked(_ text: String) -> String {
        text.split(separator: "\n").filter { $0.contains("⟦") }.joined(separator: "\n")
    }
}

/// The English texts written through the localizer in Swift source: the literal that is the whole argument of
/// `tr(` or `tr.template(`, each `\(…)` turned into `{}` as ``UIText`` does.
enum LocalizedLiterals {
    static func templates(in source: String) -> [String] {
        let scalars = Array(source.unicodeScalars)
        var result: [String] = []
        var index = 0
        let openers = [Array("tr(\"".unicodeScalars), Array("tr.template(\"".unicodeScalars)]
        while index < scalars.count {
            var matched: Int?
            for opener in openers where index + opener.count <= scalars.count
                && Array(scalars[index..<(index + opener.count)]) == opener
                && (index == 0 || !isIdentifier(scalars[index - 1])) {
                matched = opener.count
            }
            guard let length = matched else {
                index += 1
                continue
            }
            let quote = index + length - 1
            if let (template, end) = literal(scalars, at: quote) {
                // Only a whole argument: `tr("…")`, not `tr("tab:" + name)`, whose key is built at run time.
                if end < scalars.count, scalars[end] == ")" { result.append(template) }
                index = end
            } else {
                index = quote + 1
            }
        }
        return result
    }

    private static func isIdentifier(_ scalar: Unicode.Scalar) -> Bool {
        CharacterSet.alphanumerics.contains(scalar) || scalar == "_"
    }

    /// The template of the string literal whose opening quote is at `start`, and the index after it.
    private static func literal(_ scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        guard scalars[start] == "\"", !(start + 2 < scalars.count && scalars[start + 1] == "\"" && scalars[start + 2] == "\"")
        else { return nil }
        var out = String.UnicodeScalarView()
        var index = start + 1
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\", index + 1 < scalars.count {
                let next = scalars[index + 1]
                if next == "(" {
                    var depth = 1
                    var inner = index + 2
                    while inner < scalars.count, depth > 0 {
                        if scalars[inner] == "(" { depth += 1 }
                        if scalars[inner] == ")" { depth -= 1 }
                        if scalars[inner] == "\"", let (_, end) = literal(scalars, at: inner) {
                            inner = end
                            continue
                        }
                        inner += 1
                    }
                    out.append(contentsOf: "{}".unicodeScalars)
                    index = inner
                    continue
                }
                switch next {
                case "n": out.append("\n")
                case "t": out.append("\t")
                default: out.append(next)
                }
                index += 2
                continue
            }
            if scalar == "\"" { return (String(out), index + 1) }
            out.append(scalar)
            index += 1
        }
        return nil
    }
}
