import FactoryModel

extension DemoCatalogue {
    /// Every project, JAZARI ROOT's first, then the regional institutes' in institute order.
    public static let projects: [DemoProject] = nationalProjects + northernProjects + southernProjects

    /// JAZARI ROOT's projects: e-government (with four of the five AI-Gov pilots), smart rural and mountain zones,
    /// major sporting events.
    static let nationalProjects: [DemoProject] = [
        DemoProject(
            id: 1, instituteID: "jazari-root", name: "Aide à la décision publique", sector: "administration",
            phase: .pilot, health: .amber, gpuHoursBudget: 42_000, gpuHoursUsed: 31_860,
            nextMilestone: "Revue éthique par le comité national", milestoneInDays: 9, supervisor: "sup-national",
            agents: ["decision-support", "docs-classifier"],
            runTitles: [
                "Scénarios d'investissement rural — {Drâa-Tafilalet|L'Oriental|Béni Mellal-Khénifra}",
                "Analyse d'impact — programme routier lot {lot}",
                "Synthèse des consultations publiques — vague {k}",
                "Classement des douars enclavés — v{v}",
            ],
            approvals: [
                DemoApprovalTemplate(
                    subject: "Priorisation des investissements — {Drâa-Tafilalet|L'Oriental|Béni Mellal-Khénifra}",
                    proposedAction: "rank {n} rural road projects and send the shortlist to the regional council",
                    rationale: "cost-benefit model policy-v{v}: top {k} projects reach {pct} % of isolated douars; "
                        + "equity check passed (Gini {conf})",
                    risk: .high
                ),
                DemoApprovalTemplate(
                    subject: "Carte scolaire — ouverture de classes en montagne",
                    proposedAction: "open {k} multigrade classes in the douars of {Azilal|Midelt|Ifrane}",
                    rationale: "enrolment forecast +{pct} % (model edu-v{v}, MAPE {k}.{k} %); {k} schools over capacity",
                    risk: .medium
                ),
            ],
            isAIGovPilot: true
        ),
        DemoProject(
            id: 2, instituteID: "jazari-root", name: "Tri des dossiers RSU", sector: "administration",
            phase: .pilot, health: .green, gpuHoursBudget: 18_000, gpuHoursUsed: 9_420,
            nextMilestone: "Passage du lot 3 en production contrôlée", milestoneInDays: 16, supervisor: "sup-rsu",
            agents: ["rsu-triage", "docs-classifier"],
            runTitles: [
                "Tri des dossiers RSU — lot {lot}",
                "Contrôle de cohérence des déclarations — {Rabat|Salé|Kénitra|Témara}",
                "Recalcul des scores RSU — province {k}",
            ],
            approvals: [
                DemoApprovalTemplate(
                    subject: "Tri des dossiers RSU — {Rabat|Salé|Kénitra|Témara}",
                    proposedAction: "move {n} files to the priority queue for home visits",
                    rationale: "score above 0.8 for {n} households (model rsu-v{v}, precision {conf}); "
                        + "{k} files with inconsistent declarations",
                    risk: .medium
                ),
                DemoApprovalTemplate(
                    subject: "Révision des scores RSU — lot {lot}",
                    proposedAction: "recompute eligibility for {lot} households after the census update",
                    rationale: "{pct} % of scores move by more than one band; {k} communes affected\n"
                        + "human review sample of 200 files attached (agreement {conf})",
                    risk: .high
                ),
            ],
            isAIGovPilot: true
        ),
        DemoProject(
            id: 3, instituteID: "jazari-root", name: "Traduction darija ↔ ⵜⴰⵎⴰⵣⵉⵖⵜ", sector: "education",
            phase: .pilot, health: .green, gpuHoursBudget: 64_000, gpuHoursUsed: 38_200,
            nextMilestone: "Évaluation humaine du corpus ⵜⴰⵎⴰⵣⵉⵖⵜ v2", milestoneInDays: 21,
            supervisor: "sup-national",
            agents: ["darija-translator", "model-trainer"],
            runTitles: [
                "Traduction darija → ⵜⴰⵎⴰⵣⵉⵖⵜ — lot {lot}",
                "Fine-tuning darija-v{v} — époque {k}",
                "Évaluation BLEU/chrF — ⵜⴰⵎⴰⵣⵉⵖⵜ ↔ français",
                "Transcription audio darija — radios régionales lot {lot}",
            ],
            approvals: [
                DemoApprovalTemplate(
                    subject: "Traduction darija → ⵜⴰⵎⴰⵣⵉⵖⵜ — lot {lot}",
                    proposedAction: "publish {n} translated administrative notices in Tifinagh",
                    rationale: "BLEU {x} vs reference; {k} notices flagged by native reviewers and corrected",
                    risk: .low
                ),
                DemoApprovalTemplate(
                    subject: "Corpus ⵜⴰⵎⴰⵣⵉⵖⵜ — mise à jour v{v}",
                    proposedAction: "add {n} k sentence pairs to the training corpus",
                    rationale: "licence and consent checked for every source; {pct} % near-duplicates removed",
                    risk: .medium
                ),
            ],
            isAIGovPilot: true
        ),
        DemoProject(
            id: 4, instituteID: "jazari-root", name: "Portail e-gov — assistant citoyen", sector: "administration",
            phase: .industrialised, health: .green, gpuHoursBudget: 22_000, gpuHoursUsed: 17_950,
            nextMilestone: "Ouverture aux 12 régions", milestoneInDays: 30, supervisor: "sup-rsu",
            agents: ["citizen-assistant"],
            runTitles: [
                "Réindexation des démarches administratives — v{v}",
                "Assistant citoyen — évaluation hebdomadaire semaine {k}",
                "Réponses en ⵜⴰⵎⴰⵣⵉⵖⵜ et darija — lot {lot}",
            ],
            approvals: [
                DemoApprovalTemplate(
                    subject: "Réponses types — portail e-gov, lot {lot}",
                    proposedAction: "publish {n} updated answer templates on the citizen portal",
                    rationale: "answers checked against the register of procedures; {k} rewritten after citizen feedback",
                    risk: .low
                ),
            ]
        ),
        DemoProject(
            id: 5, instituteID: "jazari-root", name: "Grands événements — flux de spectateurs", sector: "sport",
            phase: .pilot, health: .red, gpuHoursBudget: 26_000, gpuHoursUsed: 27_120,
            nextMilestone: "Répétition générale avec la protection civile", milestoneInDays: 5, supervisor: "sup-national",
            agents: ["crowd-forecaster"],
            runTitles: [
                "Simulation de foule — {stade de Rabat|stade de Casablanca|stade de Tanger|stade de Marrakech|"
                    + "stade d'Agadir|stade de Fès}",
                "Prévision des navettes — fan zone jour {k}",
                "Rejeu des flux — match test {lot}",
            ],
            approvals: [
                DemoApprovalTemplate(
                    subject: "Plan de circulation — {stade de Rabat|stade de Casablanca|stade de Tanger|"
                        + "stade de Marrakech|stade d'Agadir|stade de Fès}",
                    proposedAction: "close {k} access roads and open {k} shuttle lines from 16:00",
                    rationale: "crowd forecast {n} k spectators (model crowd-v{v}, confidence {conf}); "
                        + "gate C {pct} % over capacity",
                    risk: .high
                ),
                DemoApprovalTemplate(
                    subject: "Renfort de navettes — fan zone",
                    proposedAction: "add {n} shuttle runs between the fan zone and the stadium",
                    rationale: "waiting time forecast {n} min at peak, {pct} % above plan",
                    risk: .medium
                ),
            ]
        ),
        DemoProject(
            id: 6, instituteID: "jazari-root", name: "SOC national — détection d'intrusions", sector: "cybersecurity",
            phase: .industrialised, health: .amber, gpuHoursBudget: 30_000, gpuHoursUsed: 24_400,
            nextMilestone: "Audit de sécurité annuel", milestoneInDays: 12, supervisor: "sup-national",
            agents: ["soc-sentinel"],
            runTitles: [
                "Analyse des journaux — passerelles ministérielles lot {lot}",
                "Détection d'anomalies DNS — fenêtre {h} h",
                "Réentraînement soc-v{v} — campagnes récentes",
            ],
            approvals: [
                DemoApprovalTemplate(
                    subject: "Blocage de plages IP — SOC national",
                    proposedAction: "block {k} IP ranges at the ministries' gateways for {h} h",
                    rationale: "{n} intrusion attempts on the e-gov portal in 1 h (model soc-v{v}, confidence {conf}); "
                        + "pattern matches a known campaign",
                    risk: .high
                ),
                DemoApprovalTemplate(
                    subject: "Mise en quarantaine — {k} postes de {Rabat|Casablanca|Fès}",
                    proposedAction: "isolate {k} workstations from the administration network",
                    rationale: "beaconing every {k} min to an unknown host; EDR confidence {conf}",
                    risk: .medium
                ),
            ]
        ),
        DemoProject(
            id: 7, instituteID: "jazari-root", name: "Zones de montagne — accès aux soins", sector: "health",
            phase: .ideation, health: .green, gpuHoursBudget: 6_000, gpuHoursUsed: 1_180,
            nextMilestone: "Cadrage avec les délégations de santé", milestoneInDays: 25, supervisor: "sup-sante",
            agents: ["mountain-care"],
            runTitles: [
                "Accessibilité hivernale — douars de {Azilal|Midelt|Ifrane}",
                "Tournées des caravanes médicales — semaine {k}",
            ],
            approvals: [
                DemoApprovalTemplate(
                    subject: "Tournées des caravanes médicales — {Azilal|Midelt|Ifrane}",
                    proposedAction: "reroute {k} mobile clinics to {n} douars cut off by snow",
                    rationale: "road closures + snow forecast (confidence {conf}); {n} pregnant women in follow-up",
                    risk: .medium
                ),
            ]
        ),
    ]
}
