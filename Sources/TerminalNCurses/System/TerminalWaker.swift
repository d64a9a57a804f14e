/// Wakes ``NCursesTerminal/nextInput(timeout:)`` from any thread, so that the loop reads results
/// (store data, registry samples, action outcomes) as soon as they arrive.
///
/// Wakes that come before the loop waits again are merged into one ``TerminalInput/wake``.
/// Calling ``wake()`` after the terminal has stopped is harmless.
public struct TerminalWaker: Sendable {
    let channel: SelfPipe

    /// Makes the loop's current or next wait return ``TerminalInput/wake``.
    public func wake() {
        channel.post(0)
    }
}
