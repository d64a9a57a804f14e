extension FrenchCatalogue {
    /// The detail panes (labels are at most ten columns wide, like the English ones).
    static let details: [(english: String, french: String)] = [
        // Approval detail.
        ("Proposed", "Proposé"), ("Rationale", "Motif"), ("Where", "Où"), ("Requested", "Demandé"), ("Decisions", "Décisions"),
        ("{} approved", "accords {}"), ("run {}", "exécution {}"), ("project {}", "projet {}"),
        ("institute {}", "institut {}"), ("pool {}", "pool {}"), ("by {} at {}", "par {} à {}"),
        ("run submitted by {}", "exécution soumise par {}"), ("none yet: needs {} supervisor", "aucune : il faut {} superviseur"),
        ("none yet: needs {} supervisors", "aucune : il faut {} superviseurs"), ("none ({})", "aucune ({})"),
        ("{} approved by {}", "{} approuvée par {}"), ("{} rejected by {}", "{} rejetée par {}"), (" via {}", " via {}"),
        (" ({}) at {}", " ({}) à {}"),
        // Run detail.
        ("submitted {}", "soumise {}"), ("pool ", "pool "), (" on ", " sur "), ("moving to ", "vers "), ("asks ", "demande "),
        ("runs on", "tourne sur"), ("submitted by ", "soumise par "), ("submitted ", "soumise "), ("started ", "démarrée "),
        ("not started", "pas démarrée"), ("ended ", "finie "), (" (ran {})", " (a tourné {})"), (" (running {})", " (tourne depuis {})"),
        ("timeline", "historique"), ("asked by", "demandé par"), ("reroute", "transfert"), ("to {}", "vers {}"), ("end", "fin"),
        ("why: ", "motif : "), ("approvals", "demandes"), ("loading…", "chargement…"), ("{} of {} approved", "accords {}/{}"),
        ("overdue", "en retard"), ("proposes: ", "propose : "), ("because: ", "car : "), ("approved by ", "approuvée par "),
        ("rejected by ", "rejetée par "),
        // Audit detail.
        ("Record {}", "Enregistrement {}"), ("{} The chain breaks here: {}.", "{} La chaîne se rompt ici : {}."),
        ("! After the break at record {}: this record cannot be trusted.",
         "! Après la rupture à l'enregistrement {} : cet enregistrement n'est pas fiable."),
        ("by", "par"), ("at", "à"), ("action", "action"), (" via ", " via "), ("hash", "empreinte"), ("prev ", "préc. "),
        ("none", "aucun"),
        // Institute and project detail.
        ("university", "université"), ("region", "région"), ("theme", "thème"), ("activity", "activité"),
        ("active run", "exécution active"), ("active runs", "exécutions actives"), ("pending approval", "décision en attente"),
        ("pending approvals", "décisions en attente"), ("{} of {} GPU hours used by its projects", "{} sur {} heures GPU prises par ses projets"),
        ("sector", "secteur"), ("phase ", "phase "), ("{} left", "{} restantes"), ("{} over budget", "{} au-delà du budget"),
        ("milestone", "jalon"), ("{} used of {}", "{} prises sur {}"), ("GPU hours", "heures GPU"),
        // Node detail.
        ("heartbeat {}", "signal {}"), ("history", "historique"), ("none yet", "rien encore"),
        ("GPU mean", "moyenne GPU"), ("{}, last {} samples", "{}, {} derniers relevés"),
        ("stale: the node stopped reporting", "muet : le nœud ne répond plus"),
        ("{} registry data is {} old: figures may have moved", "{} les données du registre datent de {} : les chiffres ont pu bouger"),
        ("No GPUs on this node.", "Pas de GPU sur ce nœud."), ("MODEL", "MODÈLE"), ("UTIL", "UTIL."), ("MEMORY", "MÉMOIRE"),
        ("TEMP", "TEMP."), ("POWER", "PUISS."), ("! {} °C hot", "! {} °C chaud"),
        ("more line", "ligne de plus"), ("more lines", "lignes de plus"),
        ("{} {} (a taller terminal shows them)", "{} {} (un terminal plus haut les montre)"),
    ]
}
