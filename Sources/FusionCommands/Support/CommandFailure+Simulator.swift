import FactorySimulator

extension CommandFailure {
    /// The failure for a simulator that cannot start.
    init(_ error: SimulatorError) {
        switch error.kind {
        case .store, .listen: self.init(exitCode: Self.unavailableCode, message: error.message)
        case .notADemoStore: self.init(exitCode: Self.usageCode, message: error.message)
        case .alreadyRunning: self.init(exitCode: Self.conflictCode, message: error.message)
        }
    }
}
