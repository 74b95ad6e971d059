import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the threads around one child process share: its end, its output, whether
/// its input was written. Every access holds the lock.
final class ChildState: @unchecked Sendable {
    enum KillReason {
        case timeout
        case cancellation
    }

    private let lock = NSLock()
    private let outputLimit: Int
    private var pid: pid_t = 0
    private var ending: ChildProcess.Ending?
    private var killReason: KillReason?
    private var continuation: CheckedContinuation<Void, Never>?
    private var output: [UInt8] = []
    private var outputFinished = false
    private var inputFinished = false
    private var inputComplete = false

    init(outputLimit: Int) {
        self.outputLimit = outputLimit
    }

    func started(pid: pid_t) {
        lock.withLock { self.pid = pid }
    }

    /// Records how the child ended (the first report wins: ``ChildProcess``
    /// watches it with `waitid`, and `Process` reports it too, later).
    func exited(bySignal: Bool, status: Int32) {
        let waiting: CheckedContinuation<Void, Never>? = lock.withLock {
            guard ending == nil else { return nil }
            switch killReason {
            case .timeout: ending = .timedOut(signal: SIGKILL)
            case .cancellation: ending = .cancelled(signal: SIGKILL)
            case nil: ending = bySignal ? .signaled(status) : .exited(status)
            }
            defer { continuation = nil }
            return continuation
        }
        waiting?.resume()
    }

    /// Returns once the child has ended.
    func waitForExit() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ended: Bool = lock.withLock {
                if ending != nil { return true }
                self.continuation = continuation
                return false
            }
            if ended { continuation.resume() }
        }
    }

    /// Kills the child's process group with SIGKILL (`Process` makes the child a
    /// group leader, so a script's own children die with it). Not SIGTERM: the
    /// child inherits the signal mask of the thread that started it, where SIGTERM
    /// may be blocked.
    func kill(because reason: KillReason) {
        lock.withLock {
            guard ending == nil, pid > 0, killReason == nil else { return }
            killReason = reason
            signalChild(SIGKILL)
        }
    }

    /// Holds the lock.
    private func signalChild(_ signal: Int32) {
        sendSignal(signal, to: getpgid(pid) == pid ? -pid : pid)
    }

    func appendOutput(_ bytes: ArraySlice<UInt8>) {
        lock.withLock {
            let room = outputLimit - output.count
            if room > 0 { output += bytes.prefix(room) }
        }
    }

    func outputDone() {
        lock.withLock { outputFinished = true }
    }

    func inputDone(written: Bool) {
        lock.withLock {
            inputFinished = true
            inputComplete = written
        }
    }

    var threadsFinished: Bool {
        lock.withLock { outputFinished && inputFinished }
    }

    /// The child's end and what it wrote; call after ``waitForExit()``.
    func result() -> ChildProcess.Result {
        lock.withLock {
            ChildProcess.Result(
                ending: ending ?? .exited(-1),
                output: String(decoding: output, as: UTF8.self),
                inputWritten: inputFinished && inputComplete)
        }
    }
}

/// `kill(2)`, out of reach of ``ChildState/kill(because:)``'s name.
private func sendSignal(_ signal: Int32, to pid: pid_t) {
    _ = kill(pid, signal)
}
