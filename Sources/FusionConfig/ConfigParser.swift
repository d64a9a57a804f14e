import SafeText
import TOMLKit

/// Parses the TOML text of a config file into settings, strictly.
public enum ConfigParser {
    /// Parses `text`; `source` names the file in messages.
    public static func parse(_ text: String, source: String) throws(ConfigError) -> FusionSettings {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(
                "\(source) is not valid TOML (\(error.source.begin.debugDescription)): \(Sanitizer.line(error.description, charset: .ascii))"
            )
        } catch {
            throw ConfigError("\(source) is not valid TOML: \(error)")
        }
        var settings = FusionSettings()
        let reader = TableReader(table: root, path: "", source: source)
        try reader.allowOnly(["store", "registry", "console", "log", "keys", "banner", "oversight"])
        if let store = try reader.table("store") {
            try store.allowOnly(["path"])
            settings.store.path = try store.string("path")
        }
        if let registry = try reader.table("registry") {
            try registry.allowOnly([
                "url", "ca_file", "client_cert", "client_key", "token_file", "connect_timeout", "timeout",
                "max_response_mib", "proxy", "prometheus",
            ])
            var value = RegistrySettings()
            value.url = try registry.string("url")
            value.caFile = try registry.string("ca_file")
            value.clientCert = try registry.string("client_cert")
            value.clientKey = try registry.string("client_key")
            value.tokenFile = try registry.string("token_file")
            value.connectTimeout = try registry.number("connect_timeout", in: 0.1...300) ?? value.connectTimeout
            value.timeout = try registry.number("timeout", in: 0.1...3600) ?? value.timeout
            if let mebibytes = try registry.integer("max_response_mib", in: 1...4096) { value.maxResponseBytes = mebibytes << 20 }
            value.proxy = try registry.string("proxy")
            if let prometheus = try registry.table("prometheus") {
                try prometheus.allowOnly(["queries", "labels"])
                value.prometheusQueries = try prometheus.stringMap("queries") ?? [:]
                value.prometheusLabels = try prometheus.stringMap("labels") ?? [:]
            }
            settings.registry = value
        }
        if let console = try reader.table("console") {
            try console.allowOnly([
                "theme", "refresh", "bell", "factory_name", "read_only", "language", "grace_seconds", "show_self", "clipboard",
            ])
            settings.console.theme = try console.string("theme") ?? settings.console.theme
            settings.console.refresh = try console.number("refresh", in: 0.2...3600) ?? settings.console.refresh
            settings.console.bell = try console.bool("bell") ?? settings.console.bell
            settings.console.factoryName = try console.string("factory_name") ?? settings.console.factoryName
            settings.console.readOnly = try console.bool("read_only") ?? settings.console.readOnly
            if let language = try console.string("language") {
                guard ["auto", "en", "fr"].contains(language.lowercased()) else {
                    throw ConfigError("\(source): [console] language must be \"auto\", \"en\" or \"fr\".")
                }
                settings.console.language = language.lowercased()
            }
            try ComfortSections.readConsole(console, into: &settings.console)
        }
        try ComfortSections.read(reader, into: &settings)
        if let log = try reader.table("log") {
            try log.allowOnly(["file", "level"])
            settings.log.file = try log.string("file")
            if let level = try log.string("level") {
                let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
                guard levels.contains(level) else {
                    throw ConfigError("\(source): [log] level must be one of \(levels.joined(separator: ", ")).")
                }
                settings.log.level = level
            }
        }
        if let oversight = try reader.table("oversight") {
            settings.oversight = try OversightSettings.read(oversight)
        }
        return settings
    }
}

/// Typed, strict access to one TOML table, naming `[section] key` and the file in every error.
struct TableReader {
    let table: TOMLTable
    let path: String
    let source: String

    private func name(_ key: String) -> String {
        path.isEmpty ? "[\(key)]" : "[\(path)] \(key)"
    }

    func allowOnly(_ keys: Set<String>) throws(ConfigError) {
        for key in table.keys.sorted() where !keys.contains(key) {
            let shown = Sanitizer.line(key, charset: .ascii)
            let known = keys.sorted().joined(separator: ", ")
            let place = path.isEmpty ? "at the top level" : "in [\(path)]"
            throw ConfigError("\(source): unknown setting \"\(shown)\" \(place); known settings there: \(known).")
        }
    }

    func table(_ key: String) throws(ConfigError) -> TableReader? {
        guard let value = table[key] else { return nil }
        guard let nested = value.table else { throw ConfigError("\(source): \(name(key)) must be a table.") }
        return TableReader(table: nested, path: path.isEmpty ? key : "\(path).\(key)", source: source)
    }

    func string(_ key: String) throws(ConfigError) -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else { throw ConfigError("\(source): \(name(key)) must be a quoted string.") }
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }) else {
            throw ConfigError("\(source): \(name(key)) holds control characters; remove them.")
        }
        return text
    }

    func bool(_ key: String) throws(ConfigError) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let flag = value.bool else { throw ConfigError("\(source): \(name(key)) must be true or false.") }
        return flag
    }

    func number(_ key: String, in range: ClosedRange<Double>) throws(ConfigError) -> Double? {
        guard let value = table[key] else { return nil }
        guard let number = value.double ?? value.int.map(Double.init) else {
            throw ConfigError("\(source): \(name(key)) must be a number.")
        }
        guard range.contains(number) else {
            throw ConfigError("\(source): \(name(key)) must be between \(range.lowerBound) and \(range.upperBound).")
        }
        return number
    }

    func integer(_ key: String, in range: ClosedRange<Int>) throws(ConfigError) -> Int? {
        guard let value = table[key] else { return nil }
        guard let number = value.int else { throw ConfigError("\(source): \(name(key)) must be a whole number.") }
        guard range.contains(number) else {
            throw ConfigError("\(source): \(name(key)) must be between \(range.lowerBound) and \(range.upperBound).")
        }
        return number
    }

    func stringMap(_ key: String) throws(ConfigError) -> [String: String]? {
        guard let nested = try table(key) else { return nil }
        var result: [String: String] = [:]
        for entry in nested.table.keys {
            guard let text = try nested.string(entry) else { continue }
            result[entry] = text
        }
        return result
    }
}
