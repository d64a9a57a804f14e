extension FrenchCatalogue {
    /// The `?` help and the footer's labels (the keys themselves are not translated).
    static let help: [(english: String, french: String)] = [
        ("approve the nearest pending approval", "approuver la demande la plus urgente"),
        ("reject it (reason required)", "la rejeter (motif requis)"),
        ("approve", "approuver"), ("reject", "rejeter"), ("reject (reason required)", "rejeter (motif requis)"),
        ("cancel the run (reason required)", "annuler l'exécution (motif requis)"),
        ("move it to another pool", "la déplacer vers un autre pool"), ("move", "déplacer"),
        ("open or close the detail", "ouvrir ou fermer le détail"), ("details", "détails"),
        ("filter as you type; Esc clears", "filtrer en tapant ; Échap efface"),
        ("filter as you type; Esc clears (text, an id R-190233, state:queued pool:dakhla-gpu inst:guelmim)",
         "filtrer en tapant ; Échap efface (texte, un identifiant R-190233, state:queued pool:dakhla-gpu inst:guelmim)"),
        ("filter as you type; Esc clears (text, an id A-4821, state:pending)",
         "filtrer en tapant ; Échap efface (texte, un identifiant A-4821, state:pending)"),
        ("filter as you type; Esc clears (text, kind:gpu status:down site:dakhla)",
         "filtrer en tapant ; Échap efface (texte, kind:gpu status:down site:dakhla)"),
        ("filter", "filtrer"), ("page up and down", "page précédente et suivante"),
        ("first and last row", "première et dernière ligne"), ("next sort column", "colonne de tri suivante"), ("sort", "trier"),
        ("reverse the sort", "inverser le tri"),
        ("close the detail, clear the filter, back to the overview", "fermer le détail, vider le filtre, revenir à la synthèse"),
        ("switch screen (1 Overview … 6 Audit)", "changer d'écran (1 Synthèse … 6 Audit)"),
        ("go to a screen by name (:runs), :q quits", "aller à un écran par son nom (:runs), :q quitte"),
        ("refresh now", "rafraîchir maintenant"), ("redraw the screen", "redessiner l'écran"), ("this help", "cette aide"),
        ("help", "aide"), ("quit (Ctrl-C always quits)", "quitter (Ctrl-C quitte toujours)"), ("quit", "quitter"),
        // The help box.
        ("Keys {} {}", "Touches {} {}"), ("more in a taller terminal", "la suite dans un terminal plus haut"),
        ("You are {} ({}).", "Vous êtes {} ({})."), ("You are {} ({}), read-only session.", "Vous êtes {} ({}), en lecture seule."),
        ("any key closes the help", "une touche ferme l'aide"),
        ("Language: English; French with --language fr or LANG=fr_MA.UTF-8", "Langue : français ; anglais avec --language en ou LANG=C"),
        // Key names as shown (the keys themselves stay).
        ("Enter", "Entrée"), ("Esc", "Échap"), ("PgUp PgDn Space", "PgUp PgDn Espace"), ("g G Home End", "g G Début Fin"),
    ]
}
