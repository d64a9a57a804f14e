import ArgumentParser

/// The options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The job store: an SQLite file path, or a PostgreSQL store (postgresql://…, a libpq keyword string, service=NAME).",
            valueName: "path"
        )
    )
    var store: String?

    @Option(name: .long, help: ArgumentHelp("The config file (default: $FUSION_CONSOLE_CONFIG, then $XDG_CONFIG_HOME/fusion-console/config.toml, then /etc/fusion-console/config.toml).", valueName: "file"))
    var config: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Act for another account (root only); the audit records both.", valueName: "account"))
    var actAs: String?
}
