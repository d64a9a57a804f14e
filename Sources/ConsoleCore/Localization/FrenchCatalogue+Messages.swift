extension FrenchCatalogue {
    /// The sentences of the action gate (FactoryStore, FactoryModel's policy) as the dashboard's status line shows
    /// them: matched by form (``Localizer/message(_:)``), since the gate writes them in English for the command line.
    static let messages: [(english: String, french: String)] = [
        ("Approved {}: the run may now act on it ({} of {} approvals).",
         "{} approuvée : l'exécution peut maintenant l'appliquer ({} accords sur {})."),
        ("Rejected {}: its run {} will end.", "{} rejetée : son exécution {} va prendre fin."),
        ("Approved {} ({} of {}): {} more supervisor must approve before it takes effect.",
         "{} approuvée ({} sur {}) : encore {} superviseur doit approuver avant qu'elle prenne effet."),
        ("Approved {} ({} of {}): {} more supervisors must approve before it takes effect.",
         "{} approuvée ({} sur {}) : encore {} superviseurs doivent approuver avant qu'elle prenne effet."),
        ("Cancelled {}.", "{} annulée."),
        ("Asked the runtime to stop {}; it shows as cancelled once the runtime confirms.",
         "Le runtime est prié d'arrêter {} ; elle apparaît annulée dès qu'il confirme."),
        ("Asked the runtime to move {} from {} to {}; it requeues there once stopped.",
         "Le runtime est prié de déplacer {} de {} vers {} ; elle y revient en file une fois arrêtée."),
        ("Moved {} from {} to {}.", "{} déplacée de {} vers {}."),
        // With the decision's time first: "… by sup-eau at 2026-…Z" reads "… par sup-eau le 2026-…Z".
        ("{} is already approved by {} at {}; nothing changed.", "{} est déjà approuvée par {} le {} ; rien n'a changé."),
        ("{} is already rejected by {} at {}; nothing changed.", "{} est déjà rejetée par {} le {} ; rien n'a changé."),
        ("{} was withdrawn (its run was cancelled) at {}; nothing changed.",
         "{} a été retirée (son exécution a été annulée) le {} ; rien n'a changé."),
        ("{} is already approved by {}{}; nothing changed.", "{} est déjà approuvée par {}{} ; rien n'a changé."),
        ("{} is already rejected by {}{}; nothing changed.", "{} est déjà rejetée par {}{} ; rien n'a changé."),
        ("{} expired at its deadline {}; nothing changed.", "{} a expiré à son échéance {} ; rien n'a changé."),
        ("{} was withdrawn (its run was cancelled){}; nothing changed.",
         "{} a été retirée (son exécution a été annulée){} ; rien n'a changé."),
        ("{} submitted or requested {} and may not decide it (four-eyes rule); another supervisor must.",
         "{} a soumis ou demandé {} et ne peut pas la décider (règle des quatre yeux) ; un autre superviseur doit le faire."),
        ("{} changed while you were cancelling it; look again. Nothing changed.",
         "{} a changé pendant que vous l'annuliez ; regardez à nouveau. Rien n'a changé."),
        ("{} changed while you were rerouting it; look again. Nothing changed.",
         "{} a changé pendant que vous la déplaciez ; regardez à nouveau. Rien n'a changé."),
        ("This console is read-only (--read-only): {} is disabled. Nothing changed.",
         "Cette console est en lecture seule (--read-only) : {} est désactivé. Rien n'a changé."),
        ("The reason is {} characters long; keep it to {}.", "Le motif fait {} caractères ; limitez-le à {}."),
    ] + oversightMessages
}
