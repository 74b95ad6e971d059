import Foundation
import RoDomain
import RoEventStore
import RoHandlers

/// Printing for people (Vietnamese text) and for programs (`--json`).
enum Output {
    /// JSON for `--json`: snake_case keys, sorted; instants as UTC ISO 8601 text.
    static func json(_ value: some Encodable) {
        if let value = value as? any JSONWritable { return print(JSONWriter.text(of: value, pretty: true)) }
        // Our read models always encode.
        print(String(decoding: try! JSONOutput.encoder(pretty: true).encode(value), as: UTF8.self))
    }

    /// A deadline as people read it: the local day it ends.
    static func day(_ due: Date?) -> String {
        due.map(CommuneTime.dayOfDeadline) ?? "không thời hạn"
    }

    /// A table with left-aligned columns, two spaces apart.
    static func table(_ header: [String], _ rows: [[String]]) {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        for row in all {
            let cells = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }
            print(cells.joined(separator: "  "))
        }
    }

    /// The positions of a command's events: each, or for many (a plan load)
    /// the range; a command's events are contiguous in the log.
    static func positions(_ events: [RecordedEvent]) -> String {
        guard events.count > 3, let first = events.first, let last = events.last else {
            return events.map { "#\($0.position)" }.joined(separator: ", ")
        }
        return "#\(first.position)–#\(last.position), \(events.count) sự kiện"
    }

    /// Reports a write: the sentence for what was done, or why nothing was written.
    static func written(_ outcome: CommandOutcome, context: CommandContext, json asJSON: Bool, done: String) {
        if asJSON { return json(WriteResult(outcome, commandID: context.commandID)) }
        if outcome.repeated {
            print("Lệnh \(context.commandID) đã được thực hiện trước đó; không ghi thêm.")
        } else if outcome.events.isEmpty {
            print("Không có gì thay đổi: việc này đã được ghi nhận trước đó.")
        } else {
            print("\(done) (sự kiện \(positions(outcome.events)))")
        }
    }
}
