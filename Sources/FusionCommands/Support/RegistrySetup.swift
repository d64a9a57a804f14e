import Foundation
import FusionConfig
import NodeRegistry

/// Builds the registry client's configuration from the config file and `--registry`.
enum RegistrySetup {
    /// The configuration, or nil when no registry is named anywhere.
    static func configuration(_ settings: RegistrySettings, url override: String?) throws(CommandFailure) -> RegistryConfiguration? {
        guard let url = override ?? settings.url else { return nil }
        let endpoint: RegistryEndpoint
        do {
            endpoint = try RegistryEndpoint.parse(url: url)
        } catch {
            throw .usage(error.description)
        }
        let http = HTTPOptions(
            caFile: settings.caFile, clientCert: settings.clientCert, clientKey: settings.clientKey,
            bearerTokenFile: settings.tokenFile, connectTimeout: settings.connectTimeout, totalTimeout: settings.timeout,
            maxResponseBytes: settings.maxResponseBytes, proxy: settings.proxy
        )
        return RegistryConfiguration(endpoint: endpoint, http: http, prometheus: try prometheus(settings))
    }

    private static func prometheus(_ settings: RegistrySettings) throws(CommandFailure) -> PrometheusSettings {
        var queries = PrometheusQueries()
        for (key, query) in settings.prometheusQueries {
            switch key {
            case "up": queries.up = query
            case "heartbeat": queries.heartbeat = query
            case "cpu_util": queries.cpuUtil = query
            case "mem_util": queries.memUtil = query
            case "gpu_util": queries.gpuUtil = query
            case "gpu_mem_used": queries.gpuMemUsed = query
            case "gpu_mem_free": queries.gpuMemFree = query
            case "gpu_temp": queries.gpuTemp = query
            case "gpu_power": queries.gpuPower = query
            default:
                let known = PrometheusQueries().named.map(\.key).joined(separator: ", ")
                throw .usage("Unknown query \"\(key)\" in [registry.prometheus.queries]; known: \(known).")
            }
        }
        var labels = PrometheusLabels()
        for (key, label) in settings.prometheusLabels {
            switch key {
            case "node": labels.node = label
            case "gpu_node": labels.gpuNode = label.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            case "site": labels.site = label
            case "pool": labels.pool = label
            case "kind": labels.kind = label
            case "gpu_index": labels.gpuIndex = label
            case "gpu_model": labels.gpuModel = label
            default:
                throw .usage(
                    "Unknown label \"\(key)\" in [registry.prometheus.labels]; known: node, gpu_node, site, pool, kind, gpu_index, gpu_model."
                )
            }
        }
        return PrometheusSettings(queries: queries, labels: labels)
    }
}
