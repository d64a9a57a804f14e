extension ConsoleState {
    /// The localizer of the console's language: `state.tr("…")` writes a user-facing text in it.
    public var tr: Localizer { options.localizer }
}

extension Screen {
    /// The tab label in the language of `tr`: `Vue d'ensemble`, `Nœuds`…
    public func title(_ tr: Localizer) -> String { tr.template(title) }
}

extension ActionDialog.Kind {
    /// The confirm button's label in the language of `tr`.
    public func verb(_ tr: Localizer) -> String { tr.template(verb) }
}

extension KeyHelp {
    /// The entry's words (action, footer label) in the language of `tr`; the keys stay as they are.
    func localized(_ tr: Localizer) -> KeyHelp {
        var entry = self
        entry.action = tr.template(action)
        entry.footerLabel = tr.template(footerLabel)
        return entry
    }
}
