import FactoryModel

extension DemoCatalogue {
    /// The thirteen Jazari institutes in display order: JAZARI ROOT, the national core node, then the twelve
    /// regional institutes in the official order of the regions. An institute's index here is its `position`.
    ///
    /// University names are generic (`Université de Guelmim`…) on purpose: many real ones carry a person's name.
    public static let institutes: [Institute] = [
        Institute(
            id: "jazari-root", name: "JAZARI ROOT", region: "national",
            theme: "e-gov · rural & mountain · major events", university: "Université de Rabat"
        ),
        Institute(
            id: "tanger-tetouan-al-hoceima", name: "Tanger-Tétouan-Al Hoceïma", region: "Tanger-Tétouan-Al Hoceïma",
            theme: "logistics & transport", university: "Université de Tétouan"
        ),
        Institute(
            id: "oriental", name: "L'Oriental (Nador)", region: "L'Oriental",
            theme: "applied AI", university: "Pôle universitaire de Nador"
        ),
        Institute(
            id: "fes-meknes", name: "Fès-Meknès", region: "Fès-Meknès",
            theme: "health", university: "Université de Fès"
        ),
        Institute(
            id: "rabat-sale-kenitra", name: "Rabat-Salé-Kénitra", region: "Rabat-Salé-Kénitra",
            theme: "administration & justice", university: "Université de Kénitra"
        ),
        Institute(
            id: "beni-mellal-khenifra", name: "Béni Mellal-Khénifra", region: "Béni Mellal-Khénifra",
            theme: "agriculture & water", university: "Université de Béni Mellal"
        ),
        Institute(
            id: "casablanca-settat", name: "Casablanca-Settat", region: "Casablanca-Settat",
            theme: "industry & finance", university: "Université de Casablanca"
        ),
        Institute(
            id: "marrakech-safi", name: "Marrakech-Safi", region: "Marrakech-Safi",
            theme: "tourism & mining", university: "Université de Marrakech"
        ),
        Institute(
            id: "draa-tafilalet", name: "Drâa-Tafilalet", region: "Drâa-Tafilalet",
            theme: "solar energy & oases", university: "Université d'Errachidia"
        ),
        Institute(
            id: "souss-massa", name: "Souss-Massa", region: "Souss-Massa",
            theme: "agriculture", university: "Université d'Agadir"
        ),
        Institute(
            id: "guelmim-oued-noun", name: "Guelmim-Oued Noun", region: "Guelmim-Oued Noun",
            theme: "water", university: "Université de Guelmim"
        ),
        Institute(
            id: "laayoune-sakia-el-hamra", name: "Laâyoune-Sakia El Hamra", region: "Laâyoune-Sakia El Hamra",
            theme: "fisheries", university: "Université de Laâyoune"
        ),
        Institute(
            id: "dakhla-oued-ed-dahab", name: "Dakhla-Oued Ed-Dahab", region: "Dakhla-Oued Ed-Dahab",
            theme: "energy", university: "Université de Dakhla"
        ),
    ]
}
