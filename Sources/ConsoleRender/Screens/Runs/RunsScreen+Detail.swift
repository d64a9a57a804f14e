import Foundation
import ConsoleCore
import FactoryModel
import SafeText

/// The runs screen's detail pane.
extension RunsScreen {
    /// The run's detail: its title, where it runs and what it asks for, who runs it for which project, its
    /// timeline and its approvals. On a narrow terminal (one column) the timeline and approvals come first.
    static func detail(_ run: Run, state: ConsoleState, charset: TerminalCharset, wide: Bool) -> DetailPane {
        let glyphs = GlyphSet.for(charset)
        let now = state.now
        let separator = " \(glyphs.separator) "
        let arrow = charset == .utf8 ? " → " : " -> "
        let runState = stateText(run.state, glyphs: glyphs)
        let rule = ListRule(
            title: [.init(run.id.description, .title), .init(separator, .dim),
                    .init(runState.text.trimmingCharacters(in: .whitespaces), runState.style)],
            trailing: [.init(run.priority.name, priorityStyle(run.priority)),
                       .init("\(separator)submitted \(ListFormat.relative(run.submittedAt, now: now))", .dim)]
        )
        let institute = state.store?.institutes.first { $0.id == run.instituteID }?.name ?? run.instituteID
        var placement: [StyledLine.Part] = [.init("pool "), .init(run.poolID, .info)]
        if let node = run.node { placement += [.init(" on ", .dim), .init(node)] }
        if let target = run.rerouteTo { placement += [.init(arrow + "moving to ", .warn), .init(target, .warn)] }
        let asks = [run.gpus > 0 ? ListFormat.counted(run.gpus, "GPU") : nil, ListFormat.counted(run.cpus, "core")]
        placement.append(.init(separator + "asks " + asks.compactMap { $0 }.joined(separator: ", "), .dim))
        let facts: [DetailPane.Item] = [
            .line(.field("runs on", placement)),
            .line(.field("agent", [.init(run.agent), .init("\(separator)submitted by ", .dim), .init(run.submittedBy)])),
            .line(.field("project", [.init("\(run.projectID) "), .init(run.projectName),
                                     .init(separator, .dim), .init(institute, .dim)])),
        ]
        let story = timeline(run, now: now, glyphs: glyphs, arrow: arrow)
            + approvals(state.store?.selectedRunApprovals ?? [], run: run, now: now, glyphs: glyphs)
        let title = DetailPane.Item.paragraph(label: "title", text: run.title, style: .normal, maxLines: wide ? 3 : 2)
        return wide
            ? DetailPane(rule: rule, main: [title] + facts, side: story)
            : DetailPane(rule: rule, main: [title] + story + facts)
    }

    /// Submitted → started → ended, then the operators' requests and why the run ended.
    static func timeline(_ run: Run, now: Date, glyphs: GlyphSet, arrow: String) -> [DetailPane.Item] {
        var steps: [StyledLine.Part] = [.init("submitted ", .dim), .init(ListFormat.moment(run.submittedAt, now: now))]
        if let started = run.startedAt {
            steps += [.init(arrow + "started ", .dim), .init(ListFormat.moment(started, now: now))]
        } else if !run.state.isTerminal {
            steps += [.init(arrow + "not started", .dim)]
        }
        if let ended = run.endedAt {
            steps += [.init(arrow + "ended ", .dim), .init(ListFormat.moment(ended, now: now))]
            if let started = run.startedAt {
                steps.append(.init(" (ran \(ListFormat.duration(ended.timeIntervalSince(started))))", .dim))
            }
        } else if let started = run.startedAt {
            steps.append(.init(" (running \(ListFormat.duration(now.timeIntervalSince(started))))", .dim))
        }
        var items: [DetailPane.Item] = [.line(.field("timeline", steps))]
        if let request = run.cancelRequest {
            items.append(requestLine(request, label: "cancel", verb: "asked by", extra: nil, now: now, glyphs: glyphs))
        }
        if let request = run.rerouteRequest {
            items.append(requestLine(request, label: "reroute", verb: "asked by", extra: run.rerouteTo.map { "to \($0)" }, now: now, glyphs: glyphs))
        }
        if let reason = run.endReason, !reason.isEmpty {
            let style: StyleName = run.state == .failed ? .critical : .normal
            items.append(.paragraph(label: "end", text: "\(run.state.label): \(reason)", style: style, maxLines: 2))
        }
        return items
    }

    private static func requestLine(
        _ request: RunRequest, label: String, verb: String, extra: String?, now: Date, glyphs: GlyphSet
    ) -> DetailPane.Item {
        let separator = " \(glyphs.separator) "
        var parts: [StyledLine.Part] = [.init(ListFormat.moment(request.at, now: now)), .init(" \(verb) ", .dim), .init(request.by, .info)]
        if let extra { parts.append(.init(" " + extra)) }
        parts += [.init(separator + "why: ", .dim), .init(request.reason)]
        return .line(.field(label, parts))
    }

    /// The run's approvals: id, state, risk, and who decided what.
    static func approvals(_ approvals: [Approval], run: Run, now: Date, glyphs: GlyphSet) -> [DetailPane.Item] {
        guard !approvals.isEmpty else {
            return run.state == .awaitingApproval ? [.line(.field("approvals", "loading…", .dim))] : []
        }
        let separator = " \(glyphs.separator) "
        var items: [DetailPane.Item] = []
        for (index, approval) in approvals.enumerated() {
            let stateStyle: StyleName = switch approval.state {
            case .pending: .warn
            case .approved: .ok
            case .rejected, .expired: .critical
            case .withdrawn: .dim
            }
            var parts: [StyledLine.Part] = [
                .init(approval.id.description + " "), .init(approval.state.rawValue, stateStyle),
                .init(" " + approval.risk.shortLabel, approval.risk == .high ? .critical : (approval.risk == .medium ? .warn : .normal)),
                .init("  \(approval.approvers.count) of \(approval.requiredApprovals) approved", .dim),
            ]
            if approval.state == .pending {
                let due = approval.isOverdue(at: now) ? "overdue" : "due in \(ListFormat.duration(approval.dueAt.timeIntervalSince(now)))"
                parts.append(.init(separator + due, approval.isOverdue(at: now) ? .critical : .dim))
            }
            items.append(.line(.field(index == 0 ? "approvals" : "", parts)))
            items.append(.line(.field("", approval.subject, .normal)))
            if approval.state == .pending {
                items.append(.paragraph(label: "", text: "proposes: " + approval.proposedAction, style: .dim, maxLines: 2))
                items.append(.paragraph(label: "", text: "because: " + approval.rationale, style: .dim, maxLines: 3))
            }
            for decision in approval.decisions {
                let mark = decision.verdict == .approve ? glyphs.ok : glyphs.fail
                var who = decision.decidedBy
                if let via = decision.via { who += " via \(via)" }
                var line: [StyledLine.Part] = [
                    .init("  \(mark) ", decision.verdict == .approve ? .ok : .critical),
                    .init(decision.verdict == .approve ? "approved by " : "rejected by ", .dim), .init(who, .info),
                    .init(" " + ListFormat.moment(decision.at, now: now), .dim),
                ]
                if let reason = decision.reason, !reason.isEmpty { line += [.init(separator + "why: ", .dim), .init(reason)] }
                items.append(.line(.field("", line)))
            }
        }
        return items
    }
}
