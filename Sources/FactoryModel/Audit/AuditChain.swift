import Crypto
import Foundation

/// Hashing and verification of the audit trail. Each record's hash covers its own fields and the previous
/// record's hash, so altering, removing or reordering any record breaks every link after it.
public enum AuditChain {
    /// The previous hash of the first record.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The canonical encoding hashed for a record: a version tag, then each field as `byte-length:value\n`
    /// in a fixed order, so no two different records encode alike.
    public static func canonicalEncoding(
        seq: Int64, at: Date, actor: String, via: String?, action: String, subject: String, outcome: AuditOutcome,
        details: String, prevHash: String
    ) -> String {
        let fields = [
            String(seq), ISO8601.string(from: at), actor, via ?? "", action, subject, outcome.rawValue, details, prevHash,
        ]
        var text = "fusion-audit-v1\n"
        for field in fields {
            text += "\(field.utf8.count):\(field)\n"
        }
        return text
    }

    /// Builds the record that follows `previous` (nil for the first), with its hash.
    public static func seal(_ entry: AuditEntry, at: Date, after previous: (seq: Int64, hash: String)?) -> AuditRecord {
        let seq = (previous?.seq ?? 0) + 1
        let prevHash = previous?.hash ?? genesisHash
        let details = entry.detailsJSON
        let millisecondAt = Date(epochMilliseconds: at.epochMilliseconds)
        let hash = hashOf(
            seq: seq, at: millisecondAt, actor: entry.actor.account, via: entry.actor.via, action: entry.action,
            subject: entry.subject, outcome: entry.outcome, details: details, prevHash: prevHash
        )
        return AuditRecord(
            seq: seq, at: millisecondAt, actor: entry.actor.account, via: entry.actor.via, action: entry.action,
            subject: entry.subject, outcome: entry.outcome, details: details, prevHash: prevHash, hash: hash
        )
    }

    /// SHA-256, hex, of the record's canonical encoding (``canonicalEncoding(seq:at:actor:via:action:subject:outcome:details:prevHash:)``,
    /// built here directly as bytes: verifying a trail of a million records hashes each of them).
    public static func hashOf(
        seq: Int64, at: Date, actor: String, via: String?, action: String, subject: String, outcome: AuditOutcome,
        details: String, prevHash: String
    ) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(160 + actor.utf8.count + subject.utf8.count + details.utf8.count)
        bytes.append(contentsOf: "fusion-audit-v1\n".utf8)
        func field(_ value: String) {
            appendDecimal(value.utf8.count, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(contentsOf: value.utf8)
            bytes.append(UInt8(ascii: "\n"))
        }
        field(String(seq))
        field(ISO8601.string(from: at))
        field(actor)
        field(via ?? "")
        field(action)
        field(subject)
        field(outcome.rawValue)
        field(details)
        field(prevHash)
        return hex(SHA256.hash(data: bytes))
    }

    private static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        if value >= 10 { appendDecimal(value / 10, to: &bytes) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func hex(_ digest: SHA256.Digest) -> String {
        String(unsafeUninitializedCapacity: 64) { buffer in
            var index = 0
            for byte in digest {
                buffer[index] = hexDigits[Int(byte >> 4)]
                buffer[index + 1] = hexDigits[Int(byte & 0x0F)]
                index += 2
            }
            return index
        }
    }

    /// Recomputes a stored record's hash.
    public static func expectedHash(of record: AuditRecord) -> String {
        hashOf(
            seq: record.seq, at: record.at, actor: record.actor, via: record.via, action: record.action,
            subject: record.subject, outcome: record.outcome, details: record.details, prevHash: record.prevHash
        )
    }
}

/// The first place the audit chain is broken.
public struct AuditBreak: Error, Sendable, Equatable, CustomStringConvertible {
    /// The sequence number of the first record that does not check out.
    public var seq: Int64
    /// What is wrong with it.
    public var problem: String

    /// Creates a break report.
    public init(seq: Int64, problem: String) {
        self.seq = seq
        self.problem = problem
    }

    public var description: String { "audit record \(seq): \(problem)" }
}

/// Walks the chain one record at a time, in sequence order, without holding it all in memory.
public struct AuditVerifier: Sendable {
    private var previous: (seq: Int64, hash: String)?
    /// Records checked so far.
    public private(set) var checked: Int64 = 0

    /// Starts at the beginning of the chain.
    public init() {}

    /// Checks the next record; returns the break if it does not follow the previous one or its hash is wrong.
    public mutating func check(_ record: AuditRecord) -> AuditBreak? {
        let expectedSeq = (previous?.seq ?? 0) + 1
        if record.seq != expectedSeq {
            return AuditBreak(
                seq: record.seq,
                problem: record.seq > expectedSeq
                    ? "records \(expectedSeq)…\(record.seq - 1) are missing (removed?)"
                    : "out of order: expected record \(expectedSeq)"
            )
        }
        let expectedPrev = previous?.hash ?? AuditChain.genesisHash
        if record.prevHash != expectedPrev {
            return AuditBreak(seq: record.seq, problem: "does not link to record \(expectedSeq - 1) (inserted or reordered?)")
        }
        if AuditChain.expectedHash(of: record) != record.hash {
            return AuditBreak(seq: record.seq, problem: "its contents were altered (hash mismatch)")
        }
        previous = (record.seq, record.hash)
        checked += 1
        return nil
    }

    /// The last record that checked out.
    public var head: (seq: Int64, hash: String)? { previous }
}
