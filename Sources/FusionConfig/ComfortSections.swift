/// The `[keys]` and `[banner]` sections, and the comfort settings of `[console]` (grace window, own figures,
/// clipboard). Key and colour names are checked where they are used (the dashboard's key map and theme).
enum ComfortSections {
    static func read(_ reader: TableReader, into settings: inout FusionSettings) throws(ConfigError) {
        if let keys = try reader.table("keys") {
            for name in keys.table.keys.sorted() {
                settings.keys[name] = try keys.stringOrList(name)
            }
        }
        if let banner = try reader.table("banner") {
            try banner.allowOnly(["text", "colour", "color", "background"])
            settings.banner.text = try banner.string("text")
            let american = try banner.string("color")
            settings.banner.colour = try banner.string("colour") ?? american
            settings.banner.background = try banner.string("background")
            if let text = settings.banner.text, text.count > 200 {
                throw ConfigError("\(reader.source): [banner] text is longer than 200 characters; one line is shown.")
            }
        }
    }

    static func readConsole(_ console: TableReader, into settings: inout ConsoleSettings) throws(ConfigError) {
        settings.graceSeconds = try console.number("grace_seconds", in: 0...60) ?? settings.graceSeconds
        settings.showSelf = try console.bool("show_self") ?? settings.showSelf
        if let clipboard = try console.string("clipboard") {
            guard ["auto", "osc52", "off"].contains(clipboard) else {
                throw ConfigError("\(console.source): [console] clipboard must be \"auto\", \"osc52\" or \"off\".")
            }
            settings.clipboard = clipboard
        }
    }
}

extension TableReader {
    /// A string or a list of strings (`"a"` or `["R", "F5"]`).
    func stringOrList(_ key: String) throws(ConfigError) -> [String] {
        guard let value = table[key] else { return [] }
        if value.string != nil { return [try string(key)!] }
        guard let items = value.array else {
            throw ConfigError("\(source): [\(path)] \(key) must be a key name (\"a\") or a list of them ([\"R\", \"F5\"]).")
        }
        var result: [String] = []
        for item in items {
            guard let text = item.string else {
                throw ConfigError("\(source): [\(path)] \(key) must hold key names in quotes.")
            }
            guard !text.unicodeScalars.contains(where: { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }) else {
                throw ConfigError("\(source): [\(path)] \(key) holds control characters; remove them.")
            }
            result.append(text)
        }
        return result
    }
}
