import Foundation

/// The figures the hardening tests report (hostile inputs tried, faults injected, racing operations run, records
/// lost): one line per test on standard output, `hardening: …`, summed by `Tests/scripts/hardening-figures.sh`.
enum HardeningFigures {
    static func record(
        hostileInputs: Int = 0, faultsInjected: Int = 0, racingOperations: Int = 0, recordsLost: Int = 0,
        test: String = #function
    ) {
        print(
            "hardening: hostile=\(hostileInputs) faults=\(faultsInjected) racing=\(racingOperations) lost=\(recordsLost) "
                + "test=\(test.prefix { $0 != "(" })"
        )
    }
}
