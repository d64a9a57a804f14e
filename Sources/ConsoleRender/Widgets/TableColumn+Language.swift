import ConsoleCore

extension Array where Element == TableColumn {
    /// The columns as laid out in the language of `tr`: in French, the fixed columns named in `french` (by their
    /// English heading) get that width, for words longer than the English ones (`il y a 12 min`, `● 2 rouge`).
    /// Headings themselves are translated when drawn.
    func localized(_ tr: Localizer, french: [String: Int]) -> [TableColumn] {
        guard tr.language == .french else { return self }
        return map { column in
            guard let width = french[column.title], case .fixed = column.width else { return column }
            var wider = column
            wider.width = .fixed(width)
            return wider
        }
    }
}
