import FactorySimulator

extension DemoCommand {
    /// The demo's runtime acts on a final decision 15 to 30 s after it is taken (a scheduler's pick-up time), so
    /// that someone trying the console can watch it happen and still reverse a decision before the run acts on it
    /// (`U` on the Approvals screen, `fusion-console reverse`). Everything else is the simulator's default.
    static var demoSettings: SimulationSettings {
        var settings = SimulationSettings()
        settings.decisionDelay = 15...30
        return settings
    }
}
