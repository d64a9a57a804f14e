import Foundation
import Testing
import ConsoleRender

/// Golden screens: a rendered grid's text and its parallel grid of style codes, compared with files under
/// `Tests/ConsoleTests/Snapshots/`. Set `FUSION_RECORD_SNAPSHOTS=1` to write them anew; recording fails the
/// test, so a re-record is never silent.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    static func assertMatches(_ grid: CellGrid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let textURL = folder.appendingPathComponent("\(name).txt")
        let styleURL = folder.appendingPathComponent("\(name).styles.txt")
        let text = grid.text + "\n"
        let styles = grid.styleText + "\n"
        if ProcessInfo.processInfo.environment["FUSION_RECORD_SNAPSHOTS"] != nil {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? Data(text.utf8).write(to: textURL)
            try? Data(styles.utf8).write(to: styleURL)
            Issue.record("Recorded golden screen \(name); run again without FUSION_RECORD_SNAPSHOTS to check it.", sourceLocation: sourceLocation)
            return
        }
        guard let expectedText = try? String(contentsOf: textURL, encoding: .utf8),
              let expectedStyles = try? String(contentsOf: styleURL, encoding: .utf8)
        else {
            Issue.record("No golden screen \(name) yet: record it with FUSION_RECORD_SNAPSHOTS=1 and review it.", sourceLocation: sourceLocation)
            return
        }
        if expectedText != text {
            Issue.record("Screen \(name) differs from its golden file:\n\(diff(expectedText, text))", sourceLocation: sourceLocation)
        }
        if expectedStyles != styles {
            Issue.record("Styles of \(name) differ from the golden file:\n\(diff(expectedStyles, styles))", sourceLocation: sourceLocation)
        }
    }

    /// The differing lines, expected then actual.
    static func diff(_ expected: String, _ actual: String) -> String {
        let a = expected.components(separatedBy: "\n")
        let b = actual.components(separatedBy: "\n")
        var lines: [String] = []
        for index in 0..<max(a.count, b.count) {
            let left = index < a.count ? a[index] : "<none>"
            let right = index < b.count ? b[index] : "<none>"
            if left != right { lines.append("line \(index + 1):\n  expected |\(left)|\n  actual   |\(right)|") }
        }
        return lines.prefix(12).joined(separator: "\n")
    }
}
