/// Where the config file is looked for, first found wins: `--config`, `$FUSION_CONSOLE_CONFIG`,
/// `$XDG_CONFIG_HOME/fusion-console/config.toml` (or `~/.config/…`), `/etc/fusion-console/config.toml`.
public enum ConfigLocator {
    /// The candidate paths in lookup order, and whether each was named explicitly (a missing explicit file is
    /// an error; a missing implicit one is skipped).
    public static func candidates(explicit: String?, environment: [String: String], home: String) -> [(path: String, explicit: Bool)] {
        if let explicit { return [(explicit, true)] }
        var result: [(String, Bool)] = []
        if let named = environment["FUSION_CONSOLE_CONFIG"], !named.isEmpty { return [(named, true)] }
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            result.append((xdg + "/fusion-console/config.toml", false))
        } else {
            result.append((home + "/.config/fusion-console/config.toml", false))
        }
        result.append(("/etc/fusion-console/config.toml", false))
        return result
    }
}
