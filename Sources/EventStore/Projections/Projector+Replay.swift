import Foundation
import GRDB
import Synchronization
import RoDomain

extension Projector {
    /// Events read and decoded at a time by a replay.
    static let replayChunk = 2_048

    /// Projects every event after the checkpoint (all of them after
    /// ``clear(_:)``) in one pass over a cursor, in chunks: each chunk's
    /// payloads are decoded on all cores at once (decoding JSON is most of a
    /// replay's work), then applied in order. At most ``TaskStates/capacity``
    /// task states are held, so memory stays bounded however long the history.
    @discardableResult
    static func replay(_ db: Database) throws -> Int {
        let current = try checkpoint(db)
        if current?.version != version { try clear(db) }
        let from = current?.version == version ? current!.position : 0
        var tasks = TaskStates(known: [:])
        var count = 0
        let rows = try Row.fetchCursor(
            db, sql: "SELECT \(RecordedEvent.columns) FROM events WHERE position > ? ORDER BY position", arguments: [from])
        var chunk: [RecordedEvent] = []
        chunk.reserveCapacity(replayChunk)
        func applyChunk() throws {
            for (event, decoded) in zip(chunk, try decodeAll(chunk)) {
                try apply(decoded, event, &tasks, db)
                if tasks.touched.count >= TaskStates.capacity { try tasks.flush(db) }
            }
            count += chunk.count
            if let last = chunk.last { try setCheckpoint(last.position, db) }
            chunk.removeAll(keepingCapacity: true)
        }
        while let row = try rows.next() {
            chunk.append(try RecordedEvent(row: row))
            if chunk.count == replayChunk { try applyChunk() }
        }
        try applyChunk()
        try tasks.flush(db)
        return count
    }

    /// The JSON of task states, made on all cores when there are many.
    static func encodeAll(_ states: [String: TaskState]) -> [String: String] {
        let all = Array(states)
        let slices = min(ProcessInfo.processInfo.activeProcessorCount, max(1, all.count / 64))
        guard slices > 1 else { return states.mapValues(EventCoding.json) }
        let results = Mutex([String: String](minimumCapacity: all.count))
        let size = (all.count + slices - 1) / slices
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            let part = all[min(all.count, slice * size)..<min(all.count, (slice + 1) * size)]
            let json = part.map { ($0.key, EventCoding.json($0.value)) }
            results.withLock { results in for (id, text) in json { results[id] = text } }
        }
        return results.withLock { $0 }
    }

    /// Decodes events in parallel, one slice per core; the first failure is thrown.
    static func decodeAll(_ events: [RecordedEvent]) throws -> [Decoded] {
        let slices = min(ProcessInfo.processInfo.activeProcessorCount, max(1, events.count / 256))
        guard slices > 1 else { return try events.map(Decoded.init) }
        let results = Mutex([Int: Result<[Decoded], any Error>]())
        let size = (events.count + slices - 1) / slices
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            let part = events[min(events.count, slice * size)..<min(events.count, (slice + 1) * size)]
            let decoded = Result { try part.map(Decoded.init) }
            results.withLock { $0[slice] = decoded }
        }
        return try results.withLock { results in try (0..<slices).flatMap { try results[$0]!.get() } }
    }
}
