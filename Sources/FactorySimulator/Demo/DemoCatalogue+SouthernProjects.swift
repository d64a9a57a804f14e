import FactoryModel

extension DemoCatalogue {
    /// The projects of the six southern regions' institutes, in institute order: tourism and mining, solar energy and
    /// oases, agriculture, water, fisheries, energy.
    static let southernProjects: [DemoProject] = [
        DemoProject(
            id: 24, instituteID: "marrakech-safi", name: "Flux touristiques — médina de Marrakech", sector: "tourism",
            phase: .pilot, health: .green, gpuHoursBudget: 9_000, gpuHoursUsed: 4_700,
            nextMilestone: "Tableau de bord pour l'office du tourisme", milestoneInDays: 15, supervisor: "sup-national",
            agents: ["tourism-flow"],
            runTitles: ["Prévision de fréquentation — week-end {k}", "Jauges de confort — {n} sites"],
            approvals: [
                DemoApprovalTemplate(
                    subject: "Jauges d'accès — médina de Marrakech",
                    proposedAction: "publish recommended visit slots for {n} sites",
                    rationale: "forecast {n} k visitors this weekend (+{pct} %); {k} sites over their comfort gauge",
                    risk: .low
                ),
            ]
        ),
        DemoProject(
            id: 25, instituteID: "marrakech-safi", name: "Phosphates — efficacité énergétique", sector: "industry",
            phase: .ideation, health: .green, gpuHoursBudget: 11_000, gpuHoursUsed: 5_200,
            nextMilestone: "Accord de partage de données", milestoneInDays: 19, supervisor: "sup-energie",
            agents: ["energy-forecaster"],
            runTitles: ["Consommation des laveries — Safi J+{k}", "Optimisation des séchoirs — essai {k}"]
        ),
        DemoProject(
            id: 26, instituteID: "draa-tafilalet", name: "Solaire Noor — prévision de production", sector: "energy",
            phase: .industrialised, health: .green, gpuHoursBudget: 20_000, gpuHoursUsed: 14_800,
            nextMilestone: "Intégration au dispatching national", milestoneInDays: 24, supervisor: "sup-energie",
            agents: ["solar-forecaster"],
            runTitles: ["Prévision solaire J+1 — {Ouarzazate|Zagora|Midelt}", "Nowcasting poussière — {h} h"],
            approvals: [
                DemoApprovalTemplate(
                    subject: "Prévision solaire J+1 — publication",
                    proposedAction: "send the day-ahead solar forecast to the grid operator",
                    rationale: "MAE {pct} % over the last 30 days; sandstorm probability {conf}",
                    risk: .low
                ),
                DemoApprovalTemplate(
                    subject: "Mise en sécurité — champ solaire de {Ouarzazate|Midelt}",
                    proposedAction: "stow {n} tracker rows before the sandstorm",
                    rationale: "dust peak {x} mg/m³ at 15:00 (confidence {conf}); {k} rows above the vibration limit",
                    risk: .high
                ),
            ]
        ),
        DemoProject(
            id: 27, instituteID: "draa-tafilalet", name: "Oasis — palmeraies et bayoud", sector: "agriculture",
            phase: .pilot, health: .green, gpuHoursBudget: 8_000, gpuHoursUsed: 4_400,
            nextMilestone: "Campagne de traitement d'automne", milestoneInDays: 17, supervisor: "sup-eau",
            agents: ["oasis-watch"],
            runTitles: [
                "Détection du bayoud — palmeraie de {Zagora|Tinghir|Erfoud}", "Stress hydrique des palmiers — lot {lot}",
            ],
            approvals: [
                DemoApprovalTemplate(
                    subject: "Alerte bayoud — palmeraie de {Zagora|Tinghir|Erfoud}",
                    proposedAction: "send phytosanitary teams to {k} plots",
                    rationale: "satellite and edge images: {k} suspected foci (confidence {conf})",
                    risk: .medium
                ),
            ]
        ),
        DemoProject(
            id: 28, instituteID: "souss-massa", name: "Agriculture de précision — Chtouka", sector: "agriculture",
            phase: .pilot, health: .green, gpuHoursBudget: 14_000, gpuHoursUsed: 7_700,
            nextMilestone: "Extension à 500 exploitations", milestoneInDays: 13, supervisor: "sup-eau",
            agents: ["crop-monitor", "irrigation-planner"],
            runTitles: ["Humidité des sols — sondes lot {lot}", "Rendement des serres — prévision semaine {k}"],
            approvals: [
                DemoApprovalTemplate(
                    subject: "Conseils d'irrigation — Chtouka, lot {lot}",
                    proposedAction: "send irrigation advice to {n} farmers by SMS",
                    rationale: "soil moisture from {k} edge probes; advice reviewed by the agronomist",
                    risk: .low, agent: "irrigation-planner"
                ),
            ]
        ),
        DemoProject(
            id: 29, instituteID: "souss-massa", name: "Arganeraie — suivi satellitaire", sector: "environment",
            phase: .ideation, health: .green, gpuHoursBudget: 9_000, gpuHoursUsed: 2_600,
            nextMilestone: "Premier inventaire des parcelles", milestoneInDays: 38, supervisor: "sup-national",
            agents: ["argan-watch"],
            runTitles: ["Cartographie de l'arganeraie — tuile {lot}", "Détection de coupes — trimestre {k}"]
        ),
        DemoProject(
            id: 8, instituteID: "guelmim-oued-noun", name: "Eau prédictive", sector: "water",
            phase: .pilot, health: .green, gpuHoursBudget: 36_000, gpuHoursUsed: 21_500,
            nextMilestone: "Revue pilote avec l'agence de bassin", milestoneInDays: 11, supervisor: "sup-eau",
            agents: ["hydro-planner"],
            runTitles: [
                "Prévision de pénurie — bassin du {Souss|Drâa|Guir|Oued Noun}",
                "Assimilation des piézomètres — lot {lot}",
                "Plan d'allocation eau v{v} — {n} communes",
            ],
            approvals: [
                DemoApprovalTemplate(
                    subject: "Allocation des aides eau — {Souss-Massa|Guelmim-Oued Noun|Drâa-Tafilalet}",
                    proposedAction: "release {x} M m³ allocation to {n} communes (plan v{v})",
                    rationale: "forecast deficit {pct} % (model hydro-v{v}, confidence {conf}); {k} communes below threshold",
                    risk: .high
                ),
                DemoApprovalTemplate(
                    subject: "Coupure programmée — réseau de {Guelmim|Tan-Tan|Sidi Ifni}",
                    proposedAction: "reduce night-time pressure in {k} districts for {h} h",
                    rationale: "leak model flags {pct} % non-revenue water; night flow +{pct} % over baseline "
                        + "(confidence {conf})",
                    risk: .medium
                ),
            ],
            isAIGovPilot: true
        ),
        DemoProject(
            id: 9, instituteID: "guelmim-oued-noun", name: "Nappes d'Assa-Zag — recharge", sector: "water",
            phase: .ideation, health: .green, gpuHoursBudget: 8_000, gpuHoursUsed: 2_300,
            nextMilestone: "Pose de 20 piézomètres connectés", milestoneInDays: 40, supervisor: "sup-eau",
            agents: ["hydro-planner"],
            runTitles: ["Modèle de recharge — nappe d'Assa-Zag v{v}", "Bulletin piézométrique n° {lot}"],
            approvals: [
                DemoApprovalTemplate(
                    subject: "Bulletin des nappes n° {lot}",
                    proposedAction: "publish groundwater bulletin {lot} on the basin agency portal",
                    rationale: "{n} piezometers updated; no value outside the expected range",
                    risk: .low
                ),
            ]
        ),
        DemoProject(
            id: 30, instituteID: "laayoune-sakia-el-hamra", name: "Pêche durable — stocks halieutiques",
            sector: "fisheries", phase: .pilot, health: .amber, gpuHoursBudget: 16_000, gpuHoursUsed: 11_800,
            nextMilestone: "Avis scientifique avant la campagne poulpe", milestoneInDays: 4, supervisor: "sup-national",
            agents: ["fish-stock"],
            runTitles: [
                "Évaluation du stock de poulpe — zone {Laâyoune|Tarfaya|Boujdour}", "Traces AIS des navires — lot {lot}",
            ],
            approvals: [
                DemoApprovalTemplate(
                    subject: "Repos biologique — poulpe, zone {Laâyoune|Tarfaya|Boujdour}",
                    proposedAction: "recommend closing the octopus fishery for {k} weeks",
                    rationale: "stock index {pct} % below the 5-year mean (model halieut-v{v}, confidence {conf}); "
                        + "{n} vessels affected",
                    risk: .high
                ),
            ]
        ),
        DemoProject(
            id: 31, instituteID: "dakhla-oued-ed-dahab", name: "Réseau éolien — prévision", sector: "energy",
            phase: .industrialised, health: .green, gpuHoursBudget: 26_000, gpuHoursUsed: 19_300,
            nextMilestone: "Couplage avec l'usine de dessalement", milestoneInDays: 27, supervisor: "sup-energie",
            agents: ["wind-forecaster"],
            runTitles: ["Prévision éolienne J+{k} — parcs de Dakhla", "Équilibre réseau — scénario {k}"],
            approvals: [
                DemoApprovalTemplate(
                    subject: "Délestage préventif — réseau de Dakhla",
                    proposedAction: "shed {x} MW of non-critical load from 18:00 to 22:00",
                    rationale: "wind forecast −{pct} % vs plan (model wind-v{v}, confidence {conf}); "
                        + "desalination plant on {pct} % reserve",
                    risk: .high
                ),
                DemoApprovalTemplate(
                    subject: "Plan de charge des batteries — J+1",
                    proposedAction: "charge storage to {pct} % before the evening peak",
                    rationale: "price and wind forecasts agree (confidence {conf}); {k} h of surplus expected",
                    risk: .medium
                ),
            ]
        ),
        DemoProject(
            id: 32, instituteID: "dakhla-oued-ed-dahab", name: "Hydrogène vert — électrolyse et dessalement",
            sector: "energy", phase: .ideation, health: .green, gpuHoursBudget: 18_000, gpuHoursUsed: 5_400,
            nextMilestone: "Remise de l'étude de faisabilité", milestoneInDays: 42, supervisor: "sup-energie",
            agents: ["energy-forecaster"],
            runTitles: ["Dimensionnement électrolyseurs — scénario {k}", "Couplage dessalement — simulation {lot}"],
            approvals: [
                DemoApprovalTemplate(
                    subject: "Consigne électrolyseurs — ligne {k}",
                    proposedAction: "raise the electrolyser set-point to {x} MW for {h} h",
                    rationale: "solar + wind surplus forecast {x} MWh (confidence {conf})",
                    risk: .medium
                ),
            ]
        ),
    ]
}
