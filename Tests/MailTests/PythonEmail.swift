import Foundation

/// A message as Python's standard `email` package (with `email.policy.default`)
/// reads it: an independent parser to check rendered and delivered messages
/// against.
struct PythonEmail: Decodable {
    var subject: String?
    var from: [[String]]
    var to: [[String]]
    var date: String?
    var timestamp: Double?
    var messageID: String?
    var body: String?
    var contentType: String
    var charset: String?
    var headers: [[String]]
    var defects: [String]

    /// The decoded value of the first header named `name` (without case).
    func header(_ name: String) -> String? {
        headers.first { $0[0].caseInsensitiveCompare(name) == .orderedSame }?[1]
    }

    private static let script = #"""
        import sys, json, email
        from email import policy
        msg = email.message_from_bytes(sys.stdin.buffer.read(), policy=policy.default)
        def addresses(name):
            h = msg[name]
            return [[a.display_name, a.addr_spec] for a in h.addresses] if h is not None else []
        defects = [type(d).__name__ for d in msg.defects]
        for k, v in msg.items():
            defects += [k + ": " + type(d).__name__ for d in getattr(v, "defects", ())]
        part = msg.get_body(("plain",))
        date = msg["Date"]
        print(json.dumps({
            "subject": None if msg["Subject"] is None else str(msg["Subject"]),
            "from": addresses("From"),
            "to": addresses("To"),
            "date": date.datetime.isoformat() if date is not None and date.datetime else None,
            "timestamp": date.datetime.timestamp() if date is not None and date.datetime else None,
            "messageID": None if msg["Message-ID"] is None else str(msg["Message-ID"]),
            "body": part.get_content() if part is not None else None,
            "contentType": msg.get_content_type(),
            "charset": msg.get_content_charset(),
            "headers": [[k, str(v)] for k, v in msg.items()],
            "defects": defects,
        }, ensure_ascii=False))
        """#

    /// Runs `python3` (found on PATH) on `message`, on a thread of its own so
    /// the wait does not hold a thread of the cooperative pool.
    static func parse(_ message: Data) async throws -> PythonEmail {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try parseBlocking(message) }) }.start()
        }
    }

    private static func parseBlocking(_ message: Data) throws -> PythonEmail {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ro-python-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("message.eml")
        let errors = directory.appendingPathComponent("stderr.txt")
        try message.write(to: input)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardError = try FileHandle(forWritingTo: errors)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let said = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            throw PythonFailure(message: "python3 exited with \(process.terminationStatus): \(said)")
        }
        return try JSONDecoder().decode(PythonEmail.self, from: data)
    }
}

struct PythonFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
