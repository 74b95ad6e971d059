import Foundation
import RoDomain
import RoEventStore
import RoHandlers

/// Printing for people (Vietnamese text) and for programs (`--json`).
enum Output {
    /// JSON for `--json`: snake_case keys, sorted; instants as UTC ISO 8601 text.
    static func json(_ value: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.format(date))
        }
        // Our read models always encode.
        print(String(decoding: try! encoder.encode(value), as: UTF8.self))
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

    /// What a write command did, as `--json` prints it.
    struct WriteResult: Encodable {
        struct Event: Encodable {
            var position: Int64
            var stream: String
            var version: Int
            var type: String
            var eventId: String
        }

        var commandId: String
        var repeated: Bool
        var events: [Event]

        init(_ outcome: CommandOutcome, commandID: String) {
            commandId = commandID
            repeated = outcome.repeated
            events = outcome.events.map {
                Event(position: $0.position, stream: $0.streamID, version: $0.version, type: $0.type, eventId: $0.eventID)
            }
        }
    }

    /// Reports a write: the sentence for what was done, or why nothing was written.
    static func written(_ outcome: CommandOutcome, context: CommandContext, json asJSON: Bool, done: String) {
        if asJSON { return json(WriteResult(outcome, commandID: context.commandID)) }
        if outcome.repeated {
            print("Lệnh \(context.commandID) đã được thực hiện trước đó; không ghi thêm.")
        } else if outcome.events.isEmpty {
            print("Không có gì thay đổi: việc này đã được ghi nhận trước đó.")
        } else {
            let positions = outcome.events.map { "#\($0.position)" }.joined(separator: ", ")
            print("\(done) (sự kiện \(positions))")
        }
    }
}
