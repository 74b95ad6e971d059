import Foundation

/// ArgumentParser's usage errors, told in Vietnamese. Its messages have a few
/// fixed shapes; one it does not know is passed on as it is.
enum UsageText {
    private static let shapes: [(prefix: String, vietnamese: String)] = [
        ("Unknown option ", "không có tùy chọn "),
        ("Missing expected argument ", "thiếu tham số bắt buộc "),
        ("Unexpected arguments ", "không hiểu các tham số "),
        ("Unexpected argument ", "không hiểu tham số "),
        ("Missing value for ", "thiếu giá trị cho "),
        ("Duplicate key ", "lặp lại "),
    ]

    static func vietnamese(_ message: String) -> String {
        let line = message.replacingOccurrences(of: "Error: ", with: "")
        for (prefix, vietnamese) in shapes where line.hasPrefix(prefix) {
            return vietnamese + line.dropFirst(prefix.count)
        }
        // "The value 'x' is invalid for '--y <y>'"
        if line.hasPrefix("The value "), let range = line.range(of: " is invalid for ") {
            let value = line[line.index(line.startIndex, offsetBy: "The value ".count)..<range.lowerBound]
            return "giá trị \(value) không hợp lệ cho \(line[range.upperBound...])"
        }
        // "The option '--overdue' does not take any value, but 'yes' was specified."
        if line.hasPrefix("The option "), let range = line.range(of: " does not take any value") {
            let option = line[line.index(line.startIndex, offsetBy: "The option ".count)..<range.lowerBound]
            return "tùy chọn \(option) không nhận giá trị"
        }
        return line
    }
}
