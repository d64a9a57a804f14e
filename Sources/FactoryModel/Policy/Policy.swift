/// The rules every operator action must satisfy, as pure functions over values. The action gate in the store
/// applies them inside the transaction that makes the change, so the rules and the data they judge agree.
public enum Policy {
    /// Refuses when `role` is below what `action` needs.
    public static func checkRole(_ role: Role, actor: Actor, for action: OperatorAction) throws(ActionError) {
        guard role >= action.minimumRole else {
            throw .notPermitted(
                "\(actor) is \(role.withArticle) and may not \(action.name); that needs the \(action.minimumRole.rawValue) role "
                    + "(an admin can grant it with `fusion-console operators grant \(actor.account) \(action.minimumRole.rawValue)`)."
            )
        }
    }

    /// Four-eyes: nobody decides on a run they submitted or an approval they requested, and nobody decides twice.
    public static func checkFourEyes(actor: Actor, approval: Approval) throws(ActionError) {
        if actor.account == approval.runSubmittedBy || actor.account == approval.requestedBy {
            throw .notPermitted(
                "\(actor.account) submitted or requested \(approval.id) and may not decide it (four-eyes rule); "
                    + "another supervisor must."
            )
        }
        if let earlier = approval.decisions.first(where: { $0.decidedBy == actor.account }) {
            throw .conflict(
                "\(actor.account) already decided \(approval.id) (\(earlier.verdict.rawValue) at \(ISO8601.string(from: earlier.at))); "
                    + "a second approval must come from another supervisor."
            )
        }
    }

    /// Refuses a decision on an approval that is no longer pending, naming who decided and when.
    public static func checkPending(_ approval: Approval) throws(ActionError) {
        guard approval.state != .pending else { return }
        throw .conflict(finalStateMessage(approval))
    }

    /// "A-4821 is already approved by sup-eau at 2026-11-21T03:12:00.000Z."
    public static func finalStateMessage(_ approval: Approval) -> String {
        let at = approval.decidedAt.map { " at \(ISO8601.string(from: $0))" } ?? ""
        switch approval.state {
        case .approved:
            let who = approval.approvers.joined(separator: " and ")
            return "\(approval.id) is already approved by \(who.isEmpty ? "someone else" : who)\(at); nothing changed."
        case .rejected:
            let who = approval.decisions.last(where: { $0.verdict == .reject })?.decidedBy ?? "someone else"
            return "\(approval.id) is already rejected by \(who)\(at); nothing changed."
        case .expired:
            return "\(approval.id) expired at its deadline \(ISO8601.string(from: approval.dueAt)); nothing changed."
        case .withdrawn:
            return "\(approval.id) was withdrawn (its run was cancelled)\(at); nothing changed."
        case .pending:
            return "\(approval.id) is still pending."
        }
    }

    /// The approval's state once `verdict` is added to its decisions: one reject ends it; approve completes it when
    /// enough distinct supervisors have approved.
    public static func stateAfter(_ verdict: Verdict, on approval: Approval, by account: String) -> ApprovalState {
        switch verdict {
        case .reject:
            return .rejected
        case .approve:
            let approvers = Set(approval.approvers).union([account])
            return approvers.count >= approval.requiredApprovals ? .approved : .pending
        }
    }

    /// The state a cancel moves `run` to, or a conflict when it has already ended or is being cancelled.
    public static func stateAfterCancel(_ run: Run) throws(ActionError) -> RunState {
        guard let next = run.state.stateAfterCancel else {
            throw .conflict("\(run.id) is \(run.state.label)\(endedSuffix(run)); it cannot be cancelled. Nothing changed.")
        }
        return next
    }

    /// The state a reroute moves `run` to, after checking the target pool fits it.
    public static func stateAfterReroute(_ run: Run, to target: Pool) throws(ActionError) -> RunState {
        guard let next = run.state.stateAfterReroute else {
            throw .conflict("\(run.id) is \(run.state.label)\(endedSuffix(run)); it cannot be rerouted. Nothing changed.")
        }
        guard target.id != run.poolID else {
            throw .invalidInput("\(run.id) is already on \(target.id); choose another pool.")
        }
        guard target.fits(gpus: run.gpus, cpus: run.cpus) else {
            let needs = run.gpus > 0 ? "\(run.gpus) GPU(s) and \(run.cpus) cores" : "\(run.cpus) cores"
            throw .invalidInput(
                "\(target.id) is a \(target.kind.label) pool with \(target.gpuCapacity) GPUs and \(target.cpuCapacity) cores; "
                    + "\(run.id) needs \(needs). Choose a pool that fits."
            )
        }
        return next
    }

    private static func endedSuffix(_ run: Run) -> String {
        guard let endedAt = run.endedAt else { return "" }
        return " since \(ISO8601.string(from: endedAt))"
    }
}
