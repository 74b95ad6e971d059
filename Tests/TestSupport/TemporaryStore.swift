import Foundation
import RoDomain
import RoEventStore
import RoHandlers

/// A store in a fresh temporary directory, removed when the value is released.
public final class TemporaryStore: @unchecked Sendable {
    public let directory: URL
    public let path: String
    public private(set) var store: SQLiteEventStore

    public init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ro-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("ro.sqlite").path
        store = try SQLiteEventStore.create(at: path)
    }

    /// A second, independent connection pool on the same file: another process, as SQLite sees it.
    public func openAnother() throws -> SQLiteEventStore { try SQLiteEventStore.open(at: path) }

    /// Closes and reopens the store (the WAL is checkpointed into the file on close).
    public func reopen() throws {
        try store.close()
        store = try SQLiteEventStore.open(at: path)
    }

    public func handler(at instant: Date) -> CommandHandler {
        CommandHandler(store: store, clock: SetTime(instant))
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
}

/// The people and units most tests need, and an instant in November 2026.
public enum Fixture {
    public static let vhxh = UnitID(unchecked: "vhxh")
    public static let vp = UnitID(unchecked: "vp")
    public static let admin = Login(unchecked: "admin")
    public static let leader = Login(unchecked: "chutich")
    public static let officer = Login(unchecked: "lan")
    public static let otherOfficer = Login(unchecked: "minh")
    public static let auditor = Login(unchecked: "thanhtra")
    public static let task = TaskID(unchecked: "KH07-1")

    /// 2026-11-10 09:00 in the commune (02:00 UTC).
    public static let november10 = Timestamp.parse("2026-11-10T09:00:00+07:00")!

    public static func instant(_ text: String) -> Date { Timestamp.parse(text)! }

    /// Adds the admin, two units, a leader, an officer of each unit and an auditor.
    public static func seedDirectory(_ handler: CommandHandler) throws {
        func ctx(_ login: Login) -> CommandContext { CommandContext(login: login, source: .cli) }
        _ = try handler.bootstrap(
            admin: .init(login: admin, name: "Quản trị", role: .admin, unit: nil, email: nil), context: ctx(.system))
        _ = try handler.addUnit(.init(id: vhxh, name: "Phòng Văn hóa – Xã hội"), context: ctx(admin))
        _ = try handler.addUnit(.init(id: vp, name: "Văn phòng HĐND và UBND xã"), context: ctx(admin))
        let users: [(Login, String, Role, UnitID?)] = [
            (leader, "Nguyễn Văn An", .leader, nil), (officer, "Trần Thị Lan", .officer, vhxh),
            (otherOfficer, "Phạm Văn Minh", .officer, vp), (auditor, "Lê Văn Kiểm", .auditor, nil),
        ]
        for (login, name, role, unit) in users {
            _ = try handler.addUser(.init(login: login, name: name, role: role, unit: unit, email: nil), context: ctx(admin))
        }
    }

    public static let assignment = TaskCommand.Assignment(
        title: "Tuyên truyền Nghị quyết 57-NQ/TW", lead: vhxh, coUnits: [vp],
        due: try! CommuneTime.deadline(fromDate: "2026-12-31", field: "hạn"), output: "Báo cáo kết quả")
}

/// Events for raw store tests.
public enum SampleEvents {
    public static func metadata(_ commandID: String = UUID().uuidString, at instant: Date = Fixture.november10) -> EventMetadata {
        EventMetadata(
            commandID: commandID, actor: Actor(login: Fixture.leader, role: .leader), recordedAt: instant,
            source: .cli, simulatedClock: true)
    }

    public static func request(
        stream: String, expected: Int, commandID: String = UUID().uuidString, count: Int = 1, text: String = "mẫu"
    ) -> AppendRequest {
        AppendRequest(
            streamID: stream, expectedVersion: expected, fingerprint: "fp-\(stream)-\(expected)-\(text)",
            metadata: metadata(commandID),
            events: (0..<count).map { NewEvent(type: "Sample", schemaVersion: 1, payload: "{\"text\":\"\(text) \($0)\"}") })
    }
}
