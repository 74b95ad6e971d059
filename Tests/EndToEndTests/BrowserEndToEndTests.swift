import Foundation
import Testing

/// The web front in a real browser (headless Chromium through WebDriver)
/// against the built `ro serve`: an officer signs in on a phone-sized window,
/// reports the month with an evidence file, signs out; a leader approves the
/// report from the queue; the history, in the page and through the CLI, tells
/// who did it and from where. Screenshots land in `screenshots/`.
@Suite struct BrowserEndToEndTests {
    static let password = "mật-khẩu-đủ-dài-57"
    static let summary = "Đã tổ chức 2 hội nghị tuyên truyền Nghị quyết 57-NQ/TW cho cán bộ, đảng viên; phát 300 tờ rơi."
    static let output = "Biên bản hội nghị, ảnh tư liệu"
    static let screenshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("screenshots")

    /// The commune of the scenario: a unit, its officer, a leader with their
    /// web passwords, and KH-1 given to the unit and accepted.
    static func prepare(_ ro: RoRunner) async throws {
        let steps: [[String]] = [
            ["init", "--admin", "quantri", "--name", "Quản trị viên"],
            ["unit", "add", "vhxh", "--name", "Phòng Văn hóa – Xã hội", "--as", "quantri"],
            ["user", "add", "chutich", "--name", "Nguyễn Văn An", "--role", "leader", "--as", "quantri"],
            ["user", "add", "lan", "--name", "Trần Thị Lan", "--role", "officer", "--unit", "vhxh", "--as", "quantri"],
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
        let assign = try await ro.runWaiting([
            "assign", "KH-1", "--title", "Tuyên truyền Nghị quyết 57-NQ/TW", "--lead", "vhxh", "--due", "2026-12-31",
            "--as", "chutich",
        ])
        try #require(assign.status == 0, "ro assign: \(assign.stderr)")
        let accept = try await ro.runWaiting(["accept", "KH-1", "--as", "lan"])
        try #require(accept.status == 0, "ro accept: \(accept.stderr)")
    }

    @Test(.timeLimit(.minutes(5)))
    func anOfficerReportsWithEvidenceAndALeaderApprovesInTheBrowser() async throws {
        try WebDriver.requireInstalled()
        let ro = try RoRunner()
        ro.now = "2026-11-12T09:00:00+07:00"
        try await Self.prepare(ro)
        let evidence = ro.folder.appendingPathComponent("biên-bản-hội-nghị.txt")
        try Data("Biên bản hội nghị tuyên truyền Nghị quyết 57-NQ/TW, ngày 05/11/2026.\n".utf8).write(to: evidence)
        try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
        for name in ["dashboard.png", "queue.png", "task.png"] {
            try? FileManager.default.removeItem(at: Self.screenshots.appendingPathComponent(name))
        }

        let port = try Daemon.freePort()
        try await Daemon.with(
            RoRunner.binary, ["serve", "--port", "\(port)", "--no-scheduler"], environment: ["RO_DB": ro.db, "RO_NOW": ro.now],
            port: port, ready: "/dang-nhap"
        ) { server in
            try await WebDriver.withSession { browser in
                try await Self.officerReports(browser, port: port, evidence: evidence)
                try await Self.leaderApproves(browser, port: port)
            }
            #expect(server.process.isRunning, "ro serve stopped during the test: \(server.output)")
        }
        try await Self.checkHistory(ro, evidence: evidence)
        for name in ["dashboard.png", "queue.png", "task.png"] {
            let png = try Data(contentsOf: Self.screenshots.appendingPathComponent(name))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(name) is not a PNG")
            #expect(png.count > 8_000, "\(name) holds only \(png.count) bytes")
            // The width in the PNG header: the phone-sized window.
            #expect(png.count > 24 && png[16..<20].reduce(0) { $0 << 8 | Int($1) } == 414, "\(name) is not 414 pixels wide")
        }
    }

    static func signIn(_ browser: WebDriver, port: Int, _ login: String, name: String) async throws {
        try await browser.open("http://127.0.0.1:\(port)/dang-nhap")
        try await browser.find(#"input[name="login"]"#).type(login)
        try await browser.find(#"input[name="password"]"#).type(password)
        try await browser.find(#"form[action="/dang-nhap"] button"#).click()
        try await browser.waitFor("/")
        #expect(try await browser.find("header span").text().contains(name))
    }

    static func signOut(_ browser: WebDriver) async throws {
        let button = try await browser.find(#"form[action="/dang-xuat"] button"#)
        #expect(try await button.text() == "Đăng xuất")
        try await button.click()
        try await browser.waitFor("/dang-nhap")
    }

    /// The officer's part: sign in, fill the month's report with an evidence file, send it, see it in the history.
    static func officerReports(_ browser: WebDriver, port: Int, evidence: URL) async throws {
        try await signIn(browser, port: port, "lan", name: "Trần Thị Lan")
        try await browser.open("http://127.0.0.1:\(port)/bao-cao?ma=KH-1")
        let form = #"form[action^="/bao-cao"]"#
        #expect(try await browser.find(form).attribute("enctype") == "multipart/form-data")
        #expect(try await browser.find("\(form) input[name=\"period\"]").property("value") == "2026-11")
        #expect(try await browser.find("\(form) input[name=\"csrf\"]").attribute("type") == "hidden")
        try await browser.find("\(form) textarea[name=\"summary\"]").type(summary)
        try await browser.find("\(form) input[name=\"percent\"]").type("40")
        try await browser.find("\(form) input[name=\"output\"]").type(output)
        let file = try await browser.find("\(form) input[type=\"file\"][name=\"evidence\"]")
        #expect(try await file.attribute("multiple") != nil, "the evidence field takes one file only")
        try await file.type(evidence.path)
        try await browser.find("\(form) button").click()
        try await browser.waitFor("/nhiem-vu?ma=KH-1")
        let page = try await browser.source()
        #expect(page.contains("Báo cáo kỳ 2026-11 lần 1"))
        #expect(page.contains(summary), "the summary did not come through with its diacritics")
        // The evidence, linked by its content's hash, downloads as the same bytes.
        let hash = try await sha256(evidence)
        let link = try await browser.find("a[href^=\"/minh-chung/\(hash)\"]")
        #expect(try await link.text() == evidence.lastPathComponent)
        let href = try #require(try await link.attribute("href"))
        let path = URLComponents(string: href).map { $0.percentEncodedPath + ($0.percentEncodedQuery.map { "?" + $0 } ?? "") }
        #expect(try await browser.download(path ?? href, port: port) == (try Data(contentsOf: evidence)))
        try await signOut(browser)
    }

    /// The leader's part: the dashboard shows the report awaiting, the queue shows it, approve it, see it in the history.
    static func leaderApproves(_ browser: WebDriver, port: Int) async throws {
        try await signIn(browser, port: port, "chutich", name: "Nguyễn Văn An")
        #expect(try await browser.find("td.submitted").text().contains("chờ duyệt 1"))
        try await browser.screenshot(to: screenshots.appendingPathComponent("dashboard.png"))

        try await browser.open("http://127.0.0.1:\(port)/duyet")
        let report = try await browser.find("section.report")
        let shown = try await report.text()
        #expect(shown.contains("Tuyên truyền Nghị quyết 57-NQ/TW") && shown.contains(summary) && shown.contains("40%"))
        try await browser.screenshot(to: screenshots.appendingPathComponent("queue.png"))
        #expect(try await browser.find(#"form[action="/tra-lai"] button"#).text() == "Trả lại")
        #expect(try await browser.findAll(#"form[action="/tra-lai"] textarea[name="reason"]"#).count == 1)
        try await browser.find(#"form[action="/duyet"] input[name="note"]"#).type("Đồng ý, tiếp tục triển khai")
        let approve = try await browser.find(#"form[action="/duyet"] button"#)
        #expect(try await approve.text() == "Duyệt")
        try await approve.click()
        try await browser.waitFor("/duyet")
        #expect(try await browser.source().contains("Không có báo cáo nào chờ duyệt."))

        try await browser.open("http://127.0.0.1:\(port)/nhiem-vu?ma=KH-1")
        let page = try await browser.source()
        #expect(page.contains("Duyệt báo cáo kỳ 2026-11 lần 1. Ghi chú: Đồng ý, tiếp tục triển khai"))
        try await browser.screenshot(to: screenshots.appendingPathComponent("task.png"))
        try await signOut(browser)
    }

    /// Through the CLI: the report is the officer's from the web, with its summary and its evidence file
    /// (name, SHA-256, size); the approval is the leader's from the web.
    static func checkHistory(_ ro: RoRunner, evidence: URL) async throws {
        let result = try await ro.runWaiting(["history", "KH-1", "--json"])
        try #require(result.status == 0, "ro history: \(result.stderr)")
        let entries = try #require(try result.json() as? [[String: Any]])
        let last = try #require(entries.last)
        #expect(last["type"] as? String == "ReportApproved")
        #expect(last["actor"] as? String == "chutich")
        #expect(last["source"] as? String == "web")
        let submitted = try #require(entries.last { $0["type"] as? String == "ReportSubmitted" })
        #expect(submitted["actor"] as? String == "lan" && submitted["source"] as? String == "web")
        let payload = try #require(submitted["payload"] as? [String: Any])
        #expect(payload["summary"] as? String == summary)
        #expect(payload["percentDone"] as? Int == 40)
        #expect(payload["output"] as? String == output)
        let files = try #require(payload["evidence"] as? [[String: Any]], "no evidence in \(payload)")
        #expect(files.count == 1)
        #expect(files.first?["name"] as? String == evidence.lastPathComponent)
        #expect(files.first?["sha256"] as? String == (try await sha256(evidence)))
        #expect(files.first?["size"] as? Int == (try Data(contentsOf: evidence)).count)
    }

    /// The file's SHA-256, lowercase hex, by coreutils' sha256sum.
    static func sha256(_ file: URL) async throws -> String {
        let result = try await RoRunner.execute(
            URL(fileURLWithPath: "/usr/bin/sha256sum"), [file.path], environment: [:], waiting: true)
        try #require(result.status == 0, "sha256sum: \(result.stderr)")
        return String(result.stdout.prefix(64))
    }
}
