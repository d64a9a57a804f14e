extension FrenchCatalogue {
    /// The command line's table headings and its own messages (matched by form, like the gate's, through
    /// ``Localizer/message(_:)``). Its `--help` stays in English; so do the words in its tables (states, roles),
    /// which scripts read.
    static let commands: [(english: String, french: String)] = [
        // Headings not shared with the dashboard.
        ("ACCOUNT", "COMPTE"), ("CORES FREE/ALL", "CŒURS LIBRES/TOTAL"), ("GPU-H USED/BUDGET", "H-GPU PRISES/BUDGET"),
        ("GPUS FREE/ALL", "GPU LIBRES/TOTAL"), ("GRANTED AT", "ACCORDÉ LE"), ("GRANTED BY", "ACCORDÉ PAR"),
        ("PRIORITY", "PRIORITÉ"), ("ROLE", "RÔLE"), ("RUN", "EXÉCUTION"), ("PENDING", "EN ATTENTE"),
        // Messages.
        ("\"{}\" is not an approval id; approval ids look like A-4821.",
         "\"{}\" n'est pas un identifiant de demande ; ils ressemblent à A-4821."),
        ("\"{}\" is not a run id; run ids look like R-190233.",
         "\"{}\" n'est pas un identifiant d'exécution ; ils ressemblent à R-190233."),
        ("There is no approval {}. List them with `fusion-console approvals --state all`.",
         "Il n'y a pas de demande {}. Listez-les avec `fusion-console approvals --state all`."),
        ("There is no run {}. List them with `fusion-console runs`.",
         "Il n'y a pas d'exécution {}. Listez-les avec `fusion-console runs`."),
        ("There is no pool {}. List pools with `fusion-console pools`.",
         "Il n'y a pas de pool {}. Listez les pools avec `fusion-console pools`."),
        ("Only root may act for another account with --as; you are {}. Run the command as yourself.",
         "Seul root peut agir pour un autre compte avec --as ; vous êtes {}. Lancez la commande en votre nom."),
        ("stopped by signal {}; the terminal is restored and nothing was half-sent.",
         "arrêté par le signal {} ; le terminal est rétabli et rien n'a été envoyé à moitié."),
        ("\"{}\" is not a role; use viewer, operator, supervisor or admin.",
         "\"{}\" n'est pas un rôle ; utilisez viewer, operator, supervisor ou admin."),
        ("\"{}\" is not an approval state; use pending, approved, rejected, expired, withdrawn or all.",
         "\"{}\" n'est pas un état de demande ; utilisez pending, approved, rejected, expired, withdrawn ou all."),
        ("The dashboard needs a terminal, but standard {} is not one (a pipe, a file or a CI job). Use the command-line subcommands (runs, approvals, nodes...) in scripts.",
         "Le tableau de bord demande un terminal, mais le flux standard {} n'en est pas un (tube, fichier ou tâche CI). Dans les scripts, utilisez les sous-commandes (runs, approvals, nodes…)."),
        ("This system does not know the terminal type TERM={}. Set TERM to a known type (for example xterm-256color, screen or linux) or install its terminfo entry.",
         "Ce système ne connaît pas le type de terminal TERM={}. Donnez à TERM un type connu (par exemple xterm-256color, screen ou linux) ou installez son entrée terminfo."),
        ("\"{}\" is not a pool name; pool names look like dakhla-gpu.",
         "\"{}\" n'est pas un nom de pool ; ils ressemblent à dakhla-gpu."),
    ]
}
