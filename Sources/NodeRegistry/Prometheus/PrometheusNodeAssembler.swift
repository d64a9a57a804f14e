import FactoryModel
import Foundation

/// The answers of the Prometheus queries of one poll, each an instant vector.
public struct PrometheusAnswers: Sendable, Equatable {
    /// `up` per node target.
    public var up: [PrometheusSample] = []
    /// Last scrape time per node target.
    public var heartbeat: [PrometheusSample] = []
    /// CPU utilisation per node.
    public var cpuUtil: [PrometheusSample] = []
    /// Memory utilisation per node.
    public var memUtil: [PrometheusSample] = []
    /// Utilisation per GPU.
    public var gpuUtil: [PrometheusSample] = []
    /// Frame-buffer memory used per GPU (MiB).
    public var gpuMemUsed: [PrometheusSample] = []
    /// Frame-buffer memory free per GPU (MiB).
    public var gpuMemFree: [PrometheusSample] = []
    /// Temperature per GPU.
    public var gpuTemp: [PrometheusSample] = []
    /// Power per GPU.
    public var gpuPower: [PrometheusSample] = []

    /// Creates empty answers.
    public init() {}
}

/// Joins the series of one poll into nodes.
///
/// Rules (also in `docs/registry-api.md`):
/// - A node is named by ``PrometheusLabels/node`` (GPU series: the first of
///   ``PrometheusLabels/gpuNode`` present), with any `:port` removed; series without it are skipped.
/// - `up == 0` on any of a node's targets makes it `down`; it is still listed, never dropped.
/// - NaN and infinite values count as missing; a missing value reads 0. Percentages are clamped to
///   0–100 (rates over a window can overshoot a little).
/// - Site and pool come from their labels on any of the node's series, else `unknown`; kind from
///   its label when it is `gpu`, `cpu` or `edge`, else `gpu` for a node with GPU series and `cpu`.
/// - Nodes are sorted by name, GPUs by index.
public enum PrometheusNodeAssembler {
    /// Builds the nodes. `evaluatedAt` stands in for a heartbeat the answers do not give.
    public static func nodes(from answers: PrometheusAnswers, labels: PrometheusLabels, evaluatedAt: Date) -> [NodeSample] {
        var builders: [String: NodeBuilder] = [:]

        func node(for sample: PrometheusSample, names: [String]) -> String? {
            for label in names {
                if let value = sample.labels[label], !value.isEmpty { return hostName(value) }
            }
            return nil
        }
        func visit(_ samples: [PrometheusSample], gpu: Bool, _ apply: (inout NodeBuilder, PrometheusSample) -> Void) {
            for sample in samples {
                guard let name = node(for: sample, names: gpu ? labels.gpuNode : [labels.node]) else { continue }
                apply(&builders[name, default: NodeBuilder(name: name)], sample)
            }
        }

        visit(answers.up, gpu: false) { builder, sample in
            builder.learnPlacement(sample.labels, labels)
            if sample.value == 0 { builder.anyTargetDown = true }
            builder.sampleTime = max(builder.sampleTime ?? 0, sample.timestamp)
        }
        visit(answers.heartbeat, gpu: false) { builder, sample in
            builder.learnPlacement(sample.labels, labels)
            if sample.value.isFinite { builder.heartbeat = max(builder.heartbeat ?? 0, sample.value) }
        }
        visit(answers.cpuUtil, gpu: false) { builder, sample in
            builder.learnPlacement(sample.labels, labels)
            if sample.value.isFinite { builder.cpuUtil = sample.value }
        }
        visit(answers.memUtil, gpu: false) { builder, sample in
            builder.learnPlacement(sample.labels, labels)
            if sample.value.isFinite { builder.memUtil = sample.value }
        }
        let gpuMetrics: [(samples: [PrometheusSample], field: WritableKeyPath<GPUBuilder, Double?>)] = [
            (answers.gpuUtil, \.util), (answers.gpuMemUsed, \.memUsed), (answers.gpuMemFree, \.memFree),
            (answers.gpuTemp, \.temp), (answers.gpuPower, \.power),
        ]
        for (samples, field) in gpuMetrics {
            visit(samples, gpu: true) { builder, sample in
                guard let text = sample.labels[labels.gpuIndex], let index = Int(text), index >= 0 else { return }
                builder.learnPlacement(sample.labels, labels)
                var gpu = builder.gpus[index, default: GPUBuilder()]
                if let model = sample.labels[labels.gpuModel], !model.isEmpty { gpu.model = model }
                if sample.value.isFinite { gpu[keyPath: field] = sample.value }
                builder.gpus[index] = gpu
            }
        }

        let fallbackTime = evaluatedAt.timeIntervalSince1970
        return builders.values
            .map { $0.sample(fallbackTime: fallbackTime) }
            .sorted { $0.name < $1.name }
    }

    /// `host` from `host:9100`, `[::1]:9100` or `host`; an IPv6 address without brackets is kept whole.
    public static func hostName(_ instance: String) -> String {
        if instance.hasPrefix("["), let close = instance.firstIndex(of: "]") {
            return String(instance[instance.index(after: instance.startIndex)..<close])
        }
        let colons = instance.filter { $0 == ":" }.count
        guard colons == 1, let colon = instance.lastIndex(of: ":"),
              instance[instance.index(after: colon)...].allSatisfy(\.isNumber)
        else { return instance }
        return String(instance[..<colon])
    }
}

private struct GPUBuilder {
    var model: String?
    var util: Double?
    var memUsed: Double?
    var memFree: Double?
    var temp: Double?
    var power: Double?
}

private struct NodeBuilder {
    let name: String
    var site: String?
    var pool: String?
    var kindLabel: ResourceKind?
    var anyTargetDown = false
    var sampleTime: Double?
    var heartbeat: Double?
    var cpuUtil: Double?
    var memUtil: Double?
    var gpus: [Int: GPUBuilder] = [:]

    init(name: String) { self.name = name }

    mutating func learnPlacement(_ series: [String: String], _ labels: PrometheusLabels) {
        if site == nil, let value = series[labels.site], !value.isEmpty { site = value }
        if pool == nil, let value = series[labels.pool], !value.isEmpty { pool = value }
        if kindLabel == nil, let value = series[labels.kind] { kindLabel = ResourceKind(rawValue: value.lowercased()) }
    }

    func sample(fallbackTime: Double) -> NodeSample {
        let gpuSamples = gpus.keys.sorted().map { index -> GPUSample in
            let gpu = gpus[index]!
            let used = gpu.memUsed ?? 0
            return GPUSample(
                index: index, model: gpu.model ?? "unknown", util: percent(gpu.util),
                memUsedMiB: max(0, used), memTotalMiB: max(0, used + (gpu.memFree ?? 0)),
                tempC: gpu.temp ?? 0, powerW: max(0, gpu.power ?? 0))
        }
        return NodeSample(
            id: name, name: name, site: site ?? "unknown", pool: pool ?? "unknown",
            kind: kindLabel ?? (gpuSamples.isEmpty ? .cpu : .gpu),
            status: anyTargetDown ? .down : .up,
            heartbeatAt: Date(timeIntervalSince1970: heartbeat ?? sampleTime ?? fallbackTime),
            cpuUtil: percent(cpuUtil), memUtil: percent(memUtil), gpus: gpuSamples)
    }

    private func percent(_ value: Double?) -> Double { min(100, max(0, value ?? 0)) }
}
