import Foundation
import FactoryModel
import FactoryStore
import FactoryTestSupport
import GRDB

/// Hostile text for every field the console shows: terminal escapes (clear screen, colours, set-title, OSC 52
/// clipboard write, DCS, reset, leaving the alternate screen), C0 and C1 controls, DEL, bidi overrides and
/// isolates, zero-width characters. Each payload follows its field's label, so that `label + payload` arriving
/// whole at the terminal is the proof of an injection.
enum Hostile {
    /// The payloads, each a separate attack.
    static let payloads: [String] = [
        "\u{1B}[2J",                  // clear screen
        "\u{1B}[31;1;4m",             // red, bold, underlined
        "\u{1B}]0;pwned\u{07}",       // set the window title (OSC 0)
        "\u{1B}]52;c;ZXZpbA==\u{07}", // write the clipboard (OSC 52)
        "\u{1B}P+q544e\u{1B}\\",      // DCS: ask the terminal for terminfo
        "\u{1B}c",                    // full reset
        "\u{1B}[?1049l",              // leave the alternate screen
        "\u{9B}31m",                  // C1 CSI
        "\u{9D}2;title\u{9C}",        // C1 OSC .. ST
        "\u{07}\u{08}\u{7F}\u{0D}",   // BEL, BS, DEL, CR
        "\u{202E}txet desrever\u{202C}", // right-to-left override
        "\u{2067}isolate\u{2069}",    // right-to-left isolate
        "\u{200B}\u{200D}\u{2060}\u{FEFF}", // zero-width space, joiner, word joiner, BOM
    ]

    /// A field value: `label` before each payload, e.g. `RT\e[2JRT\e[31;1;4m…`.
    static func field(_ label: String) -> String {
        payloads.map { label + $0 }.joined() + label
    }

    /// The byte sequences that must never reach the terminal for a field labelled `label` (payloads with a
    /// control in them; the bidi and zero-width ones are caught by ``forbiddenAnywhere``).
    static func injections(_ label: String) -> [[UInt8]] {
        payloads.filter { $0.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } }
            .map { Array((label + $0).utf8) }
    }

    /// Scalars that must not reach the terminal from anywhere, as UTF-8: C1 controls, bidi embeddings,
    /// overrides and isolates, zero-width characters, the BOM, line and paragraph separators.
    static let forbiddenAnywhere: [(name: String, bytes: [UInt8])] = {
        var scalars: [UInt32] = Array(0x80...0x9F)
        scalars += Array(0x200B...0x200F) + Array(0x2028...0x202E) + Array(0x2060...0x2069) + [0xFEFF, 0x061C]
        return scalars.compactMap { value in
            Unicode.Scalar(value).map { ("U+" + String(value, radix: 16, uppercase: true), Array(String($0).utf8)) }
        }
    }()

    /// Seeds `fixture`'s store with hostile text in every field the dashboard and the command line show: an
    /// institute and its project, a running run awaiting a high-risk approval (title, agent, submitter, subject,
    /// proposed action, rationale, requester), a queued run whose title is invalid UTF-8, and an audit record
    /// (actor, action, subject, details). Returns the approval.
    @discardableResult
    static func seed(_ fixture: StoreFixture, now: Date = Date()) throws -> ApprovalID {
        try fixture.store.bulkLoad { db in
            try db.execute(
                sql: "INSERT INTO institutes VALUES ('hostile-institute', ?, ?, 'water', ?, 0)",
                arguments: [field("IN"), field("IR"), field("IU")]
            )
            try db.execute(
                sql: """
                    INSERT INTO projects (id, institute_id, name, sector, phase, health, gpu_hours_budget, gpu_hours_used,
                                          next_milestone)
                    VALUES (66, 'hostile-institute', ?, ?, 'pilot', 'red', 100, 90, ?)
                    """,
                arguments: [field("PN"), field("PS"), field("PM")]
            )
        }
        let runtime = RuntimeService(store: fixture.store, clock: FixedClock(now.addingTimeInterval(-60)))
        let run = try runtime.submit(NewRun(
            agent: field("AG"), title: field("RT"), projectID: ProjectID(rawValue: 66), priority: .urgent, poolID: "dakhla-gpu",
            gpus: 1, cpus: 4, submittedBy: field("SB"), submittedAt: now.addingTimeInterval(-60)
        ))
        try runtime.start(run, node: field("ND"))
        let approval = try runtime.requestApproval(NewApproval(
            runID: run, subject: field("SJ"), proposedAction: field("PA"), rationale: field("RA") + "\n" + field("RB"),
            risk: .high, requestedBy: field("RQ"), requestedAt: now.addingTimeInterval(-30),
            dueAt: now.addingTimeInterval(10 * 365 * 86_400)
        ))
        let broken = try runtime.submit(NewRun(
            agent: "utf8-agent", title: "placeholder", projectID: ProjectID(rawValue: 66), priority: .high, poolID: "dakhla-gpu",
            gpus: 1, cpus: 1, submittedBy: "utf8-agent", submittedAt: now.addingTimeInterval(-50)
        ))
        try fixture.store.bulkLoad { db in
            // Bytes that are not UTF-8 (a lone continuation byte, an overlong ESC, a cut sequence) in a TEXT column.
            try db.execute(
                sql: "UPDATE runs SET title = CAST(X'55384d80c09b5b324a55384d2045e2' AS TEXT) WHERE id = ?",
                arguments: [broken.rawValue]
            )
        }
        _ = try fixture.store.transaction { tx in
            try tx.appendAudit(
                AuditEntry(
                    actor: Actor(account: field("AA"), via: field("AV")), action: field("AC"), subject: field("AS"), outcome: .ok,
                    details: ["reason": field("AD"), field("AK"): "x"]
                ),
                at: now.addingTimeInterval(-10)
            )
        }
        return approval
    }
}
