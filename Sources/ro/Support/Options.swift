import ArgumentParser
import Foundation
import RoDomain
import RoEventStore
import RoHandlers

/// Where the store is, and what time it is.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "Tệp kho dữ liệu (mặc định: biến RO_DB, hoặc ./ro.sqlite).")
    var db: String?

    /// `--db`, else RO_DB (an empty one counts as unset), else `ro.sqlite` here.
    var path: String {
        if let db, !db.isEmpty { return db }
        if let env = ProcessInfo.processInfo.environment["RO_DB"], !env.isEmpty { return env }
        return "ro.sqlite"
    }

    /// The clock: RO_NOW (ISO 8601) when set, for simulations and tests; the system's otherwise.
    func clock() throws -> any TimeSource {
        guard let text = ProcessInfo.processInfo.environment["RO_NOW"], !text.isEmpty else { return SystemTime() }
        guard let instant = Timestamp.parse(text) else {
            throw Failure("RO_NOW '\(text)' không đọc được (cần dạng 2026-11-19T08:00:00+07:00)", .dataError)
        }
        return SetTime(instant)
    }

    /// The clock for a long-running command: RO_NOW, if set, is where it starts.
    func runningClock() throws -> any TimeSource {
        let clock = try clock()
        return clock.isSimulated ? RunningTime(from: clock.now()) : clock
    }

    func open() throws -> SQLiteEventStore {
        try failing { try SQLiteEventStore.open(at: path) }
    }

    func handler() throws -> CommandHandler {
        CommandHandler(store: try open(), clock: try clock())
    }
}

/// Who acts, and the command's id.
struct ActorOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: "Tên đăng nhập của người thực hiện.")
    var login: String

    @Option(name: .long, help: "Mã lệnh: chạy lại cùng mã lệnh không ghi thêm gì (mặc định: mã mới).")
    var commandID: String?

    @Flag(name: .long, help: "In kết quả dạng JSON.")
    var json = false

    func context() throws -> CommandContext {
        let login = try failing { try Login.parse(self.login) }
        if let commandID {
            _ = try failing { try Text.singleLine(commandID, field: "mã lệnh", limit: 100) }
            return CommandContext(login: login, commandID: commandID, source: .cli)
        }
        return CommandContext(login: login, source: .cli)
    }
}

/// `--json` for read commands.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "In kết quả dạng JSON (tên trường ổn định, xem README).")
    var json = false
}

/// Readers of typed arguments, each failing with a one-line data error.
enum Read {
    static func text(_ raw: String, _ field: String, _ limit: Int) throws -> String {
        try failing { try Text.multiLine(raw, field: field, limit: limit) }
    }

    static func line(_ raw: String, _ field: String, _ limit: Int) throws -> String {
        try failing { try Text.singleLine(raw, field: field, limit: limit) }
    }

    static func optional(_ raw: String?, _ field: String, _ limit: Int) throws -> String? {
        try failing { try Text.optional(raw, field: field, limit: limit) }
    }

    static func task(_ raw: String) throws -> TaskID { try failing { try TaskID.parse(raw) } }

    /// A decimal number as people write it here: `81,5` or `81.5`.
    static func number(_ raw: String, _ field: String) throws -> Double {
        try failing { try Number.decimal(raw, field: field) }
    }

    /// A whole number typed by a person, within `range`.
    static func int(_ raw: String, _ field: String, _ range: ClosedRange<Int>) throws -> Int {
        try failing { try Number.whole(raw, field: field, in: range) }
    }

    static func unit(_ raw: String) throws -> UnitID { try failing { try UnitID.parse(raw) } }
    static func period(_ raw: String) throws -> Period { try failing { try Period.parse(raw) } }

    static func due(_ raw: String, _ field: String = "hạn") throws -> Date {
        try failing { try CommuneTime.deadline(fromDate: raw, field: field) }
    }
}

extension Read {
    static func email(_ raw: String) throws -> String { try failing { try Email.parse(raw) } }
}
