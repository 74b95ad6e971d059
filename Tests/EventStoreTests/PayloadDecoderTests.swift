import Foundation
import RoDomain
@testable import RoEventStore
import RoHandlers
import RoWorkflows
import Testing
import TestSupport

/// Stored JSON is read by ``PayloadDecoder`` when it is sure, by Foundation's
/// decoder otherwise: the two must give the same values for everything Rõ
/// stores, and the fast one must refuse what is not JSON.
@Suite("Payload decoder")
struct PayloadDecoderTests {
    /// The same event read by Foundation's decoder: a payload of an older
    /// schema version goes through the upcaster and `JSONDecoder`.
    static func byFoundation(_ event: RecordedEvent) -> RecordedEvent {
        var old = event
        old.schemaVersion = 0
        return old
    }

    /// The decoded event, through both decoders, with whether the fast one answered by itself.
    static func compare(_ event: RecordedEvent) throws {
        let fast = try Projector.Decoded(event)
        let reference = try Projector.Decoded(byFoundation(event))
        #expect(fast == reference, "\(event.type) #\(event.position)")
    }

    @Test func everyEventOfRandomLivesAndRealPlansReadsTheSame() throws {
        let lives = try TaskRowTests()
        try lives.randomLives(16, seed: 11)
        for name in ["nhon-trach-2026.yaml", "loc-tan-2026-2030.yaml", "nghi-duong-2025.yaml"] {
            let file = try PlanFile.read(path: Repository.path("Workflows/\(name)"))
            _ = try lives.temp.handler(at: Fixture.november10).loadPlan(
                file.plan, digest: file.digest, context: CommandContext(login: Fixture.leader, source: .cli))
        }
        let events = try lives.temp.store.events(after: 0, limit: 100_000)
        #expect(Set(events.map(\.type)).count >= 12)
        for event in events {
            try Self.compare(event)
            // The fast decoder answered by itself (no fallback hid a refusal).
            if event.streamID.hasPrefix("task-") {
                #expect((try? PayloadDecoder.decode(AnyTaskPayload.self, from: event.payload)) != nil, "\(event.type)")
            }
        }
        // Task states, as task_view stores them.
        for n in 0..<16 {
            let state = try #require(try lives.temp.store.task(TaskID(unchecked: "T-\(n)")))
            let json = EventCoding.json(state)
            #expect(try PayloadDecoder.decode(TaskState.self, from: json) == state)
        }
    }

    /// Any task payload: an object whose members are read through `allKeys`.
    struct AnyTaskPayload: Decodable {
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            guard container.allKeys.contains(where: { $0.stringValue == "by" }) else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "no actor"))
            }
        }
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
    }

    struct Sample: Codable, Equatable {
        var text: String
        var numbers: [Int]
        var real: Double
        var flag: Bool?
        var nested: [String: [Int8]]
        var when: Date
    }

    @Test func escapesNumbersAndNullsReadAsFoundationReadsThem() throws {
        let texts = [
            #"{"text":"a\"b\\c\/d\b\f\n\r\t\u0041\u00e9\u1ec7\ud83d\ude00","numbers":[0,-1,9223372036854775807,-9223372036854775808],"real":-1.5e-3,"flag":null,"nested":{"x":[127,-128],"":[]},"when":"2026-11-19T17:00:00.123Z"}"#,
            " { \"nested\" : { } , \"when\" : \"2026-11-19T17:00:00Z\" , \"real\" : 1 , \"numbers\" : [ ] , \"text\" : \"Tuyên truyền\" , \"flag\" : true } ",
        ]
        for text in texts {
            let fast = try PayloadDecoder.decode(Sample.self, from: text)
            #expect(fast == (try EventCoding.sharedDecoder.decode(Sample.self, from: Data(text.utf8))))
        }
    }

    @Test func whatIsNotJSONOrNotTheTypeIsRefused() throws {
        let malformed = [
            "", " ", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "01", "1.", "-", "+1", ".5", "1e", "tru", "nul",
            "\"open", "\"\\x\"", "\"\u{1}\"", "[1] 2", "{\"a\":1}}", "[\"\\u12\"]",
        ]
        for text in malformed {
            #expect(throws: (any Error).self, "\(text.debugDescription)") { try PayloadDecoder.decode([Int].self, from: text) }
        }
        // Well-formed, but not what the type says: a lone surrogate, an overflow, a fraction for an integer.
        #expect(throws: (any Error).self) { try PayloadDecoder.decode([String].self, from: #"["\ud800"]"#) }
        #expect(throws: (any Error).self) { try PayloadDecoder.decode([Int8].self, from: "[128]") }
        #expect(throws: (any Error).self) { try PayloadDecoder.decode([Int].self, from: "[1.0]") }
        #expect(throws: (any Error).self) { try PayloadDecoder.decode(Sample.self, from: #"{"text":"a"}"#) }
        #expect(throws: (any Error).self) { try PayloadDecoder.decode(Sample.self, from: String(repeating: "[", count: 600)) }
    }
}
