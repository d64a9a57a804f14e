/// The text typed after `/`: `key:value` tokens (`state:queued`, `pool:dakhla-gpu`, `inst:guelmim`) and free text.
public struct FilterText: Sendable, Hashable {
    /// The `key:value` tokens, keys lowercased.
    public var tokens: [String: String]
    /// Everything else, joined by single spaces.
    public var freeText: String

    /// Parses filter text.
    public init(_ text: String) {
        var tokens: [String: String] = [:]
        var words: [Substring] = []
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if let colon = word.firstIndex(of: ":"), colon != word.startIndex, word.index(after: colon) != word.endIndex {
                tokens[word[..<colon].lowercased()] = String(word[word.index(after: colon)...])
            } else {
                words.append(word)
            }
        }
        self.tokens = tokens
        self.freeText = words.joined(separator: " ")
    }

    /// The value of the first token among `keys` present.
    public func value(_ keys: String...) -> String? {
        for key in keys {
            if let value = tokens[key] { return value }
        }
        return nil
    }

    /// Case- and accent-insensitive containment of the free text in any of `fields`.
    public func matches(_ fields: [String]) -> Bool {
        guard !freeText.isEmpty else { return true }
        let wanted = Self.fold(freeText)
        return fields.contains { Self.fold($0).contains(wanted) }
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
