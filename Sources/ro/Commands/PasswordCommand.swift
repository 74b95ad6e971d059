import ArgumentParser
import Foundation
import HummingbirdBcrypt
import RoDomain
import RoHandlers

extension UserGroup {
    struct Password: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Đặt mật khẩu đăng nhập trang web cho một người dùng (quản trị, hoặc chính người đó).",
            discussion: "Mật khẩu đọc từ đầu vào chuẩn (một dòng, ít nhất 8 ký tự); chỉ lưu chuỗi băm bcrypt.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "Tên đăng nhập của người được đặt mật khẩu.") var login: String

        /// bcrypt's cost: about a tenth of a second a sign-in on this machine.
        static let cost: UInt8 = 11

        func run() throws {
            let target = try failing { try Login.parse(login) }
            guard let line = readLine(strippingNewline: true), line.count >= 8 else {
                throw Failure("mật khẩu phải có ít nhất 8 ký tự (đọc từ đầu vào chuẩn, một dòng)", .dataError)
            }
            guard line.count <= 72, line.unicodeScalars.allSatisfy({ $0.properties.generalCategory != .control }) else {
                throw Failure("mật khẩu dài quá 72 ký tự hoặc chứa ký tự điều khiển", .dataError)
            }
            let context = try actor.context()
            let handler = try store.handler()
            let outcome = try failing { try handler.setPassword(target, hash: Bcrypt.hash(line, cost: Self.cost), context: context) }
            Output.written(outcome, context: context, json: actor.json, done: "Đã đặt mật khẩu cho \(target).")
        }
    }
}
