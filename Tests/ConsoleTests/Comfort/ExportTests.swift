import ConsoleApp
import ConsoleCore
import ConsoleRender
import Foundation
import Testing

/// `x`: the rows in view to CSV (RFC 4180, guarded against spreadsheet formulas) or JSON, written with mode 0640,
/// never over an existing file without asking. `y`: the selected id for OSC 52.
@Suite("Export and copy")
struct ExportTests {
    @Test("CSV fields: quoted when needed, quotes doubled, formulas disarmed")
    func csvFields() {
        #expect(ExportTable.csvField("R-1") == "R-1")
        #expect(ExportTable.csvField("a,b") == "\"a,b\"")
        #expect(ExportTable.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(ExportTable.csvField("two\nlines") == "\"two\nlines\"")
        #expect(ExportTable.csvField("crlf\r\nend") == "\"crlf\r\nend\"")
        #expect(ExportTable.csvField("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(ExportTable.csvField("+1") == "'+1")
        #expect(ExportTable.csvField("-2+3") == "'-2+3")
        #expect(ExportTable.csvField("@SUM(A1)") == "'@SUM(A1)")
        #expect(ExportTable.csvField("\tx") == "'\tx")
        #expect(ExportTable.csvField("") == "")
    }

    @Test("a table as CSV with CRLF records, and as JSON that parses back to the same values")
    func encodings() throws {
        let table = ExportTable(name: "runs", columns: ["id", "title"],
                                rows: [["R-1", "Eau, prédiction"], ["R-2", "ⵜⴰⵎⴰⵣⵉⵖⵜ \"lot\"\u{1B}[2J"]])
        #expect(table.csv() == "id,title\r\nR-1,\"Eau, prédiction\"\r\nR-2,\"ⵜⴰⵎⴰⵣⵉⵖⵜ \"\"lot\"\"\u{1B}[2J\"\r\n")
        let json = table.json()
        #expect(!json.contains("\u{1B}"))
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [[String: String]]]
        #expect(decoded?["runs"]?.count == 2)
        #expect(decoded?["runs"]?[1]["title"] == "ⵜⴰⵎⴰⵣⵉⵖⵜ \"lot\"\u{1B}[2J")
        #expect(ExportTable(name: "runs", columns: ["id"], rows: []).json() == "{\n  \"runs\": []\n}\n")
    }

    @Test("x proposes a file under the export folder; Enter asks for exactly the rows in view")
    func promptAndRequest() throws {
        let fixture = try ConsoleFixture()
        var options = ConsoleOptions(factoryName: "FUSION AI FACTORY · national")
        options.exportDirectory = "/state/fusion-console/exports"
        var state = try fixture.state(screen: .runs, options: options)
        _ = try fixture.press([.character("x")], on: &state)
        guard case .export(let prompt) = state.mode else {
            Issue.record("x did not open the export prompt")
            return
        }
        #expect(prompt.field.text.hasPrefix("/state/fusion-console/exports/runs-"))
        #expect(prompt.field.text.hasSuffix(".csv"))
        #expect(prompt.table.rows.count == state.layout.listRows)
        #expect(prompt.table.rows.first?.first == state.selectedRun?.id.description)
        let grid = ConsoleView.render(state, charset: .utf8)
        #expect(grid.row(state.layout.statusRow).contains("Export to:"))
        let effects = try fixture.press([.control("u")] + "/tmp/out.json".map { Key.character($0) } + [.enter], on: &state)
        guard case .export(let request) = effects.first else {
            Issue.record("Enter did not ask for an export")
            return
        }
        #expect(request.path == "/tmp/out.json" && request.format == .json && !request.replace)
        _ = state.update(.exportFinished(.exists(request)))
        guard case .export(let asking) = state.mode, asking.askingToReplace else {
            Issue.record("an existing file did not bring the question back")
            return
        }
        let again = try fixture.press([.character("o")], on: &state)
        #expect(again == [.export(ExportRequest(path: "/tmp/out.json", table: request.table, format: .json, replace: true))])
    }

    @Test("the writer creates the file with mode 0640, refuses to replace it, and replaces it when asked")
    func writer() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)/deep")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let path = folder.appendingPathComponent("runs.csv").path
        let table = ExportTable(name: "runs", columns: ["id"], rows: [["R-1"], ["R-2"]])
        let request = ExportRequest(path: path, table: table, format: .csv, replace: false)
        #expect(ExportWriter.write(request) == .written(path: path, rows: 2))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        #expect(ExportWriter.write(request) == .exists(request))
        var replace = request
        replace.table.rows = [["R-3"]]
        replace.replace = true
        #expect(ExportWriter.write(replace) == .written(path: path, rows: 1))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "id\r\nR-3\r\n")
        let link = folder.appendingPathComponent("link.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        var viaLink = replace
        viaLink.path = link
        if case .failed = ExportWriter.write(viaLink) {} else { Issue.record("a symbolic link was followed") }
        let home = ExportRequest(path: "~/fusion-export-\(UUID().uuidString).csv", table: table, format: .csv, replace: false)
        let outcome = ExportWriter.write(home)
        guard case .written(let written, _) = outcome else {
            Issue.record("~/ was not written: \(outcome)")
            return
        }
        #expect(!written.hasPrefix("~") && written.hasPrefix("/"))
        try? FileManager.default.removeItem(atPath: written)
    }

    @Test("y copies only the selected id, and only when the clipboard is allowed")
    func copy() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: .runs)
        let id = try #require(state.selectedRun?.id.description)
        var effects = try fixture.press([.character("y")], on: &state)
        #expect(effects.isEmpty)
        #expect(state.status?.text.contains("Clipboard copy is off") == true && state.status?.text.contains(id) == true)
        var options = state.options
        options.clipboard = true
        state.options = options
        effects = try fixture.press([.character("y")], on: &state)
        #expect(effects == [.copyToClipboard(id)])
    }
}
