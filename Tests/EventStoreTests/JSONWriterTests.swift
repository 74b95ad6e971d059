import Foundation
import RoDomain
@testable import RoEventStore
import RoHandlers
import Testing

/// `ro task list --json` is written by ``JSONWriter``; it must be, byte for
/// byte, what the encoder of every other `--json` output makes of the same values.
@Suite("JSON writer")
struct JSONWriterTests {
    /// Text with what JSON must escape, what it must not, and Vietnamese.
    static let texts = [
        "", "Tuyên truyền Nghị quyết 57-NQ/TW", "a \"quoted\" \\ back", "line\nbreak\r\ttab", "\u{1}\u{8}\u{c}\u{1f}\u{7f}",
        "Phòng Văn hóa – Xã hội", "😀 \u{2028}", "Quý IV/2026",
    ]

    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func summaries(_ count: Int, seed: UInt64) -> [TaskSummary] {
        var random = Seeded(state: seed)
        func text() -> String { texts.randomElement(using: &random)! }
        func maybe<T>(_ value: T) -> T? { Bool.random(using: &random) ? value : nil }
        func date() -> Date { Date(timeIntervalSince1970: Double(Int.random(in: 0..<4_000_000_000_000, using: &random)) / 1000) }
        return (0..<count).map { n in
            let report = PeriodReport(
                period: "2026-\(n % 12 + 10)", state: [.approved, .missing, .pending, .returned, .submitted][n % 5],
                revision: maybe(Int.random(in: 1...12, using: &random)), due: date(), late: Bool.random(using: &random),
                submittedBy: maybe(text()), submittedAt: maybe(date()), decidedBy: maybe(text()), decidedAt: maybe(date()))
            return TaskSummary(
                id: "KH-\(n)/\(text())", title: text(), plan: maybe(text()), code: maybe(text()), leadUnit: text(),
                coUnits: (0..<Int.random(in: 0...3, using: &random)).map { _ in text() },
                status: TaskStatus.allCases.randomElement(using: &random)!, due: maybe(date()), originalDue: maybe(date()),
                deadlineText: maybe(text()), overdue: Bool.random(using: &random), periodReport: maybe(report))
        }
    }

    @Test(arguments: [true, false])
    func writesWhatTheEncoderWrites(pretty: Bool) throws {
        for seed in 1...20 as ClosedRange<UInt64> {
            let summaries = Self.summaries(Int(seed % 4) * 5, seed: seed)
            let encoded = String(decoding: try JSONOutput.encoder(pretty: pretty).encode(summaries), as: UTF8.self)
            #expect(JSONWriter.text(of: summaries, pretty: pretty) == encoded, "seed \(seed)")
        }
    }

    @Test func anEmptyListIsTheEncodersEmptyList() throws {
        let encoded = String(decoding: try JSONOutput.encoder(pretty: true).encode([TaskSummary]()), as: UTF8.self)
        #expect(JSONWriter.text(of: [TaskSummary](), pretty: true) == encoded)
        #expect(encoded == "[\n\n]")
    }
}
