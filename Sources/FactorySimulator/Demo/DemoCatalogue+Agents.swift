import FactoryModel

extension DemoCatalogue {
    /// The agents of the automation platform that run the projects' work.
    public static let agents: [DemoAgent] = [
        DemoAgent(id: "decision-support", summary: "public decision support: scenarios and rankings",
                  pools: ["benguerir-gpu", "rabat-gpu"], gpuChoices: [2, 4, 8]),
        DemoAgent(id: "rsu-triage", summary: "sorts social-registry (RSU) files for human review",
                  pools: ["rabat-cpu", "rabat-gpu", "nouaceur-cpu"], gpuChoices: [1, 2]),
        DemoAgent(id: "darija-translator", summary: "translates Darija, Arabic, French and Tamazight (Tifinagh)",
                  pools: ["benguerir-gpu", "dakhla-gpu"], gpuChoices: [4, 8]),
        DemoAgent(id: "model-trainer", summary: "trains and fine-tunes the sovereign models",
                  pools: ["dakhla-gpu", "benguerir-gpu"], gpuChoices: [8]),
        DemoAgent(id: "docs-classifier", summary: "classifies and routes administrative documents",
                  pools: ["rabat-gpu", "nouaceur-gpu", "rabat-cpu"], gpuChoices: [1, 2]),
        DemoAgent(id: "citizen-assistant", summary: "answers citizens at the one-stop desk and the e-gov portal",
                  pools: ["nouaceur-gpu", "rabat-gpu"], gpuChoices: [1, 2, 4]),
        DemoAgent(id: "crowd-forecaster", summary: "forecasts crowds and transport for major sporting events",
                  pools: ["nouaceur-gpu", "nouaceur-cpu"], gpuChoices: [1, 2]),
        DemoAgent(id: "soc-sentinel", summary: "detects intrusions for the national SOC",
                  pools: ["nouaceur-cpu", "rabat-cpu", "nouaceur-gpu"], gpuChoices: [1, 2]),
        DemoAgent(id: "mountain-care", summary: "plans mobile clinics in mountain zones",
                  pools: ["edge-atlas", "rabat-cpu"], gpuChoices: [1]),
        DemoAgent(id: "hydro-planner", summary: "forecasts water scarcity and plans allocations",
                  pools: ["dakhla-gpu", "dakhla-cpu", "edge-sud"], gpuChoices: [1, 2, 4]),
        DemoAgent(id: "port-flow", summary: "forecasts port and truck flows",
                  pools: ["nouaceur-cpu", "nouaceur-gpu"], gpuChoices: [1, 2]),
        DemoAgent(id: "seismic-watch", summary: "watches seismic sensors and drafts early warnings",
                  pools: ["edge-rif", "dakhla-cpu"], gpuChoices: [1]),
        DemoAgent(id: "predictive-maint", summary: "predicts industrial equipment failures",
                  pools: ["benguerir-gpu", "nouaceur-cpu"], gpuChoices: [1, 2, 4]),
        DemoAgent(id: "crop-monitor", summary: "reads drone, satellite and soil-probe data on crops",
                  pools: ["edge-atlas", "edge-sud", "benguerir-gpu"], gpuChoices: [1, 2]),
        DemoAgent(id: "med-imaging", summary: "reads medical images for screening programmes",
                  pools: ["benguerir-gpu", "rabat-gpu"], gpuChoices: [2, 4, 8]),
        DemoAgent(id: "care-scheduler", summary: "schedules hospital appointments",
                  pools: ["rabat-cpu", "nouaceur-cpu"], gpuChoices: []),
        DemoAgent(id: "case-law-search", summary: "indexes and searches case law for judges",
                  pools: ["rabat-gpu", "benguerir-gpu"], gpuChoices: [2, 4]),
        DemoAgent(id: "court-anonymiser", summary: "anonymises court decisions before publication",
                  pools: ["rabat-cpu", "rabat-gpu"], gpuChoices: [1]),
        DemoAgent(id: "irrigation-planner", summary: "plans irrigation quotas and advice",
                  pools: ["edge-atlas", "dakhla-cpu", "edge-sud"], gpuChoices: [1]),
        DemoAgent(id: "customs-fraud", summary: "scores customs declarations for fraud risk",
                  pools: ["nouaceur-gpu", "nouaceur-cpu"], gpuChoices: [1, 2, 4]),
        DemoAgent(id: "vision-qa", summary: "inspects production lines by computer vision",
                  pools: ["nouaceur-gpu"], gpuChoices: [1, 2]),
        DemoAgent(id: "traffic-optimiser", summary: "optimises urban traffic-light plans",
                  pools: ["nouaceur-gpu", "nouaceur-cpu"], gpuChoices: [1, 2]),
        DemoAgent(id: "tourism-flow", summary: "forecasts visitor flows at heritage sites",
                  pools: ["nouaceur-cpu", "benguerir-gpu"], gpuChoices: [1, 2]),
        DemoAgent(id: "energy-forecaster", summary: "forecasts energy demand and industrial consumption",
                  pools: ["dakhla-gpu", "dakhla-cpu"], gpuChoices: [1, 2, 4]),
        DemoAgent(id: "solar-forecaster", summary: "forecasts solar production and dust events",
                  pools: ["dakhla-gpu", "edge-sud"], gpuChoices: [1, 2, 4]),
        DemoAgent(id: "oasis-watch", summary: "watches palm groves for disease and drought",
                  pools: ["edge-sud", "benguerir-gpu"], gpuChoices: [1, 2]),
        DemoAgent(id: "argan-watch", summary: "maps the argan forest from satellite images",
                  pools: ["benguerir-gpu", "edge-sud"], gpuChoices: [2, 4]),
        DemoAgent(id: "fish-stock", summary: "assesses fish and octopus stocks",
                  pools: ["dakhla-gpu", "dakhla-cpu"], gpuChoices: [1, 2, 4]),
        DemoAgent(id: "wind-forecaster", summary: "forecasts wind production and grid balance",
                  pools: ["dakhla-gpu", "dakhla-cpu"], gpuChoices: [2, 4, 8]),
    ]

    /// The demo's operator accounts. The account that creates the store stays its admin.
    public static let accounts: [DemoAccount] = [
        DemoAccount(account: "ops-nuit", role: .operator, summary: "night on-call operator (20:00–08:00 UTC)"),
        DemoAccount(account: "ops-jour", role: .operator, summary: "day on-call operator (08:00–20:00 UTC)"),
        DemoAccount(account: "ops-relais", role: .operator, summary: "back-up operator for weekends and holidays"),
        DemoAccount(account: "sup-eau", role: .supervisor, summary: "supervisor for water and agriculture"),
        DemoAccount(account: "sup-rsu", role: .supervisor, summary: "supervisor for the social registry and one-stop desk"),
        DemoAccount(account: "sup-energie", role: .supervisor, summary: "supervisor for energy"),
        DemoAccount(account: "sup-sante", role: .supervisor, summary: "supervisor for health"),
        DemoAccount(account: "sup-justice", role: .supervisor, summary: "supervisor for justice"),
        DemoAccount(account: "sup-national", role: .supervisor, summary: "national supervisor (JAZARI ROOT, other sectors)"),
        DemoAccount(account: "audit-cndp", role: .viewer, summary: "data-protection auditor, read-only"),
    ]

    /// The agent named `id`.
    public static func agent(_ id: String) -> DemoAgent? { agents.first { $0.id == id } }

    /// The pool named `id`.
    public static func pool(_ id: String) -> Pool? { pools.first { $0.id == id } }

    /// The project with `id`.
    public static func project(_ id: ProjectID) -> DemoProject? { projects.first { $0.id == id } }

    /// The demo's supervisors, in catalogue order.
    public static var supervisors: [String] { accounts.filter { $0.role == .supervisor }.map(\.account) }

    /// The demo's operators (the on-call role), in catalogue order.
    public static var onCallOperators: [String] { accounts.filter { $0.role == .operator }.map(\.account) }
}
