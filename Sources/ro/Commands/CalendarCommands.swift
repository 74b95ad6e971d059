import ArgumentParser
import Foundation
import RoDomain
import RoEventStore
import RoHandlers
import RoWorkflows

struct CalendarGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Lịch làm việc: ngày nghỉ lễ, nghỉ bù và ngày làm bù mà thư nhắc việc dựa vào.",
        subcommands: [Load.self, Show.self])

    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Nạp tệp lịch làm việc (ngày nghỉ, ngày làm bù do Chính phủ công bố hằng năm). Chỉ quản trị viên.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "Tệp lịch (YAML), ví dụ Workflows/calendar-vn.yaml.") var file: String

        func run() throws {
            let adjustments: CalendarAdjustments
            do { adjustments = try CalendarFile.read(path: file) } catch { throw PlanGroup.failure(error) }
            let data = FileManager.default.contents(atPath: file) ?? Data()
            let context = try actor.context()
            let handler = try store.handler()
            let outcome = try failing {
                try handler.loadCalendar(adjustments, digest: HashChain.fingerprint(data), context: context)
            }
            let version = WorkingCalendar(adjustments: adjustments).version
            Output.written(
                outcome, context: context, json: actor.json,
                done: "Đã nạp lịch làm việc \(version): \(adjustments.daysOff.count) ngày nghỉ thêm, \(adjustments.workingDays.count) ngày làm bù, \(adjustments.notOff.count) ngày không nghỉ.")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Các ngày nghỉ (ngoài thứ Bảy, Chủ nhật) và ngày làm bù của một năm, theo lịch đang dùng.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Option(name: .long, help: "Năm (mặc định: năm nay).") var year: Int?

        struct Day: Encodable {
            var date: String
            var weekday: Int
            var working: Bool
            var reason: String
        }

        struct Shown: Encodable {
            var version: String
            var year: Int
            var days: [Day]
        }

        func validate() throws {
            if let year, !(2000...2100).contains(year) { throw ValidationError("năm \(year) nằm ngoài khoảng 2000–2100") }
        }

        func run() throws {
            let calendar = try failing { try store.open().calendar() }.calendar
            let now = try store.clock().now()
            let year = self.year ?? LocalDay.containing(now).year
            var days = calendar.daysOff(in: year).map {
                Day(date: $0.day.description, weekday: $0.day.weekday, working: false, reason: $0.reason)
            }
            days += calendar.adjustments.workingDays.filter { $0.date.year == year }.map {
                Day(date: $0.date.description, weekday: $0.date.weekday, working: true, reason: $0.reason)
            }
            days.sort { $0.date < $1.date }
            if output.json { return Output.json(Shown(version: calendar.version, year: year, days: days)) }
            print("Lịch làm việc \(calendar.version), năm \(year):")
            let names = ["", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]
            Output.table(
                ["NGÀY", "THỨ", "", "LÝ DO"],
                days.map { day in
                    let local = (try? LocalDay.parse(day.date, field: "ngày"))?.vietnamese ?? day.date
                    return [local, names[day.weekday], day.working ? "làm việc" : "nghỉ", day.reason]
                })
        }
    }
}
