import ArgumentParser
import Foundation

/// `ro`: the command line of Rõ.
struct Ro: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ro",
        abstract: "Rõ — theo dõi nhiệm vụ, báo cáo tháng và thời hạn thực hiện Nghị quyết 57-NQ/TW.",
        discussion: """
            Kho dữ liệu: --db TỆP, hoặc biến RO_DB, mặc định ./ro.sqlite.
            Người thực hiện: --as TÊN_ĐĂNG_NHẬP. Giờ giả lập: biến RO_NOW (ISO 8601).
            Mã thoát: 0 thành công, 64 sai cú pháp, 65 dữ liệu không đọc được,
              66 không tìm thấy, 67 trái quy định, 68 chuỗi băm hỏng,
              69 không gửi được thư nhắc, 74 lỗi kho dữ liệu, 75 xung đột ghi.
            """,
        version: "0.1.0",
        subcommands: [
            Init.self, UnitGroup.self, UserGroup.self, PlanGroup.self,
            Assign.self, Accept.self, Decline.self, Reassign.self,
            Report.self, Approve.self, Return.self, Extend.self, Complete.self, Confirm.self, Cancel.self,
            Trigger.self, TaskGroup.self, History.self, Status.self, Indicators.self, Verify.self, Rebuild.self,
            Remind.self, Reminders.self, CalendarGroup.self, Serve.self,
        ])
}
