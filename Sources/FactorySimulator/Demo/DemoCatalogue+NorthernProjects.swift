import FactoryModel

extension DemoCatalogue {
    /// The projects of the six northern and central regions' institutes, in institute order: logistics, applied AI,
    /// health, administration and justice, agriculture and water, industry and finance.
    static let northernProjects: [DemoProject] = [
        DemoProject(
            id: 10, instituteID: "tanger-tetouan-al-hoceima", name: "Port de Tanger Med — prévision des flux",
            sector: "transport", phase: .industrialised, health: .green, gpuHoursBudget: 20_000, gpuHoursUsed: 15_600,
            nextMilestone: "Extension au port de Nador West Med", milestoneInDays: 45, supervisor: "sup-national",
            agents: ["port-flow"],
            runTitles: ["Prévision des arrivées poids lourds — J+{k}", "Optimisation des créneaux — terminal {k}"],
            approvals: [
                DemoApprovalTemplate(
                    subject: "Créneaux poids lourds — Tanger Med",
                    proposedAction: "open {n} extra truck slots on the night shift",
                    rationale: "arrivals forecast +{pct} % (confidence {conf}); {k} vessels delayed",
                    risk: .medium
                ),
            ]
        ),
        DemoProject(
            id: 11, instituteID: "tanger-tetouan-al-hoceima", name: "Sismicité du Rif — alerte précoce",
            sector: "environment", phase: .ideation, health: .green, gpuHoursBudget: 9_000, gpuHoursUsed: 6_100,
            nextMilestone: "Validation sur les séquences historiques", milestoneInDays: 18, supervisor: "sup-national",
            agents: ["seismic-watch"],
            runTitles: ["Détection de répliques — capteurs {Al Hoceïma|Nador|Driouch}", "Recalage du modèle seis-v{v}"],
            approvals: [
                DemoApprovalTemplate(
                    subject: "Diffusion d'alerte — répliques {Al Hoceïma|Driouch}",
                    proposedAction: "send an SMS alert to {n} k residents of {k} communes",
                    rationale: "aftershock probability {conf} over 24 h (model seis-v{v}); civil protection informed",
                    risk: .high
                ),
            ]
        ),
        DemoProject(
            id: 12, instituteID: "oriental", name: "Maintenance prédictive — Selouane", sector: "industry",
            phase: .pilot, health: .green, gpuHoursBudget: 14_000, gpuHoursUsed: 8_800,
            nextMilestone: "Déploiement sur 3 usines", milestoneInDays: 20, supervisor: "sup-national",
            agents: ["predictive-maint"],
            runTitles: ["Vibrations compresseurs — usine {k}", "Prévision de pannes J+14 — lot {lot}"],
            approvals: [
                DemoApprovalTemplate(
                    subject: "Arrêt programmé — {k} compresseurs",
                    proposedAction: "schedule maintenance of {k} compressors this weekend",
                    rationale: "failure probability {conf} within 14 days; spare parts in stock",
                    risk: .medium
                ),
            ]
        ),
        DemoProject(
            id: 13, instituteID: "oriental", name: "Drones autonomes — suivi des cultures", sector: "agriculture",
            phase: .ideation, health: .green, gpuHoursBudget: 10_000, gpuHoursUsed: 3_100,
            nextMilestone: "Autorisation de vol en zone rurale", milestoneInDays: 35, supervisor: "sup-eau",
            agents: ["crop-monitor"],
            runTitles: ["Segmentation des parcelles — vol {lot}", "Navigation autonome — essai {k}"]
        ),
        DemoProject(
            id: 14, instituteID: "fes-meknes", name: "Imagerie médicale — dépistage", sector: "health",
            phase: .pilot, health: .amber, gpuHoursBudget: 40_000, gpuHoursUsed: 30_100,
            nextMilestone: "Double lecture par les radiologues du CHU", milestoneInDays: 7, supervisor: "sup-sante",
            agents: ["med-imaging", "model-trainer"],
            runTitles: [
                "Lecture des mammographies — lot {lot}",
                "Dépistage de la rétinopathie — campagne {k}",
                "Entraînement mammo-v{v} — données anonymisées",
            ],
            approvals: [
                DemoApprovalTemplate(
                    subject: "Rappel de patientes — dépistage {CHU de Fès|CHR de Meknès}",
                    proposedAction: "recall {n} patients for a second reading of their mammograms",
                    rationale: "model mammo-v{v} flags {n} scans (sensitivity {conf}); double reading required by protocol",
                    risk: .high
                ),
                DemoApprovalTemplate(
                    subject: "Seuil de détection — rétinopathie diabétique",
                    proposedAction: "lower the referral threshold from 0.5 to 0.4 for {k} weeks",
                    rationale: "miss rate {pct} % on the audit sample; ophthalmology capacity +{pct} %",
                    risk: .medium
                ),
            ]
        ),
        DemoProject(
            id: 15, instituteID: "fes-meknes", name: "Rendez-vous hospitaliers", sector: "health",
            phase: .industrialised, health: .green, gpuHoursBudget: 4_000, gpuHoursUsed: 2_900,
            nextMilestone: "Bilan trimestriel des absences", milestoneInDays: 14, supervisor: "sup-sante",
            agents: ["care-scheduler"],
            runTitles: ["Prévision des absences — semaine {k}", "Replanification des consultations — lot {lot}"],
            approvals: [
                DemoApprovalTemplate(
                    subject: "Reprogrammation des consultations — semaine {k}",
                    proposedAction: "move {n} appointments to free slots; patients told by SMS",
                    rationale: "no-show forecast {pct} %; no urgent consultation moved",
                    risk: .low
                ),
            ]
        ),
        DemoProject(
            id: 16, instituteID: "rabat-sale-kenitra", name: "Guichet unique", sector: "administration",
            phase: .pilot, health: .green, gpuHoursBudget: 16_000, gpuHoursUsed: 9_800,
            nextMilestone: "Ouverture du guichet à Salé et Kénitra", milestoneInDays: 10, supervisor: "sup-rsu",
            agents: ["citizen-assistant", "docs-classifier"],
            runTitles: [
                "Orientation des demandes — guichet de {Rabat|Salé|Kénitra}",
                "Classement des pièces justificatives — lot {lot}",
                "Résumé des dossiers en attente — {n} demandes",
            ],
            approvals: [
                DemoApprovalTemplate(
                    subject: "Tri des dossiers RSU — {Rabat|Salé|Kénitra}",
                    proposedAction: "route {n} pending requests to the competent administrations",
                    rationale: "classifier docs-v{v} confidence {conf}; {k} requests need a human reading (ambiguous)",
                    risk: .medium, agent: "docs-classifier"
                ),
                DemoApprovalTemplate(
                    subject: "Réponses types — guichet unique, lot {lot}",
                    proposedAction: "publish {n} updated answer templates at the one-stop desk",
                    rationale: "answers checked against the register of procedures; {k} rewritten after feedback",
                    risk: .low
                ),
            ],
            isAIGovPilot: true
        ),
        DemoProject(
            id: 17, instituteID: "rabat-sale-kenitra", name: "Jurisprudence assistée", sector: "justice",
            phase: .pilot, health: .amber, gpuHoursBudget: 24_000, gpuHoursUsed: 19_700,
            nextMilestone: "Avis de la commission de déontologie", milestoneInDays: 8, supervisor: "sup-justice",
            agents: ["case-law-search", "docs-classifier"],
            runTitles: ["Indexation des arrêts — cour d'appel lot {lot}", "Recherche sémantique — évaluation v{v}"],
            approvals: [
                DemoApprovalTemplate(
                    subject: "Index de jurisprudence — lot {lot}",
                    proposedAction: "add {n} anonymised decisions to the judges' search index",
                    rationale: "anonymisation recall {conf} on the audit sample; {k} decisions held back for review",
                    risk: .medium
                ),
            ]
        ),
        DemoProject(
            id: 18, instituteID: "rabat-sale-kenitra", name: "Anonymisation des décisions de justice", sector: "justice",
            phase: .industrialised, health: .green, gpuHoursBudget: 12_000, gpuHoursUsed: 7_400,
            nextMilestone: "Publication open data trimestrielle", milestoneInDays: 22, supervisor: "sup-justice",
            agents: ["court-anonymiser"],
            runTitles: [
                "Anonymisation — tribunal de première instance lot {lot}", "Contrôle qualité anonymisation — {n} décisions",
            ],
            approvals: [
                DemoApprovalTemplate(
                    subject: "Publication open data — décisions de justice lot {lot}",
                    proposedAction: "publish {n} anonymised judgments on the open-data portal",
                    rationale: "{k} direct identifiers found in the 500-decision check (target 0); second pass applied",
                    risk: .high
                ),
            ]
        ),
        DemoProject(
            id: 19, instituteID: "beni-mellal-khenifra", name: "Irrigation du Tadla", sector: "agriculture",
            phase: .pilot, health: .green, gpuHoursBudget: 15_000, gpuHoursUsed: 8_200,
            nextMilestone: "Campagne d'été : tours d'eau", milestoneInDays: 6, supervisor: "sup-eau",
            agents: ["irrigation-planner"],
            runTitles: ["Évapotranspiration — périmètre du Tadla J+{k}", "Tours d'eau — secteur {k}"],
            approvals: [
                DemoApprovalTemplate(
                    subject: "Tours d'eau — périmètre du Tadla",
                    proposedAction: "cut irrigation quotas by {pct} % for {n} farms for {k} weeks",
                    rationale: "dam reserve at {pct} %; evapotranspiration forecast +{pct} % "
                        + "(model irri-v{v}, confidence {conf})",
                    risk: .high
                ),
            ]
        ),
        DemoProject(
            id: 20, instituteID: "beni-mellal-khenifra", name: "Barrage Bin El Ouidane — lâchers", sector: "water",
            phase: .ideation, health: .green, gpuHoursBudget: 7_000, gpuHoursUsed: 1_900,
            nextMilestone: "Jumeau numérique du barrage", milestoneInDays: 50, supervisor: "sup-eau",
            agents: ["hydro-planner"],
            runTitles: ["Jumeau numérique — apports J+{k}", "Simulation des lâchers — scénario {k}"]
        ),
        DemoProject(
            id: 21, instituteID: "casablanca-settat", name: "Détection de fraude douanière", sector: "finance",
            phase: .industrialised, health: .green, gpuHoursBudget: 28_000, gpuHoursUsed: 21_900,
            nextMilestone: "Recalibrage annuel du modèle", milestoneInDays: 28, supervisor: "sup-national",
            agents: ["customs-fraud"],
            runTitles: ["Scoring des déclarations — lot {lot}", "Recalibrage customs-v{v}"],
            approvals: [
                DemoApprovalTemplate(
                    subject: "Contrôle renforcé — conteneurs lot {lot}",
                    proposedAction: "hold {k} containers for physical inspection at the port of Casablanca",
                    rationale: "risk score above 0.9 for {k} declarations (model customs-v{v}, precision {conf}); "
                        + "declared value {pct} % below reference",
                    risk: .high
                ),
            ]
        ),
        DemoProject(
            id: 22, instituteID: "casablanca-settat", name: "Qualité industrielle — vision", sector: "industry",
            phase: .pilot, health: .green, gpuHoursBudget: 12_000, gpuHoursUsed: 6_600,
            nextMilestone: "Essai sur la ligne 4", milestoneInDays: 9, supervisor: "sup-national",
            agents: ["vision-qa"],
            runTitles: ["Inspection visuelle — ligne {k}", "Annotation des défauts — lot {lot}"],
            approvals: [
                DemoApprovalTemplate(
                    subject: "Modèle qa-v{v} — mise en service ligne {k}",
                    proposedAction: "let the vision model reject parts on line {k}",
                    rationale: "false rejects {pct} % → 1.{k} % over 2 weeks of shadow run",
                    risk: .low
                ),
            ]
        ),
        DemoProject(
            id: 23, instituteID: "casablanca-settat", name: "Trafic urbain Casablanca", sector: "transport",
            phase: .pilot, health: .red, gpuHoursBudget: 18_000, gpuHoursUsed: 17_400,
            nextMilestone: "Reprise des données capteurs (panne)", milestoneInDays: 3, supervisor: "sup-national",
            agents: ["traffic-optimiser"],
            runTitles: ["Plan de feux — {Aïn Sebaâ|Anfa|Maârif|Bernoussi}", "Comptages capteurs — reconstitution J-{k}"],
            approvals: [
                DemoApprovalTemplate(
                    subject: "Plan de feux — {Aïn Sebaâ|Anfa|Maârif|Bernoussi}",
                    proposedAction: "apply signal plan v{v} at {k} junctions during the evening peak",
                    rationale: "simulated delay −{pct} % (confidence {conf}); emergency routes unchanged",
                    risk: .medium
                ),
            ]
        ),
    ]
}
