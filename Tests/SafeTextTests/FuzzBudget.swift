import Foundation

/// How many random cases a property runs: `base` in `make test`, `base × $FUSION_FUZZ_SCALE` in `make fuzz`.
enum FuzzBudget {
    static func cases(_ base: Int) -> Int {
        let scale = ProcessInfo.processInfo.environment["FUSION_FUZZ_SCALE"].flatMap(Int.init) ?? 1
        return base * min(100_000, max(1, scale))
    }
}
