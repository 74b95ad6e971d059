import Foundation

/// A place in a plan file: the file, the line and column (from 1), and the
/// field, as a path such as `tasks[3].deadline`.
public struct PlanLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var field: String

    public var description: String { "\(file):\(line):\(column): \(field)" }
}

/// A fault in a plan file. One refuses the whole file.
public struct PlanIssue: Hashable, Sendable, CustomStringConvertible {
    public var location: PlanLocation
    /// What is wrong, in Vietnamese.
    public var message: String

    /// One line: `FILE:LINE:COLUMN: FIELD: message`.
    public var description: String { "\(location): \(message)" }
}

/// Something a person should look at, which does not refuse the file: a
/// placeholder where the plan is vague, a unit with no address.
public struct PlanWarning: Hashable, Sendable, CustomStringConvertible {
    public var location: PlanLocation
    public var message: String
    public var description: String { "\(location): cảnh báo: \(message)" }
}

/// A plan file that cannot be loaded, with every fault found in it.
public struct PlanFileError: Error, Sendable {
    public var issues: [PlanIssue]

    /// The first fault, as one line.
    public var message: String { issues.first?.description ?? "kế hoạch không hợp lệ" }
}

/// A value a plan file marks as not yet known: text starting with `CHƯA RÕ`
/// ("not yet clear"), followed by what is missing. `ro plan check` warns about
/// each; nothing is guessed in its place.
public enum Placeholder {
    public static let marker = "CHƯA RÕ"

    public static func isPlaceholder(_ text: String) -> Bool {
        text.trimmingCharacters(in: .whitespaces).uppercased().hasPrefix(marker)
    }
}
