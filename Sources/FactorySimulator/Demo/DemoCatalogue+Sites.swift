import FactoryModel

extension DemoCatalogue {
    /// The data centres and edge sites.
    ///
    /// Dakhla is the 500 MW renewable hyperscale site (Giga). Benguerir is Giga too: it hosts the national
    /// research supercomputer and trains the sovereign models, a strategic use, not classic hosting. Nouaceur and
    /// Rabat are Mega (classic hosting close to the administrations). Edge sites stand in rural and mountain zones.
    public static let sites: [Site] = [
        Site(id: "dakhla", name: "Dakhla", tier: .giga, region: "Dakhla-Oued Ed-Dahab"),
        Site(id: "benguerir", name: "Benguerir", tier: .giga, region: "Marrakech-Safi"),
        Site(id: "nouaceur", name: "Nouaceur", tier: .mega, region: "Casablanca-Settat"),
        Site(id: "rabat", name: "Rabat", tier: .mega, region: "Rabat-Salé-Kénitra"),
        Site(id: "guelmim", name: "Guelmim", tier: .edge, region: "Guelmim-Oued Noun"),
        Site(id: "tata", name: "Tata", tier: .edge, region: "Souss-Massa"),
        Site(id: "zagora", name: "Zagora", tier: .edge, region: "Drâa-Tafilalet"),
        Site(id: "ifrane", name: "Ifrane", tier: .edge, region: "Fès-Meknès"),
        Site(id: "azilal", name: "Azilal", tier: .edge, region: "Béni Mellal-Khénifra"),
        Site(id: "midelt", name: "Midelt", tier: .edge, region: "Drâa-Tafilalet"),
        Site(id: "al-hoceima", name: "Al Hoceïma", tier: .edge, region: "Tanger-Tétouan-Al Hoceïma"),
        Site(id: "chefchaouen", name: "Chefchaouen", tier: .edge, region: "Tanger-Tétouan-Al Hoceïma"),
    ]

    /// A pool before its capacity is summed from its nodes.
    struct PoolSpec {
        let id: String
        /// The site that schedules it (for an edge pool, its hub; its nodes stand in several edge sites).
        let site: String
        let kind: ResourceKind
    }

    static let poolSpecs: [PoolSpec] = [
        PoolSpec(id: "dakhla-gpu", site: "dakhla", kind: .gpu),
        PoolSpec(id: "dakhla-cpu", site: "dakhla", kind: .cpu),
        PoolSpec(id: "benguerir-gpu", site: "benguerir", kind: .gpu),
        PoolSpec(id: "nouaceur-gpu", site: "nouaceur", kind: .gpu),
        PoolSpec(id: "nouaceur-cpu", site: "nouaceur", kind: .cpu),
        PoolSpec(id: "rabat-gpu", site: "rabat", kind: .gpu),
        PoolSpec(id: "rabat-cpu", site: "rabat", kind: .cpu),
        PoolSpec(id: "edge-sud", site: "guelmim", kind: .edge),
        PoolSpec(id: "edge-atlas", site: "ifrane", kind: .edge),
        PoolSpec(id: "edge-rif", site: "al-hoceima", kind: .edge),
    ]

    /// The scheduling pools, their capacity the sum of their nodes'. An edge pool gathers the small nodes of
    /// several nearby edge sites; its site is the hub that schedules them.
    public static let pools: [Pool] = poolSpecs.map { spec in
        let members = nodes.filter { $0.pool == spec.id }
        return Pool(
            id: spec.id, siteID: spec.site, kind: spec.kind,
            gpuCapacity: members.reduce(0) { $0 + $1.gpuCount }, cpuCapacity: members.reduce(0) { $0 + $1.cores }
        )
    }

    /// A rack of identical nodes named `prefix-001`, `prefix-002`…
    private static func rack(
        _ prefix: String, count: Int, site: String, pool: String, kind: ResourceKind, gpus: Int, model: String,
        gpuMemMiB: Int, cores: Int, memoryGiB: Int
    ) -> [DemoNode] {
        (1...count).map { index in
            let digits = String(index)
            let name = "\(prefix)-\(String(repeating: "0", count: max(0, 3 - digits.count)))\(digits)"
            return DemoNode(
                id: name, name: name, site: site, pool: pool, kind: kind, gpuCount: gpus, gpuModel: model,
                gpuMemMiB: gpuMemMiB, cores: cores, memoryGiB: memoryGiB
            )
        }
    }

    /// The small nodes of one edge site, `site-1`, `site-2`…; those listed in `withGPU` carry one L4.
    private static func edge(_ site: String, count: Int, pool: String, withGPU: Set<Int>) -> [DemoNode] {
        (1...count).map { index in
            let hasGPU = withGPU.contains(index)
            return DemoNode(
                id: "\(site)-\(index)", name: "\(site)-\(index)", site: site, pool: pool, kind: .edge,
                gpuCount: hasGPU ? 1 : 0, gpuModel: hasGPU ? "L4 24GB" : "", gpuMemMiB: hasGPU ? 23_034 : 0,
                cores: hasGPU ? 32 : 16, memoryGiB: hasGPU ? 128 : 64
            )
        }
    }

    /// Every node of the demo factory (79): racks of 8-GPU servers in the Giga and Mega sites, CPU servers,
    /// and small edge boxes, a few with one inference GPU.
    public static let nodes: [DemoNode] =
        rack(
            "dkh-gpu", count: 16, site: "dakhla", pool: "dakhla-gpu", kind: .gpu, gpus: 8, model: "H100 SXM5 80GB",
            gpuMemMiB: 81_559, cores: 112, memoryGiB: 2048
        )
        + rack(
            "dkh-cpu", count: 8, site: "dakhla", pool: "dakhla-cpu", kind: .cpu, gpus: 0, model: "", gpuMemMiB: 0,
            cores: 192, memoryGiB: 1536
        )
        + rack(
            "bgr-gpu", count: 12, site: "benguerir", pool: "benguerir-gpu", kind: .gpu, gpus: 8, model: "A100 SXM4 80GB",
            gpuMemMiB: 81_920, cores: 128, memoryGiB: 1024
        )
        + rack(
            "nce-gpu", count: 4, site: "nouaceur", pool: "nouaceur-gpu", kind: .gpu, gpus: 8, model: "L40S 48GB",
            gpuMemMiB: 46_068, cores: 64, memoryGiB: 768
        )
        + rack(
            "nce-cpu", count: 8, site: "nouaceur", pool: "nouaceur-cpu", kind: .cpu, gpus: 0, model: "", gpuMemMiB: 0,
            cores: 128, memoryGiB: 1024
        )
        + rack(
            "rbt-gpu", count: 2, site: "rabat", pool: "rabat-gpu", kind: .gpu, gpus: 8, model: "A100 PCIe 80GB",
            gpuMemMiB: 81_920, cores: 64, memoryGiB: 512
        )
        + rack(
            "rbt-cpu", count: 6, site: "rabat", pool: "rabat-cpu", kind: .cpu, gpus: 0, model: "", gpuMemMiB: 0,
            cores: 64, memoryGiB: 512
        )
        + edge("guelmim", count: 4, pool: "edge-sud", withGPU: [1, 2])
        + edge("tata", count: 3, pool: "edge-sud", withGPU: [1])
        + edge("zagora", count: 3, pool: "edge-sud", withGPU: [1])
        + edge("ifrane", count: 3, pool: "edge-atlas", withGPU: [1])
        + edge("azilal", count: 2, pool: "edge-atlas", withGPU: [])
        + edge("midelt", count: 3, pool: "edge-atlas", withGPU: [1])
        + edge("al-hoceima", count: 3, pool: "edge-rif", withGPU: [1])
        + edge("chefchaouen", count: 2, pool: "edge-rif", withGPU: [])
}
