import Testing
import FactoryModel
@testable import FactorySimulator

@Suite("Demo catalogue")
struct DemoCatalogueTests {
    static let regions = [
        "Tanger-Tétouan-Al Hoceïma", "L'Oriental", "Fès-Meknès", "Rabat-Salé-Kénitra", "Béni Mellal-Khénifra",
        "Casablanca-Settat", "Marrakech-Safi", "Drâa-Tafilalet", "Souss-Massa", "Guelmim-Oued Noun",
        "Laâyoune-Sakia El Hamra", "Dakhla-Oued Ed-Dahab",
    ]

    @Test("JAZARI ROOT first, then one institute per region, ids are slugs")
    func institutes() {
        let institutes = DemoCatalogue.institutes
        #expect(institutes.count == 13)
        #expect(institutes.first?.id == "jazari-root")
        #expect(institutes.first?.name == "JAZARI ROOT")
        #expect(institutes.dropFirst().map(\.region) == Self.regions)
        #expect(institutes.allSatisfy { Slug.isValid($0.id) && !$0.university.isEmpty && !$0.theme.isEmpty })
        #expect(Set(institutes.map(\.id)).count == 13)
        let names = institutes.map(\.name)
        for accented in ["Fès-Meknès", "Laâyoune-Sakia El Hamra", "Béni Mellal-Khénifra", "Drâa-Tafilalet"] {
            #expect(names.contains(accented))
        }
        let theme = { (id: String) in institutes.first { $0.id == id }?.theme }
        #expect(theme("guelmim-oued-noun") == "water")
        #expect(theme("oriental") == "applied AI")
        #expect(theme("dakhla-oued-ed-dahab") == "energy")
    }

    @Test("sites of every tier, pools on known sites, capacities summed from their nodes")
    func sitesAndPools() {
        let sites = DemoCatalogue.sites
        #expect(sites.count >= 5)
        #expect(sites.first { $0.id == "dakhla" }?.tier == .giga)
        #expect(sites.first { $0.id == "nouaceur" }?.tier == .mega)
        #expect(sites.contains { $0.tier == .edge })
        #expect(sites.allSatisfy { Slug.isValid($0.id) && (Self.regions.contains($0.region)) })
        let pools = DemoCatalogue.pools
        #expect(pools.count >= 8)
        #expect(Set(pools.map(\.id)).count == pools.count)
        for pool in pools {
            #expect(Slug.isValid(pool.id))
            #expect(sites.contains { $0.id == pool.siteID })
            let nodes = DemoCatalogue.nodes.filter { $0.pool == pool.id }
            #expect(!nodes.isEmpty, "pool \(pool.id) has no nodes")
            #expect(nodes.allSatisfy { $0.kind == pool.kind })
            #expect(pool.gpuCapacity == nodes.reduce(0) { $0 + $1.gpuCount })
            #expect(pool.cpuCapacity == nodes.reduce(0) { $0 + $1.cores })
            if pool.kind == .cpu { #expect(pool.gpuCapacity == 0) }
            if pool.kind == .gpu { #expect(pool.gpuCapacity >= 16) }
        }
    }

    @Test("a laptop-sized set of nodes: GPU servers of 8, CPU servers without, small edge boxes")
    func nodes() {
        let nodes = DemoCatalogue.nodes
        #expect((60...120).contains(nodes.count))
        #expect(Set(nodes.map(\.id)).count == nodes.count)
        #expect(nodes.allSatisfy { node in DemoCatalogue.sites.contains { $0.id == node.site } })
        for node in nodes {
            switch node.kind {
            case .gpu:
                #expect(node.gpuCount == 8 && !node.gpuModel.isEmpty && node.gpuMemMiB > 40_000)
            case .cpu:
                #expect(node.gpuCount == 0 && node.gpuModel.isEmpty && node.gpuMemMiB == 0)
            case .edge:
                #expect(node.gpuCount <= 1 && node.cores <= 32)
                #expect((node.gpuCount == 0) == node.gpuModel.isEmpty)
            }
        }
        #expect(nodes.contains { $0.name == "dkh-gpu-001" && $0.gpuModel == "H100 SXM5 80GB" })
        for name in ["guelmim-2", "tata-1", "zagora-1"] {
            #expect(nodes.contains { $0.name == name && $0.kind == .edge })
        }
    }

    @Test("projects: about thirty, the five AI-Gov pilots, every institute, agents and pools that exist")
    func projects() {
        let projects = DemoCatalogue.projects
        #expect((28...34).contains(projects.count))
        #expect(Set(projects.map(\.id)).count == projects.count)
        #expect(projects.filter(\.isAIGovPilot).count == 5)
        let positions = projects.compactMap { project in DemoCatalogue.institutes.firstIndex { $0.id == project.instituteID } }
        #expect(positions.count == projects.count && positions == positions.sorted(), "projects not in institute order")
        let names = projects.map(\.name)
        for pilot in ["Aide à la décision publique", "Guichet unique", "Eau prédictive", "Tri des dossiers RSU"] {
            #expect(names.contains(pilot))
        }
        #expect(projects.contains { $0.name.unicodeScalars.contains { (0x2D30...0x2D7F).contains($0.value) } })
        #expect(projects.filter { $0.health == .red }.count >= 1)
        #expect(projects.filter { $0.health == .red }.count <= 2)
        #expect(projects.contains { $0.health == .amber })
        let supervisors = DemoCatalogue.supervisors
        for institute in DemoCatalogue.institutes {
            #expect(projects.contains { $0.instituteID == institute.id }, "\(institute.id) has no project")
        }
        for project in projects {
            #expect(DemoCatalogue.institutes.contains { $0.id == project.instituteID })
            #expect(supervisors.contains(project.supervisor))
            #expect(!project.agents.isEmpty && !project.runTitles.isEmpty)
            #expect(project.gpuHoursBudget > 0 && project.milestoneInDays > 0)
            for agent in project.agents { #expect(DemoCatalogue.agent(agent) != nil, "unknown agent \(agent)") }
            for template in project.approvals {
                if let agent = template.agent { #expect(project.agents.contains(agent)) }
            }
        }
        let risks = Set(projects.flatMap(\.approvals).map(\.risk))
        #expect(risks == Set(Risk.allCases))
    }

    @Test("agents run on pools that exist and ask GPUs only where there are some")
    func agents() {
        for agent in DemoCatalogue.agents {
            #expect(AccountName.isValid(agent.id))
            #expect(!agent.pools.isEmpty)
            for poolID in agent.pools {
                let pool = DemoCatalogue.pool(poolID)
                #expect(pool != nil, "\(agent.id) uses unknown pool \(poolID)")
                if pool?.kind == .gpu { #expect(!agent.gpuChoices.isEmpty, "\(agent.id) has no GPU sizes for \(poolID)") }
            }
            #expect(agent.gpuChoices.allSatisfy { (1...8).contains($0) })
        }
        #expect(Set(DemoCatalogue.agents.map(\.id)).count == DemoCatalogue.agents.count)
    }

    @Test("demo accounts are valid names with operators, supervisors and a viewer")
    func accounts() {
        let accounts = DemoCatalogue.accounts
        #expect(accounts.allSatisfy { AccountName.isValid($0.account) })
        #expect(Set(accounts.map(\.account)).count == accounts.count)
        for role in [Role.viewer, .operator, .supervisor] { #expect(accounts.contains { $0.role == role }) }
        #expect(!accounts.contains { $0.role == .admin })
        #expect(DemoCatalogue.supervisors.count >= 4)
        for name in ["ops-nuit", "ops-jour", "sup-eau", "sup-rsu", "sup-energie"] {
            #expect(accounts.contains { $0.account == name })
        }
    }

    @Test("every template fills without a placeholder left")
    func templatesFill() {
        var random = SeededRandom(seed: 11)
        var texts: [String] = DemoWords.failures + DemoWords.edgeFailures + DemoWords.cancelReasons
            + DemoWords.rerouteReasons + DemoWords.queuedRerouteReasons
        for project in DemoCatalogue.projects {
            texts += project.runTitles
            texts += project.approvals.flatMap { [$0.subject, $0.proposedAction, $0.rationale] }
        }
        for text in texts {
            let replaced = text.replacingOccurrences(of: "{node}", with: "n").replacingOccurrences(of: "{from}", with: "a")
                .replacingOccurrences(of: "{to}", with: "b")
            let filled = DemoTemplate.fill(replaced, using: &random)
            #expect(!filled.contains("{") && !filled.contains("}"), "placeholder left in \(filled)")
        }
        #expect(DemoTemplate.fill("{unknown} {a|a}", using: &random) == "{unknown} a")
        let number = DemoTemplate.fill("{x}", using: &random)
        #expect(number.contains(".") && !number.contains(","))
    }
}
