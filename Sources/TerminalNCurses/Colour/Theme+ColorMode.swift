import ConsoleRender

extension Theme {
    /// The theme as drawn in `mode`: itself on a 256-colour terminal, its 8-colour fallback on
    /// an 8-colour one, and ``Theme/monochrome`` without colour (a colour theme with its colours
    /// removed could lose the only sign of the selected row; the monochrome theme never does).
    func resolved(for mode: ColorMode) -> Theme {
        switch mode {
        case .none: .monochrome
        case .ansi8: needs256Colors ? Theme.fallback8(from: self) : self
        case .ansi256: self
        }
    }
}
