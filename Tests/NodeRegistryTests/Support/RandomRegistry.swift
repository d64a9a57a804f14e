import FactoryModel
import Foundation
@testable import NodeRegistry

/// How many random cases a property runs: `base` in `make test`, `base × $FUSION_FUZZ_SCALE` in `make fuzz`.
enum FuzzBudget {
    static func cases(_ base: Int) -> Int {
        let scale = ProcessInfo.processInfo.environment["FUSION_FUZZ_SCALE"].flatMap(Int.init) ?? 1
        return base * min(100_000, max(1, scale))
    }
}

/// A small, fast, seeded generator (SplitMix64), so that one seed from PropertyBased rebuilds a whole case.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random registry documents, answers and mutations.
enum RandomRegistry {
    /// Scalars that stress a decoder and a terminal: quotes, backslashes, controls, C1, bidi, zero-width,
    /// lone-surrogate-adjacent and astral characters.
    static let awkward: [Unicode.Scalar] = [
        "\"", "\\", "/", "\u{0}", "\u{1B}", "\u{7}", "\n", "\r", "\t", "\u{7F}", "\u{85}", "\u{9B}", "\u{202E}", "\u{2066}",
        "\u{200B}", "\u{FEFF}", "\u{2028}", "\u{FFFD}", "\u{D7FF}", "\u{E000}", "\u{FFFF}", "\u{10000}", "\u{1F600}",
        "\u{10FFFF}", "é", "ⵜ", "漢", "ع",
    ]

    static func text(_ random: inout SplitMix, nonEmpty: Bool = false) -> String {
        let count = Int(random.next() % 12) + (nonEmpty ? 1 : 0)
        var scalars = String.UnicodeScalarView()
        for _ in 0..<count {
            let pick = random.next()
            switch pick % 3 {
            case 0: scalars.append(awkward[Int(pick / 3 % UInt64(awkward.count))])
            case 1: scalars.append(Unicode.Scalar(UInt8(0x20 + pick / 3 % 0x5F)))
            default: scalars.append(Unicode.Scalar(UInt32(pick / 3 % 0x110000)) ?? "x")
            }
        }
        return String(scalars)
    }

    static func number(_ random: inout SplitMix, in range: ClosedRange<Double>) -> Double {
        let unit = Double(random.next() >> 11) / Double(1 << 53)
        switch random.next() % 4 {
        case 0: return range.lowerBound
        case 1: return range.upperBound
        case 2: return (range.lowerBound + unit * (range.upperBound - range.lowerBound)).rounded()
        default: return range.lowerBound + unit * (range.upperBound - range.lowerBound)
        }
    }

    static func date(_ random: inout SplitMix) -> Date {
        Date(timeIntervalSince1970: Double(random.next() % 4_000_000_000))
    }

    static func document(_ random: inout SplitMix, maxNodes: UInt64 = 6) -> FusionRegistryJSON.Document {
        let nodes = (0..<Int(random.next() % (maxNodes + 1))).map { index in
            let kind = ResourceKind.allCases[Int(random.next() % UInt64(ResourceKind.allCases.count))]
            let gpus = (0..<Int(random.next() % 4)).map { gpu in
                GPUSample(
                    index: gpu * 2, model: text(&random), util: number(&random, in: 0...100),
                    memUsedMiB: number(&random, in: 0...1e6), memTotalMiB: number(&random, in: 0...1e6),
                    tempC: number(&random, in: -50...150), powerW: number(&random, in: 0...5000)
                )
            }
            return NodeSample(
                id: "\(index)-" + text(&random), name: text(&random, nonEmpty: true), site: text(&random), pool: text(&random),
                kind: kind, status: NodeStatus.allCases[Int(random.next() % UInt64(NodeStatus.allCases.count))],
                heartbeatAt: date(&random), cpuUtil: number(&random, in: 0...100), memUtil: number(&random, in: 0...100), gpus: gpus
            )
        }
        return FusionRegistryJSON.Document(generatedAt: date(&random), nodes: nodes)
    }

    static func prometheusSample(_ random: inout SplitMix) -> PrometheusSample {
        var labels: [String: String] = [:]
        let names = ["instance", "job", "site", "pool", "kind", "Hostname", "gpu", "modelName", "node", "__name__"]
        for _ in 0..<Int(random.next() % 5) {
            let name = random.next() % 4 == 0 ? text(&random) : names[Int(random.next() % UInt64(names.count))]
            labels[name] = random.next() % 3 == 0 ? String(random.next() % 4) : text(&random)
        }
        let special: [Double] = [.nan, .infinity, -.infinity, -1, 0, 100, 101, 1e308, -1e308, .leastNonzeroMagnitude]
        let value = random.next() % 3 == 0 ? special[Int(random.next() % UInt64(special.count))] : number(&random, in: -10...200)
        return PrometheusSample(labels: labels, timestamp: Double(random.next() % 4_000_000_000) / 4, value: value)
    }

    /// A `/api/v1/query` answer holding `samples`, written as Prometheus writes numbers.
    static func vectorAnswer(_ samples: [PrometheusSample]) -> Data {
        func text(_ value: Double) -> String {
            if value.isNaN { return "NaN" }
            if value == .infinity { return "+Inf" }
            if value == -.infinity { return "-Inf" }
            return "\(value)"
        }
        let result: [[String: Any]] = samples.map { sample in
            ["metric": sample.labels, "value": [sample.timestamp, text(sample.value)] as [Any]]
        }
        let answer: [String: Any] = ["status": "success", "data": ["resultType": "vector", "result": result]]
        return (try? JSONSerialization.data(withJSONObject: answer)) ?? Data()
    }

    /// `data` damaged in one to four ways: bytes flipped, dropped, duplicated or inserted (JSON punctuation
    /// most of all), or the whole cut short.
    static func mutate(_ data: Data, _ random: inout SplitMix) -> Data {
        var bytes = [UInt8](data)
        let punctuation = Array("{}[]\":,\\-0123456789.eEtfn u".utf8) + [0x00, 0x1B, 0x80, 0xC0, 0xFF, 0xED, 0xA0]
        for _ in 0..<Int(random.next() % 4 + 1) {
            guard !bytes.isEmpty else { break }
            let at = Int(random.next() % UInt64(bytes.count))
            switch random.next() % 5 {
            case 0: bytes[at] = punctuation[Int(random.next() % UInt64(punctuation.count))]
            case 1: bytes.remove(at: at)
            case 2: bytes.insert(punctuation[Int(random.next() % UInt64(punctuation.count))], at: at)
            case 3: bytes.removeSubrange(at...)
            default:
                let end = min(bytes.count, at + Int(random.next() % 40))
                bytes.insert(contentsOf: bytes[at..<end], at: at)
            }
        }
        return Data(bytes)
    }
}
