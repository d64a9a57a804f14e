import FactoryModel

extension ConsoleState {
    /// The red banner of the stop button, on every screen while any pause is active or awaiting confirmation:
    /// one line per pause, or one line naming them all when there are more than two. The reason and names come
    /// from the store (untrusted): the grid sanitises every string it draws.
    var pauseBanners: [Banner] {
        let pauses = (store?.pauses ?? []).filter { $0.state != .lifted }.sorted { $0.id < $1.id }
        guard !pauses.isEmpty else { return [] }
        if pauses.count > 2 {
            let names = pauses.map {
                $0.needsConfirmation ? tr("\($0.label) (\($0.id), unconfirmed)") : "\($0.label) (\($0.id))"
            }
            return [Banner(text: tr("PAUSED \(pauses.count): \(names.joined(separator: ", ")) · see `fusion-console pauses`"),
                           severity: .critical)]
        }
        return pauses.map { pause in
            if pause.needsConfirmation {
                return Banner(
                    text: tr("SITE PAUSE \(pause.target) AWAITS A SECOND SUPERVISOR: :confirm \(pause.id) · asked by \(pause.requestedBy): \(pause.reason)"),
                    severity: .critical
                )
            }
            let text = pause.mode == .drain
                ? tr("PAUSED \(pause.label) (\(pause.id), draining) by \(pause.requestedBy): \(pause.reason) · nothing new starts there")
                : tr("PAUSED \(pause.label) (\(pause.id)) by \(pause.requestedBy): \(pause.reason) · nothing new starts there")
            return Banner(
                text: text,
                severity: .critical
            )
        }
    }
}
