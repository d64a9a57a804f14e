import FactoryModel
import Foundation
@testable import NodeRegistry
import PropertyBased
import Testing

/// The registry decoders on random input: valid documents survive a round trip exactly; anything else (a
/// document cut short, bytes flipped, dropped or inserted, nesting without end) gives a ``RegistryProblem``,
/// never a crash. `make test` runs a few hundred cases; `make fuzz` runs `$FUSION_FUZZ_SCALE` times more.
@Suite("Registry decoders on random input")
struct DecoderPropertyTests {
    @Test("random Fusion documents survive encode then decode, compact and pretty")
    func fusionRoundTrip() async {
        await propertyCheck(count: FuzzBudget.cases(150), input: Gen<UInt64>.value()) { seed in
            var random = SplitMix(seed: seed)
            let document = RandomRegistry.document(&random)
            let pretty = random.next() & 1 == 0
            let data = FusionRegistryJSON.encode(document, pretty: pretty)
            do {
                let decoded = try FusionRegistryJSON.decode(data)
                #expect(decoded == document)
            } catch {
                Issue.record("a valid document was refused: \(error)")
            }
        }
    }

    @Test("mutated Fusion documents decode or fail with a problem, never crash")
    func fusionMutations() async {
        await propertyCheck(count: FuzzBudget.cases(400), input: Gen<UInt64>.value()) { seed in
            var random = SplitMix(seed: seed)
            let original = FusionRegistryJSON.encode(RandomRegistry.document(&random, maxNodes: 4), pretty: random.next() & 1 == 0)
            let mutated = RandomRegistry.mutate(original, &random)
            switch Result(catching: { () throws(RegistryProblem) in try FusionRegistryJSON.decode(mutated) }) {
            case .success(let decoded):
                // Whatever was accepted must be a document the console can use: it encodes and reads back the same.
                let reread = Result { () throws(RegistryProblem) in try FusionRegistryJSON.decode(FusionRegistryJSON.encode(decoded)) }
                #expect((try? reread.get()) == decoded)
                for node in decoded.nodes {
                    #expect(!node.id.isEmpty && (0...100).contains(node.cpuUtil) && (0...100).contains(node.memUtil))
                }
            case .failure(let problem):
                #expect(!problem.description.isEmpty)
            }
        }
    }

    @Test("random Prometheus vectors read back exactly; mutated ones fail with a problem")
    func prometheusVectors() async {
        await propertyCheck(count: FuzzBudget.cases(300), input: Gen<UInt64>.value()) { seed in
            var random = SplitMix(seed: seed)
            let samples = (0..<Int(random.next() % 6)).map { _ in RandomRegistry.prometheusSample(&random) }
            let data = RandomRegistry.vectorAnswer(samples)
            do {
                let decoded = try PrometheusVector.decode(data, query: "q")
                #expect(decoded.count == samples.count)
                for (read, written) in zip(decoded, samples) {
                    #expect(read.labels == written.labels && read.timestamp == written.timestamp)
                    #expect(read.value == written.value || (read.value.isNaN && written.value.isNaN))
                }
            } catch {
                Issue.record("a valid answer was refused: \(error)")
            }
            let mutated = RandomRegistry.mutate(data, &random)
            if case .failure(let problem) = Result(catching: { () throws(RegistryProblem) in try PrometheusVector.decode(mutated, query: "q") }) {
                #expect(!problem.description.isEmpty)
            }
        }
    }

    @Test("Prometheus series of any shape join into nodes a screen can draw")
    func prometheusAssembly() async {
        await propertyCheck(count: FuzzBudget.cases(200), input: Gen<UInt64>.value()) { seed in
            var random = SplitMix(seed: seed)
            var answers = PrometheusAnswers()
            func series() -> [PrometheusSample] { (0..<Int(random.next() % 5)).map { _ in RandomRegistry.prometheusSample(&random) } }
            answers.up = series()
            answers.heartbeat = series()
            answers.cpuUtil = series()
            answers.memUtil = series()
            answers.gpuUtil = series()
            answers.gpuMemUsed = series()
            answers.gpuMemFree = series()
            answers.gpuTemp = series()
            answers.gpuPower = series()
            let nodes = PrometheusNodeAssembler.nodes(from: answers, labels: PrometheusLabels(), evaluatedAt: Date(timeIntervalSince1970: 1_746_069_165))
            #expect(Set(nodes.map(\.id)).count == nodes.count, "node ids are unique")
            for node in nodes {
                #expect((0...100).contains(node.cpuUtil) && (0...100).contains(node.memUtil), "\(node)")
                #expect(Set(node.gpus.map(\.index)).count == node.gpus.count)
                for gpu in node.gpus {
                    #expect((0...100).contains(gpu.util), "\(gpu)")
                    let finite = [gpu.memUsedMiB, gpu.memTotalMiB, gpu.tempC, gpu.powerW].allSatisfy { $0.isFinite }
                    #expect(finite, "\(gpu)")
                }
            }
        }
    }

    @Test("nesting without end is refused with a clear error, not a stack overflow", arguments: [1_000, 100_000])
    func deepNesting(depth: Int) {
        let open = String(repeating: "[", count: depth)
        let fusion = Data(#"{"schema_version":1,"generated_at":"2025-05-01T03:12:45Z","extra":\#(open)"#.utf8)
        #expect {
            _ = try FusionRegistryJSON.decode(fusion)
        } throws: { error in
            (error as? RegistryProblem)?.description.contains("nested") == true
        }
        let closed = open + String(repeating: "]", count: depth)
        let balanced = Data(#"{"schema_version":1,"generated_at":"2025-05-01T03:12:45Z","nodes":[],"x":\#(closed)}"#.utf8)
        #expect(throws: RegistryProblem.self) { try FusionRegistryJSON.decode(balanced) }
        let prometheus = Data(#"{"status":"success","data":{"resultType":"vector","result":\#(closed)}}"#.utf8)
        #expect(throws: RegistryProblem.self) { try PrometheusVector.decode(prometheus, query: "q") }
    }

    @Test("a number too large for a Double is refused, not read as infinity (found by the fuzzer)")
    func overflowingNumber() throws {
        var node = Fixtures.nodes(count: 1, gpusPerNode: 1, allGPU: true)[0]
        node.gpus[0].tempC = 71.5
        let text = String(decoding: Fixtures.document([node]), as: UTF8.self).replacingOccurrences(of: "71.5", with: "28.6e5097")
        #expect(throws: RegistryProblem.malformed(path: "nodes[0].gpus[0].temp_c", reason: "expected a number, got one too large to hold")) {
            try FusionRegistryJSON.decode(Data(text.utf8))
        }
    }

    @Test("unknown values nested a little are still skipped")
    func modestNestingIsFine() throws {
        let nested = String(repeating: "[{\"a\":", count: 40) + "1" + String(repeating: "}]", count: 40)
        let data = Data(#"{"schema_version":1,"generated_at":"2025-05-01T03:12:45Z","nodes":[],"x":\#(nested)}"#.utf8)
        #expect(try FusionRegistryJSON.decode(data).nodes.isEmpty)
    }
}

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
