import Crypto
import Foundation
import RoDomain

/// Evidence files, kept by content beside the event store (`STORE.evidence/`,
/// one file per SHA-256, written once): a report's event names each file by
/// its hash, so the hash chain covers the files, and a file is never changed.
public struct EvidenceStore: Sendable {
    public let folder: URL
    /// The largest file taken.
    public static let maxSize = 10 * 1024 * 1024

    public init(beside storePath: String) {
        folder = URL(fileURLWithPath: storePath + ".evidence", isDirectory: true)
    }

    /// What a report records of a file (its name, SHA-256 and size), without keeping it.
    public func describe(_ data: Data, name: String) throws(EvidenceError) -> TaskEvent.Evidence {
        let name = (name as NSString).lastPathComponent.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 200,
            name.unicodeScalars.allSatisfy({ $0.properties.generalCategory != .control })
        else { throw .badName(name) }
        guard !data.isEmpty else { throw .empty(name) }
        guard data.count <= Self.maxSize else { throw .tooLarge(name, limit: Self.maxSize) }
        let hash = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        return TaskEvent.Evidence(name: name, sha256: hash, size: data.count)
    }

    /// Keeps `data` under its hash and returns what a report records of it.
    public func put(_ data: Data, name: String) throws(EvidenceError) -> TaskEvent.Evidence {
        let described = try describe(data, name: name)
        let hash = described.sha256
        let target = file(hash)
        if !FileManager.default.fileExists(atPath: target.path) {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let temporary = folder.appendingPathComponent(".\(hash).\(UUID().uuidString)")
                try Self.writeDurably(data, to: temporary)
                try FileManager.default.moveItem(at: temporary, to: target)
                // The rename (and the folder, the first time) must reach the disk before the event naming the file does.
                try Self.synchronize(folder)
                try Self.synchronize(folder.deletingLastPathComponent())
            } catch where FileManager.default.fileExists(atPath: target.path) {
                // Another writer kept the same bytes first.
            } catch {
                throw .unwritable(folder.path, "\(error)")
            }
        }
        return described
    }

    /// Writes `data` and waits for it to reach the disk.
    static func writeDurably(_ data: Data, to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.write(contentsOf: data)
        try handle.synchronize()
    }

    /// fsync on a directory, so that a file created or renamed in it survives a crash.
    static func synchronize(_ directory: URL) throws {
        let handle = try FileHandle(forReadingFrom: directory)
        defer { try? handle.close() }
        try handle.synchronize()
    }

    /// The bytes kept under `sha256`, or nil.
    public func get(_ sha256: String) -> Data? {
        guard sha256.count == 64, sha256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        return FileManager.default.contents(atPath: file(sha256).path)
    }

    func file(_ sha256: String) -> URL { folder.appendingPathComponent(sha256) }
}

public enum EvidenceError: Error, Equatable, Sendable {
    case badName(String)
    case empty(String)
    case tooLarge(String, limit: Int)
    case unwritable(String, String)

    public var message: String {
        switch self {
        case .badName(let name): "tên tệp minh chứng '\(name)' không hợp lệ"
        case .empty(let name): "tệp minh chứng '\(name)' trống"
        case .tooLarge(let name, let limit): "tệp minh chứng '\(name)' lớn quá \(limit / 1024 / 1024) MB"
        case .unwritable(let path, let reason): "không ghi được tệp minh chứng vào '\(path)': \(reason)"
        }
    }
}
