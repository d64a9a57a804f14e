extension UIText {
    /// The values that turn `template` (with `{}` placeholders) into `text`, or nil when `text` is not of that
    /// form. Each value is the shortest that lets the rest match, the last one runs to the end.
    public static func match(_ template: String, _ text: String) -> [String]? {
        let pieces = template.components(separatedBy: "{}")
        guard pieces.count > 1 else { return template == text ? [] : nil }
        guard text.hasPrefix(pieces[0]) else { return nil }
        var rest = text.dropFirst(pieces[0].count)
        var values: [String] = []
        for (index, piece) in pieces.enumerated().dropFirst() {
            let isLast = index == pieces.count - 1
            if isLast {
                guard rest.hasSuffix(piece), rest.count >= piece.count else { return nil }
                values.append(String(rest.dropLast(piece.count)))
            } else if piece.isEmpty {
                values.append("")
            } else {
                guard let range = rest.range(of: piece) else { return nil }
                values.append(String(rest[..<range.lowerBound]))
                rest = rest[range.upperBound...]
            }
        }
        return values
    }
}

extension Localizer {
    /// A sentence written by another layer (the action gate's receipts and refusals, which the command line shows
    /// in English too) in this language: translated when it is of the form of one of ``FrenchCatalogue/messages``
    /// or of the command line's messages, else as it came.
    public func message(_ english: String) -> String {
        guard language == .french else { return english }
        if let exact = FrenchCatalogue.table[english] { return exact }
        for entry in FrenchCatalogue.messages + FrenchCatalogue.commands where entry.english.contains("{}") {
            if let values = UIText.match(entry.english, english) { return UIText.fill(entry.french, with: values) }
        }
        return english
    }
}
