import Foundation
import SafeText

/// Reads the config file: finds it, refuses one that others could change, parses it strictly (an unknown key or
/// a wrong type is an error naming the file and the key, so a typo never silently falls back to a default).
public enum ConfigLoader {
    /// The settings and the file they came from (nil when no file was found and the defaults apply).
    public static func load(
        explicit: String?, environment: [String: String], home: String
    ) throws(ConfigError) -> (settings: FusionSettings, source: String?) {
        for candidate in ConfigLocator.candidates(explicit: explicit, environment: environment, home: home) {
            guard FileManager.default.fileExists(atPath: candidate.path) else {
                if candidate.explicit {
                    throw ConfigError("The config file \(candidate.path) does not exist. Check the path, or leave --config out to use the defaults.")
                }
                continue
            }
            let text = try read(candidate.path)
            return (try ConfigParser.parse(text, source: candidate.path), candidate.path)
        }
        return (FusionSettings(), nil)
    }

    /// Reads a config file, refusing one that group or others may write (anyone who can change it could
    /// point the console at another store or registry).
    static func read(_ path: String) throws(ConfigError) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw ConfigError("Cannot read the config file \(path): \(String(cString: strerror(errno))).")
        }
        if info.st_mode & S_IFMT != S_IFREG {
            throw ConfigError("The config file \(path) is not a regular file.")
        }
        if info.st_mode & 0o022 != 0 {
            throw ConfigError(
                "The config file \(path) can be changed by other accounts (mode \(String(info.st_mode & 0o777, radix: 8))); "
                    + "refusing to use it. Fix with: chmod go-w \(path)"
            )
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError("Cannot read the config file \(path): permission denied.")
        }
        guard data.count <= 1 << 20 else {
            throw ConfigError("The config file \(path) is larger than 1 MiB; it is surely not a config file.")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError("The config file \(path) is not valid UTF-8 text.")
        }
        return text
    }
}
