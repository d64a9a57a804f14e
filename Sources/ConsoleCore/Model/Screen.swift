import Foundation

/// The six screens of the dashboard, switched with the keys 1–6 or `:` and a name.
public enum Screen: Int, CaseIterable, Sendable, Hashable {
    case overview = 1
    case nodes
    case runs
    case approvals
    case institutes
    case audit

    /// The tab label: `Overview`, `Nodes`…
    public var title: String {
        switch self {
        case .overview: "Overview"
        case .nodes: "Nodes"
        case .runs: "Runs"
        case .approvals: "Approvals"
        case .institutes: "Institutes"
        case .audit: "Audit"
        }
    }

    /// The screen a `:` command names (`:runs`, `:approvals`, `:a`…): a unique prefix of its title, case-insensitive.
    public static func named(_ name: String) -> Screen? {
        let wanted = name.lowercased()
        guard !wanted.isEmpty else { return nil }
        if let number = Int(wanted) { return Screen(rawValue: number) }
        let matches = allCases.filter { $0.title.lowercased().hasPrefix(wanted) }
        if matches.count == 1 { return matches[0] }
        // The French names too (`:noeuds`, `:execu`…), accents optional.
        func folded(_ text: String) -> String { FilterText.fold(text).replacingOccurrences(of: "œ", with: "oe") }
        let french = allCases.filter { folded($0.title(.french)).hasPrefix(folded(wanted)) }
        return matches.isEmpty && french.count == 1 ? french[0] : nil
    }

    /// Whether the screen is a scrollable list with a selection.
    public var hasList: Bool { self != .overview }
}
