import FactoryModel
import Foundation
@testable import NodeRegistry
import Testing

/// The Prometheus adapter's JSON reading and joining, on canned answers.
@Suite("Prometheus answers")
struct PrometheusParsingTests {
    private func vector(_ series: [(labels: String, value: String)]) -> Data {
        let result = series.map { #"{"metric":{\#($0.labels)},"value":[1746069165.5,"\#($0.value)"]}"# }.joined(separator: ",")
        return Data(#"{"status":"success","data":{"resultType":"vector","result":[\#(result)]}}"#.utf8)
    }

    @Test("an instant vector, with NaN and infinities as Prometheus writes them")
    func vectorValues() throws {
        let samples = try PrometheusVector.decode(vector([
            (#""instance":"a:9100","job":"node""#, "42.5"), (#""instance":"b:9100""#, "NaN"),
            (#""instance":"c:9100""#, "+Inf"), (#""instance":"d:9100""#, "-Inf"), (#""instance":"e:9100""#, "1e3"),
        ]), query: "cpu_util")
        #expect(samples.count == 5)
        #expect(samples[0] == PrometheusSample(labels: ["instance": "a:9100", "job": "node"], timestamp: 1_746_069_165.5, value: 42.5))
        #expect(samples[1].value.isNaN)
        #expect(samples[2].value == .infinity)
        #expect(samples[3].value == -.infinity)
        #expect(samples[4].value == 1000)
    }

    @Test("error status, wrong result type and malformed answers say what and where")
    func failures() {
        let cases: [(String, String)] = [
            (#"{"status":"error","errorType":"bad_data","error":"parse error at char 5: unexpected \u001b"}"#,
             "Prometheus error bad_data: parse error at char 5: unexpected ? (query cpu_util)"),
            (#"{"status":"success","data":{"resultType":"matrix","result":[]}}"#,
             "malformed JSON at data.resultType (query cpu_util): expected an instant vector, got 'matrix'; the query must return one series per node or GPU"),
            (#"{"status":"success","data":{"resultType":"scalar","result":[1746069165.5,"1"]}}"#,
             "malformed JSON at data.resultType (query cpu_util): expected an instant vector, got 'scalar'; the query must return one series per node or GPU"),
            (#"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"fast"]}]}}"#,
             "malformed JSON at data.result[0].value[1] (query cpu_util): expected a number as text, got 'fast'"),
            (#"{"status":"success","data":{"resultType":"vector","result":[{"metric":{"a":1},"value":[1,"1"]}]}}"#,
             "malformed JSON at data.result[0].metric.a (query cpu_util): expected a string"),
            (#"{"status":"success"}"#, "malformed JSON at data (query cpu_util): missing"),
            (#"{"status":"maybe","data":{}}"#, "malformed JSON at status (query cpu_util): expected success or error, got 'maybe'"),
            (#"{"status":"error"}"#, "Prometheus error unknown: (no message) (query cpu_util)"),
            (#"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"val"#,
             "malformed JSON at (document) (query cpu_util): not valid JSON (cut short or not JSON at all)"),
        ]
        for (json, message) in cases {
            do {
                _ = try PrometheusVector.decode(Data(json.utf8), query: "cpu_util")
                Issue.record("decoded \(json)")
            } catch {
                #expect(error.description == message)
            }
        }
    }

    private let labels = PrometheusLabels()
    private let evaluatedAt = Date(timeIntervalSince1970: 1_746_069_165)

    private func sample(_ labels: [String: String], _ value: Double, at time: Double = 1_746_069_165) -> PrometheusSample {
        PrometheusSample(labels: labels, timestamp: time, value: value)
    }

    @Test("series are joined into nodes: placement, status, GPUs, kind")
    func assemble() throws {
        var answers = PrometheusAnswers()
        let nodeA = ["instance": "gpu-a:9100", "job": "node", "site": "dakhla", "pool": "dakhla-gpu"]
        let nodeB = ["instance": "cpu-b:9100", "job": "node", "site": "rabat"]
        let nodeC = ["instance": "edge-c:9100", "job": "node", "kind": "edge"]
        answers.up = [sample(nodeA, 1), sample(nodeB, 1), sample(nodeC, 0)]
        answers.heartbeat = [sample(nodeA, 1_746_069_160), sample(nodeC, 1_746_069_100)]
        answers.cpuUtil = [sample(["instance": "gpu-a:9100"], 31.5), sample(["instance": "cpu-b:9100"], -0.4),
                           sample(["instance": "nameless"], .nan)]
        answers.memUtil = [sample(nodeA, 62), sample(nodeB, 101.2)]
        let gpu0 = ["Hostname": "gpu-a", "gpu": "0", "modelName": "NVIDIA H100 80GB HBM3", "instance": "gpu-a:9400"]
        let gpu1 = ["Hostname": "gpu-a", "gpu": "1", "modelName": "NVIDIA H100 80GB HBM3", "instance": "gpu-a:9400"]
        answers.gpuUtil = [sample(gpu1, 55), sample(gpu0, 97), sample(["Hostname": "gpu-a"], 5)]
        answers.gpuMemUsed = [sample(gpu0, 71_234), sample(gpu1, 100)]
        answers.gpuMemFree = [sample(gpu0, 10_325), sample(gpu1, .nan)]
        answers.gpuTemp = [sample(gpu0, 71)]
        answers.gpuPower = [sample(gpu0, 612.5), sample(gpu1, 88)]

        let nodes = PrometheusNodeAssembler.nodes(from: answers, labels: labels, evaluatedAt: evaluatedAt)
        #expect(nodes.map(\.name) == ["cpu-b", "edge-c", "gpu-a", "nameless"])
        let a = try #require(nodes.first { $0.name == "gpu-a" })
        #expect(a.id == "gpu-a")
        #expect(a.site == "dakhla" && a.pool == "dakhla-gpu")
        #expect(a.kind == .gpu && a.status == .up)
        #expect(a.heartbeatAt == Date(timeIntervalSince1970: 1_746_069_160))
        #expect(a.cpuUtil == 31.5 && a.memUtil == 62)
        #expect(a.gpus == [
            GPUSample(index: 0, model: "NVIDIA H100 80GB HBM3", util: 97, memUsedMiB: 71_234, memTotalMiB: 81_559, tempC: 71, powerW: 612.5),
            GPUSample(index: 1, model: "NVIDIA H100 80GB HBM3", util: 55, memUsedMiB: 100, memTotalMiB: 100, tempC: 0, powerW: 88),
        ])
        let b = try #require(nodes.first { $0.name == "cpu-b" })
        #expect(b.kind == .cpu && b.site == "rabat" && b.pool == "unknown")
        #expect(b.cpuUtil == 0 && b.memUtil == 100)  // clamped
        #expect(b.heartbeatAt == Date(timeIntervalSince1970: 1_746_069_165))  // from the up sample
        let c = try #require(nodes.first { $0.name == "edge-c" })
        #expect(c.status == .down, "up == 0 shows as down, not missing")
        #expect(c.kind == .edge && c.site == "unknown")
        let nameless = try #require(nodes.first { $0.name == "nameless" })
        #expect(nameless.cpuUtil == 0, "NaN reads as missing")
    }

    @Test("label names are configurable")
    func customLabels() {
        var answers = PrometheusAnswers()
        answers.up = [sample(["node": "n1", "dc": "benguerir", "tier": "gpu", "group": "bg-gpu", "instance": "10.0.0.1:9100"], 1)]
        answers.gpuUtil = [sample(["host": "n1", "card": "3", "Hostname": "ignored"], 12)]
        let custom = PrometheusLabels(node: "node", gpuNode: ["host"], site: "dc", pool: "group", kind: "tier", gpuIndex: "card", gpuModel: "sku")
        let nodes = PrometheusNodeAssembler.nodes(from: answers, labels: custom, evaluatedAt: evaluatedAt)
        #expect(nodes.count == 1)
        #expect(nodes[0].name == "n1" && nodes[0].site == "benguerir" && nodes[0].pool == "bg-gpu" && nodes[0].kind == .gpu)
        #expect(nodes[0].gpus.map(\.index) == [3])
        #expect(nodes[0].gpus[0].model == "unknown")
    }

    @Test("instance names lose their port only", arguments: [
        ("host:9100", "host"), ("10.0.0.5:9100", "10.0.0.5"), ("[::1]:9100", "::1"), ("fe80::1", "fe80::1"),
        ("host", "host"), ("host:http", "host:http"),
    ])
    func hostNames(instance: String, name: String) {
        #expect(PrometheusNodeAssembler.hostName(instance) == name)
    }
}
