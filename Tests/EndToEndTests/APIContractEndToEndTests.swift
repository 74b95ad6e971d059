import Foundation
import Testing

/// The OpenAPI document against the running server: Schemathesis (from PyPI,
/// installed by Tools/install-deps.sh) reads `/api/openapi.yaml` from a real
/// `ro serve` and sends what the document allows and what it does not, as a
/// leader and as an officer. Every answer must be documented, match its
/// schema and its content type, never be a server error, and a request the
/// document does not allow must be refused. (Schemathesis's `ignored_auth`
/// check is left out: its wrong passwords would lock the login for the rest of
/// the run, as the throttle should; APITests covers 401 and 429.)
@Suite struct APIContractEndToEndTests {
    /// ASCII: Schemathesis sends HTTP Basic in Latin-1 only.
    static let password = "mat-khau-du-dai-57"
    static let checks = [
        "not_a_server_error", "status_code_conformance", "content_type_conformance", "response_schema_conformance",
        "negative_data_rejection",
    ]

    /// The Nhơn Trạch plan loaded, a leader and an officer with passwords, and
    /// KH07-1 (the document's example id) accepted and reported on.
    static func prepare(_ ro: RoRunner) async throws {
        let steps: [[String]] = [
            ["init", "--admin", "quantri", "--name", "Quản trị viên"],
            ["plan", "load", ReminderYearEndToEndTests.plan, "--as", "quantri"],
            ["user", "add", "chutich", "--name", "Nguyễn Văn An", "--role", "leader", "--as", "quantri"],
            ["user", "add", "lan", "--name", "Trần Thị Lan", "--role", "officer", "--unit", "vhxh", "--as", "quantri"],
            ["assign", "KH07-1", "--title", "Tuyên truyền Nghị quyết 57-NQ/TW", "--lead", "vhxh", "--due", "2026-12-31", "--as", "chutich"],
            ["accept", "KH07-1", "--as", "lan"],
            ["report", "KH07-1", "--period", "2026-11", "--summary", "Đã tổ chức 2 hội nghị", "--as", "lan"],
        ]
        for step in steps {
            let result = try await ro.runWaiting(step)
            try #require(result.status == 0, "ro \(step.joined(separator: " ")): \(result.stderr)")
        }
        for login in ["chutich", "lan"] {
            let result = try await RoRunner.execute(
                URL(fileURLWithPath: "/bin/sh"), ["-c", "printf '%s\\n' '\(password)' | \"$RO\" user password \(login) --as quantri"],
                environment: ["RO_DB": ro.db, "RO_NOW": ro.now, "RO": RoRunner.binary.path], waiting: true)
            try #require(result.status == 0, "ro user password \(login): \(result.stderr)")
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func theServerAnswersAsItsOpenAPIDocumentSays() async throws {
        let ro = try RoRunner()
        ro.now = "2026-11-12T09:00:00+07:00"
        try await Self.prepare(ro)
        let port = try Daemon.freePort()
        try await Daemon.with(
            RoRunner.binary, ["serve", "--port", "\(port)", "--no-scheduler"], environment: ["RO_DB": ro.db, "RO_NOW": ro.now],
            port: port, ready: "/api/openapi.yaml"
        ) { server in
            for login in ["chutich", "lan"] {
                let result = try await Self.schemathesis(port: port, login: login, folder: ro.folder)
                print(result.stdout.suffix(1_500))
                #expect(result.status == 0, "Schemathesis as \(login) found faults:\n\(result.stdout.suffix(6_000))\(result.stderr.suffix(2_000))")
                #expect(result.stdout.contains("API Operations:") && result.stdout.contains("Tested: 19"), "\(result.stdout.suffix(2_000))")
            }
            #expect(server.process.isRunning, "ro serve stopped during the run: \(server.output)")
        }
        #expect(try await ro.runWaiting(["verify"]).status == 0)
    }

    /// `st run` through the Python that has it, with a fixed seed and no example database kept.
    static func schemathesis(port: Int, login: String, folder: URL) async throws -> RoRunner.Result {
        let env = URL(fileURLWithPath: "/usr/bin/env")
        let check = try await RoRunner.execute(env, ["python3", "-c", "import schemathesis"], environment: [:], waiting: true)
        try #require(check.status == 0, "Schemathesis is missing: run Tools/install-deps.sh (pip install schemathesis). \(check.stderr)")
        let script = "import sys; from schemathesis.cli import schemathesis; sys.argv[0] = 'st'; sys.exit(schemathesis())"
        return try await RoRunner.execute(
            env,
            [
                "python3", "-c", script, "--no-color", "run", "http://127.0.0.1:\(port)/api/openapi.yaml", "--url", "http://127.0.0.1:\(port)",
                "--auth", "\(login):\(password)", "--max-examples", "10", "--seed", "57",
                "--checks", checks.joined(separator: ","), "--generation-database", "none",
            ],
            environment: ["PYTHONUNBUFFERED": "1"], directory: folder, waiting: true)
    }
}
