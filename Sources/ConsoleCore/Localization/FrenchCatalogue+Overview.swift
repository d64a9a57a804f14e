extension FrenchCatalogue {
    /// The overview's sections.
    static let overview: [(english: String, french: String)] = [
        ("Capacity", "Capacité"), ("Queue", "File"), ("Waiting for a human", "En attente d'un humain"), ("Pools", "Pools"),
        ("Decided recently", "Décidé récemment"),
        // Capacity.
        ("No node registry configured — set [registry] url or --registry",
         "Aucun registre de nœuds configuré — réglez [registry] url ou --registry"),
        ("{} No usable answer from the node registry: {}", "{} Aucune réponse exploitable du registre de nœuds : {}"),
        ("Waiting for the node registry", "En attente du registre de nœuds"),
        ("{}/{} up", "{}/{} actifs"), ("vram ", "vram "), ("mem ", "mém "), ("! {} down: ", "! {} en panne : "),
        ("+{} more sites: 2 Nodes", "+{} autres sites : 2 Nœuds"),
        ("{}/{} {} held by running work", "{}/{} {} pris par le travail en cours"), ("GPUs", "GPU"), ("cores", "cœurs"),
        ("GPU", "GPU"), ("core", "cœur"),
        // Queue.
        ("queued", "en file"), ("running", "en cours"), ("awaiting", "en attente"), ("failed 1h", "échecs 1h"),
        ("stopping", "en arrêt"), ("oldest {}", "depuis {}"), ("{} high risk", "{} à risque haut"),
        ("moving {}", "en transfert {}"),
        // Waiting for a human.
        ("{} pending", "{} en attente"), ("{} high", "{} haut"), ("{} pending: 4 lists them", "{} en attente : 4 les liste"),
        ("{} Nothing waits for a human.", "{} Rien n'attend un humain."), ("{} {} more", "{} {} de plus"),
        (" ({} high risk)", " ({} à risque haut)"), (": 4 lists them all", " : 4 les liste toutes"), ("due {}", "fin {}"),
        ("{} of {}", "{}/{}"),
        // Institutes and pools.
        ("institute", "institut"), ("institutes", "instituts"), ("project", "projet"), ("projects", "projets"),
        ("{} All green: no project is red or amber.", "{} Tout est vert : aucun projet rouge ou ambre."),
        ("{} all green", "{} tout vert"), (": 5 lists them", " : 5 les liste"), ("{} {} red", "{} {} rouge"),
        ("{} {} amber", "{} {} ambre"), ("green", "vert"), ("amber", "ambre"), ("red", "rouge"),
        ("held by running work", "pris par le travail en cours"), ("{} queued", "{} en file"),
        // Headings.
        ("RISK", "RISQUE"), ("ID", "ID"), ("SUBJECT", "OBJET"), ("PROJECT", "PROJET"), ("APPROVED", "ACCORDS"),
        ("DUE", "DÉLAI"), ("OUTCOME", "RÉSULTAT"), ("BY", "PAR"), ("WHEN", "QUAND"), ("INSTITUTE", "INSTITUT"),
        ("THEME", "THÈME"), ("PROJECTS", "PROJETS"), ("RED", "ROUGE"), ("AMBER", "AMBRE"), ("WORST", "LES PLUS EN RETARD"),
        ("POOL", "POOL"), ("KIND", "TYPE"), ("HELD", "PRIS"), ("UNITS", "UNITÉS"), ("QUEUED", "EN FILE"),
    ]
}
