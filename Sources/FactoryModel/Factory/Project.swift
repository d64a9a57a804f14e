import Foundation

/// Where a project stands between an idea and a service in production.
public enum ProjectPhase: String, Codable, Sendable, CaseIterable {
    case ideation
    case pilot
    case industrialised
}

/// A project's overall health as its institute reports it.
public enum ProjectHealth: String, Codable, Sendable, CaseIterable, Comparable {
    case green
    case amber
    case red

    public static func < (lhs: ProjectHealth, rhs: ProjectHealth) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// An AI project of an institute, for a public administration.
public struct Project: Codable, Sendable, Hashable, Identifiable {
    /// The project's id, printed `P-12`.
    public var id: ProjectID
    /// The institute that runs it.
    public var instituteID: String
    /// Name shown to operators, e.g. `Eau prédictive`.
    public var name: String
    /// One of the agreements' sectors: water, energy, health, justice…
    public var sector: String
    /// Ideation, pilot or industrialised.
    public var phase: ProjectPhase
    /// Green, amber or red.
    public var health: ProjectHealth
    /// GPU hours granted.
    public var gpuHoursBudget: Double
    /// GPU hours consumed so far.
    public var gpuHoursUsed: Double
    /// The next milestone, e.g. `Pilot review with the water agency`.
    public var nextMilestone: String
    /// When the next milestone is due.
    public var milestoneDue: Date?

    /// Creates a project.
    public init(
        id: ProjectID, instituteID: String, name: String, sector: String, phase: ProjectPhase, health: ProjectHealth,
        gpuHoursBudget: Double, gpuHoursUsed: Double, nextMilestone: String, milestoneDue: Date?
    ) {
        self.id = id
        self.instituteID = instituteID
        self.name = name
        self.sector = sector
        self.phase = phase
        self.health = health
        self.gpuHoursBudget = gpuHoursBudget
        self.gpuHoursUsed = gpuHoursUsed
        self.nextMilestone = nextMilestone
        self.milestoneDue = milestoneDue
    }
}
