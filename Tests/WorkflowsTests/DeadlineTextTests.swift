import Foundation
@testable import RoDomain
import Testing

@Suite("Deadlines as the plans write them")
struct DeadlineTextTests {
    @Test(arguments: [
        ("30/9/2025", Deadline.date(year: 2025, month: 9, day: 30)),
        ("Ngày 30/9/2025", .date(year: 2025, month: 9, day: 30)),
        ("Trước ngày 15/10/2025", .date(year: 2025, month: 10, day: 15)),
        ("Tháng 7/2025", .months(year: 2025, months: [7])),
        ("tháng 07/2025", .months(year: 2025, months: [7])),
        ("Tháng 7,8/2025", .months(year: 2025, months: [7, 8])),
        ("Tháng 7, 8/2025", .months(year: 2025, months: [7, 8])),
        ("Tháng 7-9/2025", .months(year: 2025, months: [7, 8, 9])),
        ("Quý III/2025", .months(year: 2025, months: [7, 8, 9])),
        ("Năm 2025", .year(2025)),
        ("Trong năm 2026", .year(2026)),
        ("Đến năm 2030", .year(2030)),
        ("Giai đoạn 2025-2026", .years(from: 2025, to: 2026)),
        ("Giai đoạn 2026 – 2030", .years(from: 2026, to: 2030)),
        ("2026-2030", .years(from: 2026, to: 2030)),
        ("Hàng năm", .annually),
        ("Hằng năm", .annually),
        ("Thường xuyên", .ongoing),
        ("Khi có văn bản của cấp trên", .onInstruction),
        ("Triển khai theo hướng dẫn của cấp trên", .onInstruction),
        ("Tháng 7/2025, duy trì hàng năm", .thenAnnually(.months(year: 2025, months: [7]))),
        ("Năm 2025, duy trì hằng năm", .thenAnnually(.year(2025))),
    ])
    func reads(text: String, expected: Deadline) throws {
        #expect(try DeadlineText.parse(text) == expected)
    }

    @Test func decomposedDiacriticsReadTheSame() throws {
        let decomposed = "Tháng 7/2025".decomposedStringWithCanonicalMapping
        #expect(try DeadlineText.parse(decomposed) == .months(year: 2025, months: [7]))
        #expect(try DeadlineText.parse("Hằng năm".decomposedStringWithCanonicalMapping) == .annually)
    }

    @Test(arguments: [
        "", "Sớm", "Tháng 13/2025", "Tháng 0/2025", "Tháng 8,7/2025", "Tháng 7/25", "31/2/2025", "Năm 1999",
        "Giai đoạn 2026-2025", "Quý V/2025", "Tháng 7/2025, duy trì", "ASAP", "Hàng tuần",
    ])
    func refusesWhatItCannotRead(text: String) {
        #expect(throws: DeadlineText.Unreadable(text: text)) { try DeadlineText.parse(text) }
    }

    @Test func resolvesToDueInstantsInTheCommune() throws {
        func dues(_ text: String, _ horizon: ClosedRange<Int> = 2025...2027) throws -> [String] {
            try DeadlineText.parse(text).deliverables(horizon: horizon).map { "\($0.key)@\(Timestamp.format($0.due))" }
        }
        #expect(try dues("30/9/2025") == ["2025-09-30@2025-09-30T17:00:00.000Z"])
        #expect(try dues("Tháng 7,8/2025") == ["2025-08@2025-08-31T17:00:00.000Z"])
        #expect(try dues("Năm 2026") == ["2026@2026-12-31T17:00:00.000Z"])
        #expect(try dues("Giai đoạn 2025-2026") == ["2025-2026@2026-12-31T17:00:00.000Z"])
        #expect(try dues("Hàng năm") == [
            "2025@2025-12-31T17:00:00.000Z", "2026@2026-12-31T17:00:00.000Z", "2027@2027-12-31T17:00:00.000Z",
        ])
        #expect(try dues("Thường xuyên").isEmpty)
        #expect(try dues("Khi có văn bản của cấp trên").isEmpty)
        #expect(try dues("Tháng 7/2025, duy trì hàng năm") == [
            "2025-07@2025-07-31T17:00:00.000Z", "2026-07@2026-07-31T17:00:00.000Z", "2027-07@2027-07-31T17:00:00.000Z",
        ])
        #expect(try dues("29/2/2028, duy trì hàng năm", 2028...2029) == [
            "2028-02-29@2028-02-29T17:00:00.000Z", "2029-02-28@2029-02-28T17:00:00.000Z",
        ])
    }
}
