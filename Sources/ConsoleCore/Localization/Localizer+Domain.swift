import FactoryModel

/// The words of the domain's states as the console shows them. The identifiers themselves (`queued` in
/// `state:queued`, the roles, the audit's action names) stay in English: they are typed and stored as they are.
extension Localizer {
    /// A run state: `awaiting approval`, `attend décision`.
    public func word(_ state: RunState) -> String { template(state.label) }

    /// An approval state: `pending`, `à décider`.
    public func word(_ state: ApprovalState) -> String { template(state.rawValue) }

    /// A risk's short word: `HIGH`, `HAUT`.
    public func word(_ risk: Risk) -> String { template(risk.shortLabel) }

    /// A priority: `urgent`, `high`, `haute`.
    public func word(_ priority: RunPriority) -> String { template(priority.name) }

    /// A project's phase: `pilot`, `pilote`.
    public func word(_ phase: ProjectPhase) -> String { template(phase.rawValue) }
}
