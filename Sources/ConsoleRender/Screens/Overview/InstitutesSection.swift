import ConsoleCore
import FactoryModel
import SafeText

/// The overview's institutes: those with red or amber projects, the worst first, each with its counts as a mark
/// and a word (`● 1 red  ● 2 amber`); "all green" when none is.
///
/// ```
/// ─ Institutes ─────────────────────────────────────────
///   JAZARI ROOT          12 projects  ● 1 red  ● 2 amber
///   Guelmim-Oued Noun     4 projects           ● 1 amber
///   … 2 more; 9 institutes all green
/// ```
enum InstitutesSection {
    /// An institute and the health of its projects.
    struct Health {
        var institute: Institute
        var projects = 0
        var red = 0
        var amber = 0
        /// The names of its red projects, else of its amber ones.
        var worst: [String] = []
    }

    private static let columns = [
        TableColumn("INSTITUTE", width: .flexible(min: 16, weight: 2), priority: 9),
        TableColumn("THEME", width: .flexible(min: 18, weight: 2), priority: 1),
        TableColumn("PROJECTS", width: .fixed(11), alignment: .right, priority: 4),
        TableColumn("RED", width: .fixed(7), priority: 9),
        TableColumn("AMBER", width: .fixed(9), priority: 9),
        TableColumn("WORST", width: .flexible(min: 24, weight: 3), priority: 0),
    ]

    static func render(_ state: ConsoleState, into grid: inout CellGrid, in rect: Rect) {
        guard rect.height > 0 else { return }
        let glyphs = grid.glyphs
        guard let store = state.store else {
            OverviewRule.draw("Institutes", note: nil, into: &grid, x: rect.x, y: rect.y, width: rect.width)
            return
        }
        let all = health(store)
        let troubled = all.filter { $0.red + $0.amber > 0 }
            .sorted { ($0.red, $0.amber) > ($1.red, $1.amber) }
        let projects = all.reduce(0) { $0 + $1.projects }
        let note = ListFormat.counted(all.count, "institute", grid.tr) + " \(glyphs.separator) " + ListFormat.counted(projects, "project", grid.tr)
        OverviewRule.draw("Institutes", note: note, into: &grid, x: rect.x, y: rect.y, width: rect.width)
        guard rect.height > 1 else { return }
        let textX = rect.x + 2
        let textWidth = rect.width - 3
        guard !troubled.isEmpty else {
            grid.put(grid.tr("\(glyphs.ok) All green: no project is red or amber."), x: textX, y: rect.y + 1, width: textWidth,
                     style: .ok)
            return
        }
        let rows = rect.height - 1
        // Every institute when all fit (the green ones after, marked so); else the troubled ones and a summary.
        let green = all.filter { $0.red + $0.amber == 0 }
        let listed = troubled.count + green.count <= rows ? troubled + green : troubled
        let shown = listed.prefix(listed.count > rows ? rows - 1 : rows)
        let frame = ListFrame(columns: columns.localized(grid.tr, french: ["RED": 9]), x: rect.x, width: rect.width - 1)
        for (offset, item) in shown.enumerated() {
            frame.drawRow(cells(item, glyphs: glyphs, tr: grid.tr), into: &grid, y: rect.y + 1 + offset, selected: false)
        }
        let more = troubled.count - min(troubled.count, shown.count)
        var tail: [String] = []
        if more > 0 { tail.append(grid.tr("\(grid.charset.ellipsis) \(more) more")) }
        if listed.count == troubled.count, !green.isEmpty { tail.append(grid.tr("\(green.count) all green")) }
        if !tail.isEmpty, shown.count < rows {
            grid.put(tail.joined(separator: " \(glyphs.separator) ") + (more > 0 ? grid.tr(": 5 lists them") : ""), x: textX,
                     y: rect.y + 1 + shown.count, width: textWidth, style: .dim)
        }
    }

    /// Every institute with its projects' health, in the store's order (JAZARI ROOT first).
    static func health(_ store: StoreSnapshot) -> [Health] {
        var byInstitute: [String: Health] = [:]
        for institute in store.institutes { byInstitute[institute.id] = Health(institute: institute) }
        var worstRed: [String: [String]] = [:]
        var worstAmber: [String: [String]] = [:]
        for activity in store.projects {
            let project = activity.project
            guard byInstitute[project.instituteID] != nil else { continue }
            byInstitute[project.instituteID]?.projects += 1
            switch project.health {
            case .red:
                byInstitute[project.instituteID]?.red += 1
                worstRed[project.instituteID, default: []].append(project.name)
            case .amber:
                byInstitute[project.instituteID]?.amber += 1
                worstAmber[project.instituteID, default: []].append(project.name)
            case .green:
                break
            }
        }
        return store.institutes.compactMap { institute in
            guard var item = byInstitute[institute.id] else { return nil }
            item.worst = worstRed[institute.id] ?? worstAmber[institute.id] ?? []
            return item
        }
    }

    private static func cells(_ item: Health, glyphs: GlyphSet, tr: Localizer) -> [ListCell] {
        [
            .plain(item.institute.name),
            .styled(item.institute.theme, .dim),
            .styled(ListFormat.counted(item.projects, "project", tr), .dim),
            item.red > 0 ? .styled(tr("\(glyphs.dot) \(item.red) red"), .critical) : .plain(""),
            item.amber > 0
                ? .styled(tr("\(glyphs.dot) \(item.amber) amber"), .warn)
                : .styled(item.red > 0 ? "" : "\(glyphs.ok) " + tr("green"), .ok),
            .styled(item.worst.joined(separator: ", "), item.red > 0 ? .critical : .warn),
        ]
    }
}
