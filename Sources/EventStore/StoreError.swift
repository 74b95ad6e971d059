import Foundation

/// What went wrong in the store, with the place it went wrong.
public enum StoreError: Error, Equatable, Sendable {
    /// No store file at the path (every command but `ro init` needs one).
    case missing(path: String)
    /// The file exists but is not an SQLite database, or not a Rõ store.
    case notAStore(path: String)
    /// The store was written by a newer Rõ: its schema has migrations this binary lacks.
    case newerSchema(path: String, unknown: [String])
    /// `ro init` on a file that already holds a store.
    case alreadyExists(path: String)
    /// The stream moved on since the decision was taken.
    case conflict(stream: String, expected: Int, actual: Int)
    /// A command id already used for a different command.
    case commandIDReused(String)
    /// A stored payload that no longer decodes.
    case undecodable(position: Int64, type: String, reason: String)
    /// Any other SQLite failure, with SQLite's words.
    case database(String)

    public var message: String {
        switch self {
        case .missing(let path): "không có kho dữ liệu tại \(path) (chạy 'ro init' trước)"
        case .notAStore(let path): "tệp \(path) không phải là kho dữ liệu của Rõ"
        case .newerSchema(let path, let unknown):
            "kho dữ liệu \(path) do phiên bản Rõ mới hơn tạo (lược đồ \(unknown.joined(separator: ", "))); hãy cập nhật ro"
        case .alreadyExists(let path): "kho dữ liệu \(path) đã có"
        case .conflict(let stream, let expected, let actual):
            "xung đột ghi trên \(stream): dữ liệu đã thay đổi (mong đợi phiên bản \(expected), hiện là \(actual)); hãy thử lại"
        case .commandIDReused(let id): "mã lệnh \(id) đã được dùng cho một lệnh khác"
        case .undecodable(let position, let type, let reason):
            "không đọc được sự kiện #\(position) (\(type)): \(reason)"
        case .database(let text): "lỗi kho dữ liệu: \(text)"
        }
    }
}
