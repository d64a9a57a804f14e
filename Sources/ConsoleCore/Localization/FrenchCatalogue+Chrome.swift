extension FrenchCatalogue {
    /// The header, tabs, banners, status line, footer and the too-small screen.
    static let chrome: [(english: String, french: String)] = [
        // Tabs (full and short forms) and the `:` command's names.
        ("Overview", "Synthèse"), ("Nodes", "Nœuds"), ("Runs", "Exécutions"), ("Approvals", "Décisions"),
        ("Institutes", "Instituts"), ("Audit", "Audit"),
        ("tab:Ovw", "Synth"), ("tab:Nodes", "Nœuds"), ("tab:Runs", "Exéc"), ("tab:Appr", "Déc"), ("tab:Inst", "Inst"),
        ("tab:Audit", "Audit"),
        ("{} {} new", "{} {} nouv."),
        // Header: sources, roles.
        ("store", "base"), ("registry", "registre"), ("prometheus", "prometheus"),
        ("{} — none", "{} — aucun"), ("stale {}", "périmé {}"), ("down", "en panne"), ("waiting", "en attente"),
        ("viewer", "lecteur"), ("operator", "opérateur"), ("supervisor", "superviseur"), ("admin", "admin"),
        // Banners.
        ("AUDIT TRAIL BROKEN at record {}: {}. Run `fusion-console audit verify`.",
         "PISTE D'AUDIT ROMPUE à l'enregistrement {} : {}. Lancez `fusion-console audit verify`."),
        ("JOB STORE UNAVAILABLE: {}", "BASE DES TÂCHES INDISPONIBLE : {}"),
        ("JOB STORE UNAVAILABLE (showing the last data read): {}",
         "BASE DES TÂCHES INDISPONIBLE (dernières données lues affichées) : {}"),
        ("READ-ONLY SESSION: every action is disabled", "SESSION EN LECTURE SEULE : toute action est désactivée"),
        // Status line.
        ("Enter keeps the filter · Esc clears it", "Entrée garde le filtre · Échap l'efface"),
        ("a screen (runs, approvals…) or q · Esc cancels", "un écran (runs, approvals…) ou q · Échap annule"),
        ("Reading the job store…", "Lecture de la base des tâches…"), ("Reading the job store", "Lecture de la base des tâches"),
        ("Nothing waits for a human", "Rien n'attend un humain"), ("? shows every key", "? montre toutes les touches"),
        ("{} waiting for a human", "{} en attente d'un humain"), ("nearest due in {}", "la plus proche dans {}"),
        ("a approves it", "a l'approuve"), ("filter: {}", "filtre : {}"), ("filter: ", "filtre : "), ("sort: {}", "tri : {}"),
        ("sort: {} {}", "tri : {} {}"), ("Enter opens the detail", "Entrée ouvre le détail"),
        ("Enter closes the detail", "Entrée ferme le détail"),
        ("row", "ligne"), ("rows", "lignes"),
        // Messages of the keys.
        ("This screen has a fixed order.", "Cet écran a un ordre fixe."),
        ("Unknown command :{}. Try a screen (:overview, :nodes, :runs, :approvals, :institutes, :audit), :pause, :confirm, :resume, :escalate or :q.",
         "Commande inconnue :{}. Essayez un écran (:synthèse, :nœuds, :exécutions, :décisions, :instituts, :audit), :pause, :confirm, :resume, :escalate ou :q."),
        // Footer.
        ("any key", "une touche"), ("closes the help", "ferme l'aide"), ("keep", "garder"), ("clear", "effacer"),
        ("erase", "effacer"), ("erase a word", "effacer un mot"), ("go", "aller"), ("cancel", "annuler"), ("next", "suivant"),
        ("choose a pool", "choisir un pool"), ("press", "valider"), ("close, nothing is sent", "fermer, rien n'est envoyé"),
        ("(n/a)", "(indisp.)"),
        // Too small.
        ("Terminal too small: {}x{}.", "Terminal trop petit : {}x{}."),
        ("Fusion Console needs at least {}x{}.", "Fusion Console demande au moins {}x{}."),
        ("Resize, or press q to quit.", "Agrandissez-le, ou appuyez sur q pour quitter."),
        ("…", "…"),
    ]
}
