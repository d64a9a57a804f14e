import FactoryModel
import Foundation

/// Writes a registry document as JSON, keys in the documented order.
///
/// Written by hand rather than with `JSONEncoder` for a stable key order and speed (the simulator
/// serves 10,000 nodes on every poll). Non-finite numbers are written as `null`, which a reader
/// rejects: a producer bug shows up instead of passing as a number.
struct FusionJSONWriter {
    private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    private var depth = 0
    private var isFirst = true

    init(pretty: Bool) {
        self.pretty = pretty
        bytes.reserveCapacity(4096)
    }

    var data: Data { Data(bytes) }

    mutating func write(_ document: FusionRegistryJSON.Document) {
        bytes.reserveCapacity(document.nodes.count * (pretty ? 2600 : 1400) + 128)
        open(UInt8(ascii: "{"))
        key("schema_version"); number(Double(document.schemaVersion))
        key("generated_at"); string(RFC3339.format(document.generatedAt))
        key("nodes"); open(UInt8(ascii: "["))
        for node in document.nodes {
            element()
            write(node)
        }
        close(UInt8(ascii: "]"))
        close(UInt8(ascii: "}"))
        if pretty { bytes.append(0x0A) }
    }

    private mutating func write(_ node: NodeSample) {
        open(UInt8(ascii: "{"))
        key("id"); string(node.id)
        key("name"); string(node.name)
        key("site"); string(node.site)
        key("pool"); string(node.pool)
        key("kind"); string(node.kind.rawValue)
        key("status"); string(node.status.rawValue)
        key("heartbeat_at"); string(RFC3339.format(node.heartbeatAt))
        key("cpu_util"); number(node.cpuUtil)
        key("mem_util"); number(node.memUtil)
        key("gpus"); open(UInt8(ascii: "["))
        for gpu in node.gpus {
            element()
            write(gpu)
        }
        close(UInt8(ascii: "]"))
        close(UInt8(ascii: "}"))
    }

    private mutating func write(_ gpu: GPUSample) {
        open(UInt8(ascii: "{"))
        key("index"); number(Double(gpu.index))
        key("model"); string(gpu.model)
        key("util"); number(gpu.util)
        key("mem_used_mib"); number(gpu.memUsedMiB)
        key("mem_total_mib"); number(gpu.memTotalMiB)
        key("temp_c"); number(gpu.tempC)
        key("power_w"); number(gpu.powerW)
        close(UInt8(ascii: "}"))
    }

    // MARK: - Structure

    /// Opens an object or array; its first member gets no comma.
    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        isFirst = true
    }

    /// Closes an object or array, on its own line when pretty and not empty.
    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if pretty, !isFirst { newline() }
        bytes.append(bracket)
        isFirst = false
    }

    /// Starts a member: a comma unless first, then a new line when pretty.
    private mutating func element() {
        if !isFirst { bytes.append(UInt8(ascii: ",")) }
        isFirst = false
        if pretty { newline() }
    }

    private mutating func key(_ name: StaticString) {
        element()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
    }

    private mutating func newline() {
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    // MARK: - Values

    private mutating func number(_ value: Double) {
        guard value.isFinite else {
            bytes.append(contentsOf: "null".utf8)
            return
        }
        if value == value.rounded(), abs(value) < 1e15 {
            bytes.append(contentsOf: String(Int64(value)).utf8)
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    private mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
            case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
            case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
            case 0..<0x20, 0x7F:
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(Self.hexDigit(byte >> 4))
                bytes.append(Self.hexDigit(byte & 0x0F))
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 48 + nibble : 87 + nibble
    }
}
