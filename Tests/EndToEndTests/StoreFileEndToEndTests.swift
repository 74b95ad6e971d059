import Foundation
import Testing

/// Which file is the store, and what `ro` does with a file that is not a store it
/// can use: exit 74, one line, and the file left exactly as it was.
@Suite("ro end to end: the store file")
struct StoreFileEndToEndTests {
    @Test func aMissingStoreIsNotCreatedByAnyCommandButInit() throws {
        let ro = try RoRunner()
        let commands: [[String]] = [
            ["task", "list"], ["task", "show", "KH07-1"], ["history", "KH07-1"], ["status"], ["unit", "list"],
            ["verify"], ["rebuild"], ["unit", "add", "vhxh", "--name", "Phòng Văn hóa – Xã hội", "--as", "admin"],
            ["report", "KH07-1", "--period", "2026-11", "--summary", "x", "--as", "lan"],
        ]
        for command in commands {
            let result = try ro.run(command)
            RoRunner.checkRefusal(result, 74, "không có kho dữ liệu tại \(ro.db) (chạy 'ro init' trước)", "\(command)")
            #expect(!FileManager.default.fileExists(atPath: ro.db), "\(command) created the store")
            #expect(ro.sideFiles.isEmpty, "\(command) left \(ro.sideFiles)")
        }
        let nowhere = ro.folder.appendingPathComponent("khong-co/ro.sqlite").path
        let deep = try ro.run(["init", "--admin", "admin", "--name", "Quản trị viên", "--db", nowhere])
        RoRunner.checkRefusal(deep, 74, "khong-co/ro.sqlite", "init in a missing folder")
        #expect(try FileManager.default.contentsOfDirectory(atPath: ro.folder.path).isEmpty)
    }

    @Test func theDBFlagWinsOverTheEnvironmentAndTheDefaultIsInTheWorkingDirectory() throws {
        let ro = try RoRunner()
        // No --db and no RO_DB: ./ro.sqlite in the working directory.
        let created = try RoRunner.execute(
            RoRunner.binary, ["init", "--admin", "admin", "--name", "Quản trị viên"], environment: ["RO_NOW": ro.now],
            directory: ro.folder)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout == "Đã tạo kho dữ liệu ro.sqlite; quản trị: admin. (sự kiện #1)\n")
        #expect(FileManager.default.fileExists(atPath: ro.db))

        let other = ro.folder.appendingPathComponent("khac.sqlite").path
        try ro.expectSuccess(["init", "--admin", "quantri", "--name", "Quản trị 2", "--db", other])
        try ro.expectSuccess(["unit", "add", "vp", "--name", "Văn phòng", "--as", "quantri", "--db", other])
        #expect(try ro.jsonArray(["unit", "list", "--db", other]).compactMap { $0["id"] as? String } == ["vp"])
        #expect(try ro.jsonArray(["unit", "list"]).isEmpty)
        #expect(try ro.jsonArray(["user", "list"]).compactMap { $0["login"] as? String } == ["admin"])
    }

    @Test func initOnAnExistingStoreAppendsNothing() throws {
        let ro = try RoRunner()
        try ro.seed()
        try ro.expectRefusal(["init", "--admin", "admin2", "--name", "Người khác"], 67, "kho dữ liệu đã được khởi tạo")
        #expect(try ro.jsonArray(["user", "list"]).count == 5)
    }

    @Test func filesThatAreNotARoStoreAreLeftAsTheyWere() throws {
        let ro = try RoRunner()
        let url = URL(fileURLWithPath: ro.db)
        let cases: [(String, Data)] = [
            ("empty", Data()),
            ("text", Data(String(repeating: "Biên bản họp, không phải SQLite.\n", count: 200).utf8)),
            ("binary", Data((0..<8_192).map { UInt8(truncatingIfNeeded: $0 &* 31) })),
        ]
        for (name, bytes) in cases {
            try bytes.write(to: url)
            for command in [["task", "list"], ["init", "--admin", "admin", "--name", "A"], ["accept", "KH07-1", "--as", "lan"]] {
                let result = try ro.run(command)
                RoRunner.checkRefusal(result, 74, "tệp \(ro.db) không phải là kho dữ liệu của Rõ", "\(name): \(command)")
                #expect(try ro.storeBytes() == bytes, "\(name): \(command) changed the file")
            }
        }
    }

    @Test func anSQLiteFileOfAnotherProgramIsLeftAsItWas() throws {
        let ro = try RoRunner()
        try ro.sqlite("CREATE TABLE so_ho_khau(ma TEXT, chu_ho TEXT); INSERT INTO so_ho_khau VALUES ('HK01', 'Nguyễn Văn Bình');")
        let before = try ro.storeBytes()
        for command in [["status"], ["init", "--admin", "admin", "--name", "A"], ["rebuild"]] {
            RoRunner.checkRefusal(try ro.run(command), 74, "không phải là kho dữ liệu của Rõ", "\(command)")
        }
        #expect(try ro.storeBytes() == before)
        #expect(try ro.sqlite("SELECT chu_ho FROM so_ho_khau").stdout == "Nguyễn Văn Bình\n")
    }

    @Test func aStoreWrittenByANewerRoIsRefusedUntouched() throws {
        let ro = try RoRunner()
        try ro.seed()
        try ro.sqlite("INSERT INTO grdb_migrations VALUES ('v99-tuong-lai')")
        let before = try ro.storeBytes()
        let message = "kho dữ liệu \(ro.db) do phiên bản Rõ mới hơn tạo (lược đồ v99-tuong-lai); hãy cập nhật ro"
        for command in [["task", "list"], ["verify"], ["unit", "add", "ca", "--name", "Công an xã", "--as", "admin"]] {
            let result = try ro.run(command)
            RoRunner.checkRefusal(result, 74, message, "\(command)")
            #expect(result.stderr == "ro: \(message)\n")
        }
        #expect(try ro.storeBytes() == before)
        #expect(try ro.sqlite("SELECT count(*) FROM events").stdout == "7\n")
    }

    @Test func anUnreadableClockStopsBeforeAnythingIsWritten() throws {
        let ro = try RoRunner()
        let bad = ["RO_NOW": "2026-11-10 09:00"]
        let message = "ro: RO_NOW '2026-11-10 09:00' không đọc được (cần dạng 2026-11-19T08:00:00+07:00)\n"
        let first = try ro.run(["init", "--admin", "admin", "--name", "Quản trị viên"], environment: bad)
        #expect(first.status == 65)
        #expect(first.stderr == message)
        #expect(!FileManager.default.fileExists(atPath: ro.db))

        try ro.seed()
        try ro.assignAndAccept()
        for clock in ["2026-11-10 09:00", "2026-11-10T09:00:00", "2026-11-10", "mai", "2026-02-30T09:00:00+07:00"] {
            let report = ["report", "KH07-1", "--period", "2026-11", "--summary", "x", "--as", "lan"]
            try ro.expectRefusal(report, 65, "RO_NOW '\(clock)' không đọc được", environment: ["RO_NOW": clock])
            try ro.expectRefusal(["status"], 65, "RO_NOW '\(clock)' không đọc được", environment: ["RO_NOW": clock])
        }
    }
}
