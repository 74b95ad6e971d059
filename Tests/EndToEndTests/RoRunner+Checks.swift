import Foundation
import Testing

/// Checks shared by the end-to-end suites: a run that must succeed, a run that
/// must be refused without writing anything, JSON read back, and the store file.
extension RoRunner {
    /// Runs `arguments` and expects exit 0 with nothing on standard error.
    @discardableResult
    func expectSuccess(
        _ arguments: [String], environment: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Result {
        let result = try run(arguments, environment: environment)
        #expect(result.status == 0, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.isEmpty, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    /// Runs `arguments` and expects a refusal: exit `status`, nothing on standard output,
    /// exactly one line `ro: …` containing `fragment` on standard error, and no event appended.
    @discardableResult
    func expectRefusal(
        _ arguments: [String], _ status: Int32, _ fragment: String, environment: [String: String] = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Result {
        let before = try eventCount()
        let result = try run(arguments, environment: environment)
        Self.checkRefusal(result, status, fragment, "\(arguments)", sourceLocation: sourceLocation)
        #expect(try eventCount() == before, "\(arguments) appended events", sourceLocation: sourceLocation)
        return result
    }

    /// `expectRefusal` for a shell script (raw bytes in arguments): `$RO` is the binary.
    @discardableResult
    func expectShellRefusal(
        _ script: String, _ status: Int32, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Result {
        let before = try eventCount()
        let result = try runShell(script)
        Self.checkRefusal(result, status, fragment, script, sourceLocation: sourceLocation)
        #expect(try eventCount() == before, "\(script) appended events", sourceLocation: sourceLocation)
        return result
    }

    /// The shape of every error: the status, one line `ro: …` on stderr, nothing on stdout.
    static func checkRefusal(
        _ result: Result, _ status: Int32, _ fragment: String, _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.status == status, "\(what): exit \(result.status), \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, "\(what): stdout \(result.stdout)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("ro: "), "\(what): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasSuffix("\n"), "\(what): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(
            result.stderr.split(separator: "\n", omittingEmptySubsequences: false).count == 2,
            "\(what): not one line: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(fragment), "\(what): \(result.stderr)", sourceLocation: sourceLocation)
    }

    /// A read command's `--json` output that must be an array of objects.
    func jsonArray(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        let result = try run(arguments + ["--json"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        return try #require(try result.json() as? [[String: Any]], "\(arguments): \(result.stdout)", sourceLocation: sourceLocation)
    }

    /// A read command's `--json` output that must be one object.
    func jsonObject(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let result = try run(arguments + ["--json"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        return try #require(try result.json() as? [String: Any], "\(arguments): \(result.stdout)", sourceLocation: sourceLocation)
    }

    /// The store file's bytes.
    func storeBytes() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: db)) }

    /// Whether SQLite's side files (`-wal`, `-shm`) exist beside the store.
    var sideFiles: [String] {
        ["-wal", "-shm"].map { db + $0 }.filter { FileManager.default.fileExists(atPath: $0) }
    }

    /// Runs SQL on the store with the sqlite3 shell (installed by Tools/install-deps.sh).
    @discardableResult
    func sqlite(_ sql: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Result {
        let result = try Self.execute(URL(fileURLWithPath: "/usr/bin/sqlite3"), [db, sql], environment: [:])
        try #require(result.status == 0, "sqlite3: \(result.stderr)", sourceLocation: sourceLocation)
        return result
    }
}

/// Comparing JSON output with the field names the README documents.
enum JSONShape {
    /// Every key of `object` is documented, and those always present are there.
    static func check(
        _ object: [String: Any], documented: Set<String>, always: Set<String>, _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let keys = Set(object.keys)
        #expect(keys.isSubset(of: documented), "\(what): undocumented \(keys.subtracting(documented).sorted())", sourceLocation: sourceLocation)
        #expect(keys.isSuperset(of: always), "\(what): missing \(always.subtracting(keys).sorted())", sourceLocation: sourceLocation)
    }

    /// Every key anywhere in `value` (but inside a stored event's `payload`) that is not snake_case.
    static func nonSnakeKeys(_ value: Any) -> [String] {
        if let array = value as? [Any] { return array.flatMap(nonSnakeKeys) }
        guard let object = value as? [String: Any] else { return [] }
        return object.flatMap { key, child -> [String] in
            let own = key.range(of: #"^[a-z][a-z0-9]*(_[a-z0-9]+)*$"#, options: .regularExpression) == nil ? [key] : []
            return own + (key == "payload" ? [] : nonSnakeKeys(child))
        }
    }

    /// Whether `value` is an instant as `--json` writes it: UTC ISO 8601 with milliseconds.
    static func isInstant(_ value: Any?) -> Bool {
        guard let text = value as? String else { return false }
        return text.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$"#, options: .regularExpression) != nil
    }
}
