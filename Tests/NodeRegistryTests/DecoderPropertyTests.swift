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
