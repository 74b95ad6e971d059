import ArgumentParser
import Foundation

/// Prints one line to standard error and exits with `status`.
func fail(_ message: String, _ status: ExitStatus) -> Never {
    FileHandle.standardError.write(Data("ro: \(message)\n".utf8))
    exit(status.rawValue)
}

// Arguments must be UTF-8: Swift would quietly repair them, and a repaired
// name or summary is not what the person typed.
var arguments: [String] = []
for index in 1..<Int(CommandLine.argc) {
    guard let pointer = CommandLine.unsafeArgv[index], let argument = String(validatingCString: pointer) else {
        fail("tham số thứ \(index) không phải UTF-8 hợp lệ", .dataError)
    }
    arguments.append(argument)
}

/// Runs a command that waits (the scheduler loop, sendmail): its `async` `run`.
func runAsync<Command: AsyncParsableCommand>(_ command: Command) async throws {
    var command = command
    try await command.run()
}

do {
    var command = try Ro.parseAsRoot(arguments)
    if let long = command as? any AsyncParsableCommand {
        try await runAsync(long)
    } else {
        try command.run()
    }
} catch let failure as Failure {
    fail(failure.message, failure.status)
} catch {
    let code = Ro.exitCode(for: error)
    if code == .success {
        print(Ro.fullMessage(for: error))
        exit(0)
    }
    let line = Ro.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
    fail(UsageText.vietnamese(line), .usage)
}
