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
        let tr = state.tr
        let now = state.now
        let separator = " \(glyphs.separator) "
        let arrow = charset == .utf8 ? " → " : " -> "
        let runState = stateText(run.state, glyphs: glyphs, tr: tr)
        let rule = ListRule(
            title: [.init(run.id.description, .title), .init(separator, .dim),
                    .init(runState.text.trimmingCharacters(in: .whitespaces), runState.style)],
            trailing: [.init(tr.word(run.priority), priorityStyle(run.priority)),
                       .init(separator + tr("submitted \(ListFormat.relative(run.submittedAt, now: now, tr))"), .dim)]
        )
        let institute = state.store?.institutes.first { $0.id == run.instituteID }?.name ?? run.instituteID
        var placement: [StyledLine.Part] = [.init(tr("pool ")), .init(run.poolID, .info)]
        if let node = run.node { placement += [.init(tr(" on "), .dim), .init(node)] }
        if let target = run.rerouteTo { placement += [.init(arrow + tr("moving to "), .warn), .init(target, .warn)] }
        let asks = [run.gpus > 0 ? ListFormat.counted(run.gpus, "GPU", tr) : nil, ListFormat.counted(run.cpus, "core", tr)]
        placement.append(.init(separator + tr("asks ") + asks.compactMap { $0 }.joined(separator: ", "), .dim))
        let facts: [DetailPane.Item] = [
            .line(.field(tr("runs on"), placement)),
            .line(.field(tr("agent"), [.init(run.agent), .init(separator + tr("submitted by "), .dim), .init(run.submittedBy)])),
            .line(.field(tr("project"), [.init("\(run.projectID) "), .init(run.projectName),
                                     .init(separator, .dim), .init(institute, .dim)])),
        ]
        let story = timeline(run, now: now, glyphs: glyphs, arrow: arrow, tr: tr)
            + approvals(state.store?.selectedRunApprovals ?? [], run: run, now: now, glyphs: glyphs, tr: tr)
        let title = DetailPane.Item.paragraph(label: "title", text: run.title, style: .normal, maxLines: wide ? 3 : 2)
        return wide
            ? DetailPane(rule: rule, main: [title] + facts, side: story)
            : DetailPane(rule: rule, main: [title] + story + facts)
    }

    /// Submitted → started → ended, then the operators' requests and why the run ended.
    static func timeline(_ run: Run, now: Date, glyphs: GlyphSet, arrow: String, tr: Localizer) -> [DetailPane.Item] {
        var steps: [StyledLine.Part] = [.init(tr("submitted "), .dim), .init(ListFormat.moment(run.submittedAt, now: now))]
        if let started = run.startedAt {
            steps += [.init(arrow + tr("started "), .dim), .init(ListFormat.moment(started, now: now))]
        } else if !run.state.isTerminal {
            steps += [.init(arrow + tr("not started"), .dim)]
        }
        if let ended = run.endedAt {
            steps += [.init(arrow + tr("ended "), .dim), .init(ListFormat.moment(ended, now: now))]
            if let started = run.startedAt {
                steps.append(.init(tr(" (ran \(ListFormat.duration(ended.timeIntervalSince(started), tr)))"), .dim))
            }
        } else if let started = run.startedAt {
            steps.append(.init(tr(" (running \(ListFormat.duration(now.timeIntervalSince(started), tr)))"), .dim))
        }
        var items: [DetailPane.Item] = [.line(.field(tr("timeline"), steps))]
        if let request = run.cancelRequest {
            items.append(requestLine(request, label: tr("cancel"), verb: tr("asked by"), extra: nil, now: now, glyphs: glyphs, tr: tr))
        }
        if let request = run.rerouteRequest {
            items.append(requestLine(request, label: tr("reroute"), verb: tr("asked by"), extra: run.rerouteTo.map { tr("to \($0)") }, now: now, glyphs: glyphs, tr: tr))
        }
        if let reason = run.endReason, !reason.isEmpty {
            let style: StyleName = run.state == .failed ? .critical : .normal
            items.append(.paragraph(label: "end", text: "\(tr.word(run.state)): \(reason)", style: style, maxLines: 2))
        }
        return items
    }

    private static func requestLine(
        _ request: RunRequest, label: String, verb: String, extra: String?, now: Date, glyphs: GlyphSet, tr: Localizer
    ) -> DetailPane.Item {
        let separator = " \(glyphs.separator) "
        var parts: [StyledLine.Part] = [.init(ListFormat.moment(request.at, now: now)), .init(" \(verb) ", .dim), .init(request.by, .info)]
        if let extra { parts.append(.init(" " + extra)) }
        parts += [.init(separator + tr("why: "), .dim), .init(request.reason)]
        return .line(.field(label, parts))
    }

    /// The run's approvals: id, state, risk, and who decided what.
    static func approvals(_ approvals: [Approval], run: Run, now: Date, glyphs: GlyphSet, tr: Localizer) -> [DetailPane.Item] {
        guard !approvals.isEmpty else {
            return run.state == .awaitingApproval ? [.line(.field(tr("approvals"), tr("loading…"), .dim))] : []
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
                .init(approval.id.description + " "), .init(tr.word(approval.state), stateStyle),
                .init(" " + tr.word(approval.risk), approval.risk == .high ? .critical : (approval.risk == .medium ? .warn : .normal)),
                .init("  " + tr("\(approval.approvers.count) of \(approval.requiredApprovals) approved"), .dim),
            ]
            if approval.state == .pending {
                let due = approval.isOverdue(at: now) ? tr("overdue") : tr("due in \(ListFormat.duration(approval.dueAt.timeIntervalSince(now), tr))")
                parts.append(.init(separator + due, approval.isOverdue(at: now) ? .critical : .dim))
            }
            items.append(.line(.field(index == 0 ? tr("approvals") : "", parts)))
            items.append(.line(.field("", approval.subject, .normal)))
            if approval.state == .pending {
                items.append(.paragraph(label: "", text: tr("proposes: ") + approval.proposedAction, style: .dim, maxLines: 2))
                items.append(.paragraph(label: "", text: tr("because: ") + approval.rationale, style: .dim, maxLines: 3))
            }
            for decision in approval.decisions {
                let mark = decision.verdict == .approve ? glyphs.ok : glyphs.fail
                var who = decision.decidedBy
                if let via = decision.via { who += tr(" via \(via)") }
                var line: [StyledLine.Part] = [
                    .init("  \(mark) ", decision.verdict == .approve ? .ok : .critical),
                    .init(decision.verdict == .approve ? tr("approved by ") : tr("rejected by "), .dim), .init(who, .info),
                    .init(" " + ListFormat.moment(decision.at, now: now), .dim),
                ]
                if let reason = decision.reason, !reason.isEmpty { line += [.init(separator + tr("why: "), .dim), .init(reason)] }
                items.append(.line(.field("", line)))
            }
        }
        return items
    }
}
