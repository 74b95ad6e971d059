import Foundation
import Testing

/// The web front in a real browser (headless Chromium through WebDriver)
/// against the built `ro serve`, in a phone-sized window, as the issue's
/// "done when" reads: an officer finds the task from the menu and reports the
/// month with an evidence file; a leader sees on the dashboard which unit is
/// late, returns the report with a reason; the officer sends it again; the
/// leader approves it; an auditor sees both decisions, by whom and from where,
/// in the task's history. Screenshots land in `screenshots/`.
@Suite struct BrowserEndToEndTests {
    static let password = "mật-khẩu-đủ-dài-57"
    static let summary = "Đã tổ chức 2 hội nghị tuyên truyền Nghị quyết 57-NQ/TW cho cán bộ, đảng viên; phát 300 tờ rơi."
    static let addition = " Có 250 người tham dự."
    static let reason = "Thiếu số người tham dự từng hội nghị"
    static let note = "Đồng ý, tiếp tục triển khai"
    static let output = "Biên bản hội nghị, ảnh tư liệu"
    static let shots = ["dashboard.png", "tasks.png", "queue.png", "task.png"]
    static let screenshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("screenshots")

    /// The commune of the scenario: two units, an officer of one, a leader and
    /// an auditor with their web passwords; KH-2 given to the Office on 1
    /// October (its October report never came), KH-1 given to the culture unit
    /// on 2 November and accepted.
    static func prepare(_ ro: RoRunner) async throws {
        ro.now = "2026-10-01T09:00:00+07:00"
        let steps: [[String]] = [
            ["init", "--admin", "quantri", "--name", "Quản trị viên"],
            ["unit", "add", "vhxh", "--name", "Phòng Văn hóa – Xã hội", "--as", "quantri"],
            ["unit", "add", "vp", "--name", "Văn phòng HĐND và UBND xã", "--as", "quantri"],
            ["user", "add", "chutich", "--name", "Nguyễn Văn An", "--role", "leader", "--as", "quantri"],
            ["user", "add", "lan", "--name", "Trần Thị Lan", "--role", "officer", "--unit", "vhxh", "--as", "quantri"],
            ["user", "add", "thanhtra", "--name", "Lê Văn Kiểm", "--role", "auditor", "--as", "quantri"],
            ["assign", "KH-2", "--title", "Số hóa hồ sơ lưu trữ", "--lead", "vp", "--due", "2026-12-31", "--as", "chutich"],
        ]
        for step in steps {
            let result = try await ro.runWaiting(step)
            try #require(result.status == 0, "ro \(step.joined(separator: " ")): \(result.stderr)")
        }
        for login in ["chutich", "lan", "thanhtra"] {
            let result = try await RoRunner.execute(
                URL(fileURLWithPath: "/bin/sh"), ["-c", "printf '%s\\n' '\(password)' | \"$RO\" user password \(login) --as quantri"],
                environment: ["RO_DB": ro.db, "RO_NOW": ro.now, "RO": RoRunner.binary.path], waiting: true)
            try #require(result.status == 0, "ro user password \(login): \(result.stderr)")
        }
        ro.now = "2026-11-02T09:00:00+07:00"
        let assign = try await ro.runWaiting([
            "assign", "KH-1", "--title", "Tuyên truyền Nghị quyết 57-NQ/TW", "--lead", "vhxh", "--due", "2026-12-31",
            "--as", "chutich",
        ])
        try #require(assign.status == 0, "ro assign: \(assign.stderr)")
        let accept = try await ro.runWaiting(["accept", "KH-1", "--as", "lan"])
        try #require(accept.status == 0, "ro accept: \(accept.stderr)")
        ro.now = "2026-11-12T09:00:00+07:00"
    }

    @Test(.timeLimit(.minutes(5)))
    func aLeaderOnAPhoneSeesWhoIsLateReturnsAndApprovesAndAnAuditorSeesIt() async throws {
        try WebDriver.requireInstalled()
        let ro = try RoRunner()
        try await Self.prepare(ro)
        let evidence = ro.folder.appendingPathComponent("biên-bản-hội-nghị.txt")
        try Data("Biên bản hội nghị tuyên truyền Nghị quyết 57-NQ/TW, ngày 05/11/2026.\n".utf8).write(to: evidence)
        try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
        for name in Self.shots { try? FileManager.default.removeItem(at: Self.screenshots.appendingPathComponent(name)) }

        let port = try Daemon.freePort()
        try await Daemon.with(
            RoRunner.binary, ["serve", "--port", "\(port)", "--no-scheduler"], environment: ["RO_DB": ro.db, "RO_NOW": ro.now],
            port: port, ready: "/dang-nhap"
        ) { server in
            try await WebDriver.withSession { browser in
                let site = "http://127.0.0.1:\(port)"
                try await Self.officerReports(browser, site: site, port: port, evidence: evidence)
                try await Self.leaderReturns(browser, site: site)
                try await Self.officerReportsAgain(browser, site: site)
                try await Self.leaderApproves(browser, site: site)
                try await Self.auditorReadsTheHistory(browser, site: site)
            }
            #expect(server.process.isRunning, "ro serve stopped during the test: \(server.output)")
        }
        try await Self.checkHistory(ro, evidence: evidence)
        for name in Self.shots {
            let png = try Data(contentsOf: Self.screenshots.appendingPathComponent(name))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(name) is not a PNG")
            #expect(png.count > 8_000, "\(name) holds only \(png.count) bytes")
            // The width in the PNG header: the phone-sized window.
            #expect(png.count > 24 && png[16..<20].reduce(0) { $0 << 8 | Int($1) } == 414, "\(name) is not 414 pixels wide")
        }
    }

    static func signIn(_ browser: WebDriver, site: String, _ login: String, name: String) async throws {
        try await browser.open("\(site)/dang-nhap")
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

    /// Follows a link of the page to `location`.
    static func follow(_ browser: WebDriver, _ css: String, to location: String) async throws {
        try await browser.find(css).click()
        try await browser.waitFor(location)
    }

    /// The officer's part: from the menu to the task, its report form with an
    /// evidence file, sent; the report and its file on the task's page.
    static func officerReports(_ browser: WebDriver, site: String, port: Int, evidence: URL) async throws {
        try await signIn(browser, site: site, "lan", name: "Trần Thị Lan")
        #expect(try await browser.findAll(#"header a[href="/duyet"]"#).isEmpty, "an officer has no approval queue")
        try await follow(browser, #"header a[href="/nhiem-vu"]"#, to: "/nhiem-vu")
        #expect(try await browser.findAll(#"a[href="/nhiem-vu?ma=KH-2"]"#).isEmpty, "the Office's task is not hers")
        try await browser.screenshot(to: screenshots.appendingPathComponent("tasks.png"))
        try await follow(browser, #"a[href="/nhiem-vu?ma=KH-1"]"#, to: "/nhiem-vu?ma=KH-1")
        try await follow(browser, #"a[href="/bao-cao?ma=KH-1"]"#, to: "/bao-cao?ma=KH-1")
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
        try await follow(browser, "\(form) button", to: "/nhiem-vu?ma=KH-1&xong=report")
        let page = try await browser.source()
        #expect(page.contains("Đã gửi báo cáo tháng."))
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

    /// The leader's first look: the dashboard names the unit that is late and
    /// the report awaiting; the queue returns it with a reason.
    static func leaderReturns(_ browser: WebDriver, site: String) async throws {
        try await signIn(browser, site: site, "chutich", name: "Nguyễn Văn An")
        let late = try await browser.find("ul.units li.late").text()
        #expect(late.contains("Văn phòng HĐND và UBND xã: thiếu 1 báo cáo — T10: 1"), "\(late)")
        #expect(try await browser.find("ul.units li.submitted").text().contains("Phòng Văn hóa – Xã hội: chờ duyệt 1"))
        #expect(try await browser.find("td.submitted").text().contains("chờ duyệt 1"))
        try await browser.screenshot(to: screenshots.appendingPathComponent("dashboard.png"))

        try await follow(browser, #"header a[href="/duyet"]"#, to: "/duyet")
        let report = try await browser.find("section.report")
        let shown = try await report.text()
        #expect(shown.contains("Tuyên truyền Nghị quyết 57-NQ/TW") && shown.contains(summary) && shown.contains("40%"))
        #expect(try await browser.findAll(#"form[action="/tra-lai"] textarea[name="reason"]"#).count == 1)
        try await browser.find(#"form[action="/tra-lai"] textarea[name="reason"]"#).type(reason)
        let back = try await browser.find(#"form[action="/tra-lai"] button"#)
        #expect(try await back.text() == "Trả lại")
        try await back.click()
        try await browser.waitFor("/duyet?xong=return")
        let page = try await browser.source()
        #expect(page.contains("Đã trả lại báo cáo.") && page.contains("Không có báo cáo nào chờ duyệt."))
        try await signOut(browser)
    }

    /// The officer sees why it came back, and sends it again with what was missing.
    static func officerReportsAgain(_ browser: WebDriver, site: String) async throws {
        try await signIn(browser, site: site, "lan", name: "Trần Thị Lan")
        try await browser.open("\(site)/nhiem-vu?ma=KH-1")
        let returned = try await browser.find("section.report.returned").text()
        #expect(returned.contains("Bị trả lại") && returned.contains(reason))
        try await follow(browser, #"a[href="/bao-cao?ma=KH-1"]"#, to: "/bao-cao?ma=KH-1")
        #expect(try await browser.find(".error").text().contains(reason))
        let field = try await browser.find(#"textarea[name="summary"]"#)
        #expect(try await field.property("value") == summary, "the returned summary is offered again")
        try await field.type(addition)
        try await follow(browser, #"form[action^="/bao-cao"] button"#, to: "/nhiem-vu?ma=KH-1&xong=report")
        #expect(try await browser.source().contains("Báo cáo kỳ 2026-11 lần 2"))
        try await signOut(browser)
    }

    /// The leader approves the second revision from the queue, with a note.
    static func leaderApproves(_ browser: WebDriver, site: String) async throws {
        try await signIn(browser, site: site, "chutich", name: "Nguyễn Văn An")
        try await follow(browser, #"header a[href="/duyet"]"#, to: "/duyet")
        let shown = try await browser.find("section.report").text()
        #expect(shown.contains("lần 2") && shown.contains(addition.trimmingCharacters(in: .whitespaces)))
        try await browser.screenshot(to: screenshots.appendingPathComponent("queue.png"))
        try await browser.find(#"form[action="/duyet"] input[name="note"]"#).type(note)
        let approve = try await browser.find(#"form[action="/duyet"] button"#)
        #expect(try await approve.text() == "Duyệt")
        try await approve.click()
        try await browser.waitFor("/duyet?xong=approve")
        #expect(try await browser.source().contains("Không có báo cáo nào chờ duyệt."))
        try await signOut(browser)
    }

    /// The auditor reads the whole story on the task's page, and can change nothing there.
    static func auditorReadsTheHistory(_ browser: WebDriver, site: String) async throws {
        try await signIn(browser, site: site, "thanhtra", name: "Lê Văn Kiểm")
        try await follow(browser, #"header a[href="/nhiem-vu"]"#, to: "/nhiem-vu")
        try await follow(browser, #"a[href="/nhiem-vu?ma=KH-1"]"#, to: "/nhiem-vu?ma=KH-1")
        let rows = try await browser.findAll("ol.timeline li")
        var lines: [String] = []
        for row in rows { lines.append(try await row.text()) }
        let returned = try #require(lines.first { $0.contains("Trả lại báo cáo kỳ 2026-11 lần 1") }, "\(lines)")
        #expect(returned.contains("Nguyễn Văn An") && returned.contains("Lý do: \(reason)") && returned.contains("trang web"))
        let approved = try #require(lines.first { $0.contains("Duyệt báo cáo kỳ 2026-11 lần 2") }, "\(lines)")
        #expect(approved.contains("Nguyễn Văn An") && approved.contains("Ghi chú: \(note)") && approved.contains("trang web"))
        #expect(try await browser.findAll(#"form[action="/nhiem-vu/thao-tac"]"#).isEmpty, "an auditor changes nothing")
        #expect(try await browser.findAll(#"form[action="/duyet"]"#).isEmpty)
        try await browser.screenshot(to: screenshots.appendingPathComponent("task.png"))
        try await signOut(browser)
    }

    /// Through the CLI: the first report is the officer's from the web with its
    /// evidence file (name, SHA-256, size); the return and the approval are the
    /// leader's from the web, with the reason and the note.
    static func checkHistory(_ ro: RoRunner, evidence: URL) async throws {
        let result = try await ro.runWaiting(["history", "KH-1", "--json"])
        try #require(result.status == 0, "ro history: \(result.stderr)")
        let entries = try #require(try result.json() as? [[String: Any]])
        #expect(entries.map { $0["type"] as? String } == [
            "TaskAssigned", "TaskAccepted", "ReportSubmitted", "ReportReturned", "ReportSubmitted", "ReportApproved",
        ])
        for decision in entries.suffix(3) where decision["type"] as? String != "ReportSubmitted" {
            #expect(decision["actor"] as? String == "chutich" && decision["source"] as? String == "web")
        }
        #expect((entries[3]["payload"] as? [String: Any])?["reason"] as? String == reason)
        #expect((entries[5]["payload"] as? [String: Any])?["revision"] as? Int == 2)
        #expect((entries[5]["payload"] as? [String: Any])?["reason"] as? String == note)
        let submitted = entries[2]
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
        #expect((entries[4]["payload"] as? [String: Any])?["summary"] as? String == summary + addition)
    }

    /// The file's SHA-256, lowercase hex, by coreutils' sha256sum.
    static func sha256(_ file: URL) async throws -> String {
        let result = try await RoRunner.execute(
            URL(fileURLWithPath: "/usr/bin/sha256sum"), [file.path], environment: [:], waiting: true)
        try #require(result.status == 0, "sha256sum: \(result.stderr)")
        return String(result.stdout.prefix(64))
    }
}
