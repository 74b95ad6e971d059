import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

/// A failure of the browser or of a program the browser tests started.
struct BrowserTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// One HTTP exchange with a server on this machine's loopback, through
/// HummingbirdTesting's NIO client. Not URLSession: on Linux it refuses every
/// answer of chromedriver ("Failed writing header"), whose header lines have no
/// space after the colon (`Content-Length:250`), which HTTP allows.
func localHTTP(
    _ method: HTTPRequest.Method, port: Int, _ path: String, headers: HTTPFields = [:], body: Data? = nil
) async throws -> (status: Int, body: Data) {
    let request = TestClient.Request(
        path, method: method, authority: "127.0.0.1:\(port)", headers: headers, body: body.map { ByteBuffer(bytes: $0) })
    let response = try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(60))) {
        try await $0.execute(request)
    }
    return (response.status.code, response.body.map { Data($0.readableBytesView) } ?? Data())
}

/// A W3C WebDriver session in headless Chromium (Debian's `chromium`), through
/// `chromedriver`, spoken as JSON over HTTP: just what the browser tests use.
struct WebDriver: Sendable {
    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"
    static let elementKey = "element-6066-11e4-a52e-4f735466cecf"

    /// chromedriver's port.
    let port: Int
    /// `/session/ID`
    let session: String

    /// Starts chromedriver and a session with a phone-sized window, runs `body`,
    /// then ends the session and chromedriver, also when `body` throws.
    static func withSession(_ body: (WebDriver) async throws -> Void) async throws {
        try requireInstalled()
        let port = try Daemon.freePort()
        try await Daemon.with(URL(fileURLWithPath: chromedriver), ["--port=\(port)"], port: port, ready: "/status") { daemon in
            // Chromium keeps a window at least 500 px wide: the phone's viewport is emulated.
            let options: [String: Any] = [
                "binary": chromium, "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=414,900"],
                "mobileEmulation": ["deviceMetrics": ["width": 414, "height": 900, "pixelRatio": 1, "mobile": true, "touch": true]],
            ]
            let created = try await request(.post, port: port, "/session", [
                "capabilities": ["alwaysMatch": ["browserName": "chrome", "goog:chromeOptions": options]],
            ])
            guard let id = (created as? [String: Any])?["sessionId"] as? String else {
                throw BrowserTestError("chromedriver made no session: \(created)")
            }
            let driver = WebDriver(port: port, session: "/session/\(id)")
            do { try await body(driver) } catch {
                _ = try? await request(.delete, port: port, driver.session)
                await shutDown(daemon, port: port)
                throw error
            }
            try await request(.delete, port: port, driver.session)
            await shutDown(daemon, port: port)
        }
    }

    /// chromedriver's own way out, which also quits any browser left. (SIGTERM does not reach it:
    /// a child of Foundation's Process keeps the test process's signal mask, SIGTERM blocked.)
    static func shutDown(_ daemon: Daemon, port: Int) async {
        _ = try? await localHTTP(.get, port: port, "/shutdown")
        await daemon.waitForExit(seconds: 5)
    }

    /// Fails (never skips) when the browser or its driver is not installed.
    static func requireInstalled() throws {
        for program in [chromium, chromedriver] where !FileManager.default.isExecutableFile(atPath: program) {
            throw BrowserTestError("\(program) is missing: run Tools/install-deps.sh (installs Debian's chromium and chromium-driver)")
        }
    }

    /// One WebDriver command: the answer's `value`, or its error as a thrown error.
    @discardableResult
    static func request(_ method: HTTPRequest.Method, port: Int, _ path: String, _ body: [String: Any]? = nil) async throws -> Any {
        let json = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        let headers: HTTPFields = json == nil ? [:] : [.contentType: "application/json; charset=utf-8"]
        let (status, data) = try await localHTTP(method, port: port, path, headers: headers, body: json)
        let value = (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["value"]
        if let error = value as? [String: Any], let code = error["error"] as? String {
            throw BrowserTestError("\(method) \(path): \(code): \(error["message"] ?? "")")
        }
        guard status == 200, let value else { throw BrowserTestError("\(method) \(path): \(status) \(String(decoding: data, as: UTF8.self))") }
        return value
    }

    @discardableResult
    func command(_ method: HTTPRequest.Method, _ path: String, _ body: [String: Any]? = nil) async throws -> Any {
        try await Self.request(method, port: port, "\(session)/\(path)", body ?? (method == .post ? [:] : nil))
    }

    func open(_ url: String) async throws { try await command(.post, "url", ["url": url]) }

    /// The current address's path and query: `/nhiem-vu?ma=KH-1`.
    func location() async throws -> String {
        let url = try await command(.get, "url") as? String ?? ""
        guard let components = URLComponents(string: url) else { return url }
        return components.path + (components.query.map { "?" + $0 } ?? "")
    }

    /// Waits (up to 10 s) for the page at `location` (after a click that submits a form, say).
    func waitFor(_ location: String) async throws {
        let deadline = Date().addingTimeInterval(10)
        while try await self.location() != location {
            guard Date() < deadline else {
                throw BrowserTestError("still at \(try await self.location()), not \(location): \(try await source().prefix(2000))")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    func source() async throws -> String { try await command(.get, "source") as? String ?? "" }

    func find(_ css: String) async throws -> Element {
        let found = try await command(.post, "element", ["using": "css selector", "value": css])
        guard let id = (found as? [String: Any])?[Self.elementKey] as? String else { throw BrowserTestError("no element id for \(css)") }
        return Element(driver: self, id: id)
    }

    func findAll(_ css: String) async throws -> [Element] {
        let found = try await command(.post, "elements", ["using": "css selector", "value": css]) as? [[String: Any]] ?? []
        return found.compactMap { $0[Self.elementKey] as? String }.map { Element(driver: self, id: $0) }
    }

    /// Saves a screenshot of the window (PNG) and returns its bytes.
    @discardableResult
    func screenshot(to file: URL) async throws -> Data {
        guard let text = try await command(.get, "screenshot") as? String, let png = Data(base64Encoded: text) else {
            throw BrowserTestError("the screenshot is not base64")
        }
        try png.write(to: file)
        return png
    }

    /// GETs `path` of the site on port `site` outside the browser, with the browser's cookies (HttpOnly
    /// ones too): a file the page links.
    func download(_ path: String, port site: Int) async throws -> Data {
        let cookies = try await command(.get, "cookie") as? [[String: Any]] ?? []
        let cookie = cookies.map { "\($0["name"] ?? "")=\($0["value"] ?? "")" }.joined(separator: "; ")
        let (status, data) = try await localHTTP(.get, port: site, path, headers: [.cookie: cookie])
        guard status == 200 else { throw BrowserTestError("GET \(path): \(status)") }
        return data
    }

    struct Element: Sendable {
        let driver: WebDriver
        let id: String

        private func command(_ method: HTTPRequest.Method, _ path: String, _ body: [String: Any]? = nil) async throws -> Any {
            try await driver.command(method, "element/\(id)/\(path)", body)
        }

        func click() async throws { _ = try await command(.post, "click") }
        func type(_ text: String) async throws { _ = try await command(.post, "value", ["text": text]) }
        func text() async throws -> String { try await command(.get, "text") as? String ?? "" }
        /// A DOM property (`value` of a field): nil when absent.
        func property(_ name: String) async throws -> String? { try await command(.get, "property/\(name)") as? String }
        func attribute(_ name: String) async throws -> String? { try await command(.get, "attribute/\(name)") as? String }
    }
}
