import ConsoleRender
import Foundation

/// A test-only reader for the small TOML subset the theme files use: comments, blank lines,
/// `[styles.NAME]` headers, `key = "string"` and `key = ["a", "b"]`. Anything else fails, so a
/// theme file drifting from the documented shape fails the tests.
enum ThemeFileReader {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The repository's `Themes` folder.
    static var themesFolder: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // ConsoleTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // repository
            .appendingPathComponent("Themes")
    }

    /// The entries of `Themes/NAME.toml`.
    static func entries(ofTheme name: String) throws -> [String: StyleEntry] {
        let url = themesFolder.appendingPathComponent(name + ".toml")
        return try parse(String(contentsOf: url, encoding: .utf8))
    }

    static func parse(_ text: String) throws -> [String: StyleEntry] {
        var entries: [String: StyleEntry] = [:]
        var current: String?
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[styles."), line.hasSuffix("]") {
                let name = String(line.dropFirst("[styles.".count).dropLast())
                guard entries[name] == nil else { throw Failure(description: "line \(number + 1): [styles.\(name)] twice") }
                entries[name] = StyleEntry()
                current = name
                continue
            }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let style = current else {
                throw Failure(description: "line \(number + 1): not a style header or key = value: \(line)")
            }
            let (key, value) = (parts[0], parts[1])
            switch key {
            case "fg": entries[style]?.foreground = try string(value, line: number + 1)
            case "bg": entries[style]?.background = try string(value, line: number + 1)
            case "attrs": entries[style]?.attributes = try array(value, line: number + 1)
            default: throw ThemeError.unknownKey(theme: "file", style: style, key: key)
            }
        }
        return entries
    }

    private static func string(_ value: String, line: Int) throws -> String {
        guard value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") else {
            throw Failure(description: "line \(line): expected a quoted string, found \(value)")
        }
        let inner = String(value.dropFirst().dropLast())
        guard !inner.contains("\"") else { throw Failure(description: "line \(line): stray quote in \(value)") }
        return inner
    }

    private static func array(_ value: String, line: Int) throws -> [String] {
        guard value.hasPrefix("["), value.hasSuffix("]") else {
            throw Failure(description: "line \(line): expected [\"...\"], found \(value)")
        }
        let inner = value.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
        if inner.isEmpty { return [] }
        return try inner.split(separator: ",").map {
            try string($0.trimmingCharacters(in: .whitespaces), line: line)
        }
    }
}
