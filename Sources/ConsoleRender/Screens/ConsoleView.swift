import ConsoleCore
import SafeText

/// Draws the whole console state into a cell grid: pure, no I/O, the same in tests and on a terminal.
///
/// The frame is made of the chrome (header, banners, tab rule, status line, footer), the current screen's body,
/// and an overlay when a dialog or the help is open. Below 80x24 only a "terminal too small" message is drawn.
public enum ConsoleView {
    /// The frame for `state` in `charset`.
    public static func render(_ state: ConsoleState, charset: TerminalCharset) -> CellGrid {
        var grid = CellGrid(width: state.size.width, height: state.size.height, charset: charset)
        grid.tr = state.tr
        if state.size.isTooSmall {
            TooSmallView.render(state, into: &grid)
            return grid
        }
        // The classification line takes row 0; everything else is laid out in the rows below it.
        if let classification = state.options.classification {
            var inner = state
            inner.options.classification = nil
            inner.size = state.contentSize
            ClassificationView.render(classification, into: &grid)
            grid.paste(renderContent(inner, charset: charset), atRow: 1)
            return grid
        }
        return renderContent(state, charset: charset)
    }

    /// The header, screen, status line, footer and overlays in a grid of the state's size.
    private static func renderContent(_ state: ConsoleState, charset: TerminalCharset) -> CellGrid {
        var grid = CellGrid(width: state.size.width, height: state.size.height, charset: charset)
        grid.tr = state.tr
        let layout = state.layout
        HeaderView.render(state, into: &grid)
        BannerView.render(state, into: &grid)
        TabRuleView.render(state, into: &grid, row: layout.banners + 1)
        switch state.screen {
        case .overview: OverviewScreen.render(state, into: &grid, layout: layout)
        case .nodes: NodesScreen.render(state, into: &grid, layout: layout)
        case .runs: RunsScreen.render(state, into: &grid, layout: layout)
        case .approvals: ApprovalsScreen.render(state, into: &grid, layout: layout)
        case .institutes: InstitutesScreen.render(state, into: &grid, layout: layout)
        case .audit: AuditScreen.render(state, into: &grid, layout: layout)
        }
        StatusLineView.render(state, into: &grid, row: layout.statusRow)
        FooterView.render(state, into: &grid, row: layout.footerRow)
        switch state.mode {
        case .dialog(let dialog): ActionDialogView.render(dialog, state: state, into: &grid)
        case .help: HelpView.render(state, into: &grid)
        case .sessionActions: SessionActionsView.render(state, into: &grid)
        case .normal, .filter, .command, .export: break
        }
        return grid
    }
}
