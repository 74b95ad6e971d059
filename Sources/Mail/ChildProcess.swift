import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs one program with Foundation's `Process`: arguments as an array (no
/// shell), the given bytes on its standard input, its standard output and error
/// captured together, and a time limit after which it is killed.
///
/// Standard input is written on a thread of its own, with SIGPIPE blocked on
/// that thread, so a child that exits without reading cannot kill this process
/// and a child that does not read cannot block the caller past the time limit.
/// The output is read on another thread until end of file, so a chatty child
/// never blocks on a full pipe. A third thread watches for the child's end with
/// `waitid`, so a daemon the child leaves behind does not hold the caller.
enum ChildProcess {
    /// How the child ended.
    enum Ending: Equatable {
        /// It exited with this status.
        case exited(Int32)
        /// It was killed by this signal (not by us).
        case signaled(Int32)
        /// It ran past the time limit and was killed with this signal.
        case timedOut(signal: Int32)
        /// The calling task was cancelled and the child was killed with this signal.
        case cancelled(signal: Int32)
    }

    struct Result {
        var ending: Ending
        /// The first bytes of standard output and error, as text.
        var output: String
        /// Whether all of the input was written and standard input closed.
        var inputWritten: Bool
    }

    /// Starts `executable` and waits for it to end.
    /// - Throws: whatever `Process.run()` throws when the program cannot be started.
    static func run(
        executable: String, arguments: [String], input: Data, timeout: Duration,
        outputLimit: Int = 4096, grace: Duration = .seconds(1)
    ) async throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let inputPipe = Pipe()
        let outputPipe = Pipe()
        process.standardInput = inputPipe
        process.standardOutput = outputPipe
        process.standardError = outputPipe
        let state = ChildState(outputLimit: outputLimit)
        process.terminationHandler = { child in
            state.exited(bySignal: child.terminationReason == .uncaughtSignal, status: child.terminationStatus)
        }
        try process.run()
        // `run()` has closed our copies of the child's ends of both pipes.
        let pid = process.processIdentifier
        state.started(pid: pid)
        // `Process` learns of the end only when every process holding the socket
        // it gives the child has exited, which includes a daemon the program
        // forked (an MTA's delivery process). Watch the child itself, without
        // reaping it, so `Process` still can.
        Thread { Self.watch(pid, into: state) }.start()

        let writer = inputPipe.fileHandleForWriting
        Thread { state.inputDone(written: Self.writeAll(input, to: writer)) }.start()
        let reader = outputPipe.fileHandleForReading
        Thread { Self.readAll(from: reader, into: state) }.start()

        // The timer runs on a dispatch queue, not as a task: a cooperative pool
        // kept busy by others must not keep a hanging program alive.
        let timer = DispatchWorkItem { state.kill(because: .timeout) }
        let (seconds, attoseconds) = timeout.components
        Self.timers.asyncAfter(
            deadline: .now() + .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)),
            execute: timer)
        await withTaskCancellationHandler {
            await state.waitForExit()
        } onCancel: {
            state.kill(because: .cancellation)
        }
        timer.cancel()
        // A grandchild (a daemon the program forked) may hold the pipes open:
        // wait a moment for the threads, not for ever.
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: grace)
        while !state.threadsFinished, clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
        return state.result()
    }

    /// Where the timeouts of all children fire.
    private static let timers = DispatchQueue(label: "ro.mail.child-timeouts")

    /// Waits for the child to end, leaving it to be reaped by `Process`.
    private static func watch(_ pid: pid_t, into state: ChildState) {
        var info = siginfo_t()
        var result: Int32
        repeat {
            result = waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT)
        } while result == -1 && errno == EINTR
        // ECHILD: `Process` reaped it first, and its handler reports the end.
        guard result == 0 else { return }
        #if canImport(Glibc)
            let status = info._sifields._sigchld.si_status
        #else
            let status = info.si_status
        #endif
        state.exited(bySignal: info.si_code != CLD_EXITED, status: status)
    }

    /// Writes all of `data` and closes the handle; `false` when the reader went away.
    private static func writeAll(_ data: Data, to handle: FileHandle) -> Bool {
        let fd = handle.fileDescriptor
        var blocked = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGPIPE)
        #if canImport(Darwin)
            _ = fcntl(fd, F_SETNOSIGPIPE, 1)
        #else
            pthread_sigmask(SIG_BLOCK, &blocked, nil)
        #endif
        var complete = true
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n > 0 {
                    offset += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    complete = false
                    break
                }
            }
        }
        try? handle.close()
        #if !canImport(Darwin)
            if !complete {
                // Take the SIGPIPE the failed write left pending on this thread.
                var zero = timespec(tv_sec: 0, tv_nsec: 0)
                while sigtimedwait(&blocked, nil, &zero) == SIGPIPE {}
            }
        #endif
        return complete
    }

    private static func readAll(from handle: FileHandle, into state: ChildState) {
        let fd = handle.fileDescriptor
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n > 0 {
                state.appendOutput(buffer[0..<n])
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        try? handle.close()
        state.outputDone()
    }
}
