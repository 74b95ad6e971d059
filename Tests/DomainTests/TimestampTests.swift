import Foundation
import Testing

@testable import RoDomain

@Suite("Instants written as ISO 8601")
struct TimestampTests {
    @Test func anInstantIsWrittenInUTCWithMilliseconds() {
        #expect(Timestamp.format(Timestamp.fromMilliseconds(0)) == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp.format(Fx.novDue) == "2026-11-19T17:00:00.000Z")
        #expect(Timestamp.format(Timestamp.fromMilliseconds(1_795_587_747_123)) == "2026-11-25T06:22:27.123Z")
    }

    @Test(arguments: [
        "2026-11-25T06:22:27.123Z", "2026-11-19T17:00:00.000Z", "2026-12-31T23:59:59.999Z",
        "2028-02-29T12:00:00.001Z", "1970-01-01T00:00:00.000Z", "1969-12-31T23:59:59.999Z",
    ])
    func whatIsWrittenReadsBackTheSame(text: String) throws {
        let date = try #require(Timestamp.parse(text))
        #expect(Timestamp.format(date) == text)
        #expect(Timestamp.parse(Timestamp.format(date)) == date)
    }

    @Test(arguments: [Int64(0), 1, 999, 1_000, 1_795_587_747_123, 1_795_587_747_999, 4_102_444_799_999, -1, -1_001])
    func everyMillisecondSurvivesTheRoundTrip(ms: Int64) throws {
        let date = Timestamp.fromMilliseconds(ms)
        let back = try #require(Timestamp.parse(Timestamp.format(date)))
        #expect(back == date)
        #expect(Timestamp.milliseconds(back) == ms)
    }

    @Test func truncatingDropsWhatIsBelowAMillisecond() {
        let date = Date(timeIntervalSince1970: 1_795_587_747.123_9)
        let truncated = Timestamp.truncated(date)
        #expect(Timestamp.milliseconds(truncated) == 1_795_587_747_123)
        #expect(Timestamp.parse(Timestamp.format(truncated)) == truncated)
        #expect(Timestamp.truncated(truncated) == truncated)
    }

    @Test func offsetsAreReadAsWrittenByPeople() {
        #expect(Timestamp.parse("2026-11-20T00:00:00+07:00") == Fx.novDue)
        #expect(Timestamp.parse("2026-11-20T00:00:00.000+07:00") == Fx.novDue)
        #expect(Timestamp.parse("2026-11-19T11:30:00-05:30") == Fx.novDue)
        #expect(Timestamp.parse("2026-11-19T17:00:00+00:00") == Fx.novDue)
        #expect(Timestamp.parse("2026-11-20 00:00:00+07:00") == Fx.novDue)
        #expect(Timestamp.parse("2026-11-25T13:22:27.123+07:00") == Timestamp.parse("2026-11-25T06:22:27.123Z"))
    }

    @Test func anOffsetAcrossMidnightChangesTheDay() {
        let date = Timestamp.parse("2026-01-01T06:00:00+07:00")
        #expect(date.map(Timestamp.format) == "2025-12-31T23:00:00.000Z")
    }

    @Test func fractionsOfAnyLengthAreReadToTheMillisecond() {
        #expect(Timestamp.parse("2026-11-25T06:22:27.5Z").map(Timestamp.milliseconds) == 1_795_587_747_500)
        #expect(Timestamp.parse("2026-11-25T06:22:27.12Z").map(Timestamp.milliseconds) == 1_795_587_747_120)
        #expect(Timestamp.parse("2026-11-25T06:22:27.123999Z").map(Timestamp.milliseconds) == 1_795_587_747_123)
        #expect(Timestamp.parse("2026-11-25T06:22:27Z").map(Timestamp.milliseconds) == 1_795_587_747_000)
    }

    @Test(arguments: [
        "", "2026-11-25", "2026-11-25T06:22:27", "2026-11-25T06:22:27.Z", "2026-11-25T06:22:27.123",
        "2026-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z",
        "2026-11-25T24:00:00Z", "2026-11-25T06:60:00Z", "2026-11-25T06:22:60Z", "2026-11-25T06:22:27Zjunk",
        "2026-11-25T06:22:27+0700", "2026-11-25T06:22:27+07", "2026-11-25T06:22:27+24:00",
        "2026-11-25X06:22:27Z", "2026/11/25T06:22:27Z", "２０26-11-25T06:22:27Z", "2026-11-25T6:22:27Z",
    ])
    func malformedInstantsAreRefused(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test func eventsCarryTheirStableTypeNames() {
        #expect(Past.assigned().typeName == "TaskAssigned")
        #expect(Past.reported().typeName == "ReportSubmitted")
        #expect(Past.cancelled().typeName == "TaskCancelled")
        #expect(TaskEvent.streamID(TaskID(unchecked: "KH07-II.3")) == "task-KH07-II.3")
    }

    @Test func anEventEncodedAndDecodedIsTheSameEvent() throws {
        let events = Past.reportedTask + [Past.returned(), Past.extensionRequested(), Past.extensionGranted()]
        let data = try JSONEncoder().encode(events)
        #expect(try JSONDecoder().decode([TaskEvent].self, from: data) == events)
    }
}
