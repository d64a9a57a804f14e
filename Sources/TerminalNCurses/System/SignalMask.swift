import Glibc

/// The calling thread's signal mask.
public enum SignalMask {
    /// Unblocks `signals` on the calling thread (threads it starts later inherit the mask). A process started by one
    /// that blocks them (a Swift program's `Process`, some supervisors) inherits that mask and would otherwise never
    /// see them: Ctrl-C, a hang-up or a `kill` would be held pending.
    public static func unblock(_ signals: [Int32]) {
        var set = sigset_t()
        sigemptyset(&set)
        for number in signals { sigaddset(&set, number) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}
