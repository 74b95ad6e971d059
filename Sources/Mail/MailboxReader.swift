import Foundation

/// Reads an mbox file, as the local MTA writes it (`/var/mail/USER`), for tests
/// that check what was delivered.
///
/// A message starts at a line beginning `From ` that is the file's first line
/// or follows an empty line (the mboxo and mboxrd formats). Each message comes
/// back without that separator line and without the empty line that ends it;
/// lines the writer escaped (`>From `, `>>From `, …) lose one `>`, as in mboxrd.
/// A missing file holds no messages (the MTA creates it at the first delivery).
///
/// A message being written while the file is read may come back incomplete:
/// find a message by its Message-ID and read again until it is whole.
public enum MailboxReader {
    /// The messages in the mbox file at `path`, oldest first.
    /// - Throws: ``MailError/unreadable(what:reason:)`` when the file exists but
    ///   cannot be read.
    public static func messages(inMbox path: String) throws(MailError) -> [Data] {
        try read(path).map(messages(inMboxData:)) ?? []
    }

    /// The last message in the mbox file at `path` whose Message-ID is `id`
    /// (without angle brackets), or `nil` when there is none (yet).
    ///
    /// Mailboxes are shared by tests running in parallel: find a message by the
    /// unique Message-ID it was sent with. Only the messages holding `<id>` are
    /// cut out and read, so polling a large mailbox stays cheap.
    /// - Throws: ``MailError/unreadable(what:reason:)`` when the file exists but
    ///   cannot be read.
    public static func message(withID id: String, inMbox path: String) throws(MailError) -> Data? {
        guard let data = try read(path) else { return nil }
        let hits = offsets(of: Data("<\(id)>".utf8), in: data)
        guard !hits.isEmpty else { return nil }
        let starts = messageStarts(data)
        for hit in hits.reversed() {
            guard let index = starts.lastIndex(where: { $0 <= hit }) else { continue }
            let end = index + 1 < starts.count ? starts[index + 1] : data.endIndex
            let message = extract(data, from: starts[index], to: end)
            if (try? ReceivedMail(message))?.messageID == id { return message }
        }
        return nil
    }

    /// The messages in mbox content, oldest first.
    public static func messages(inMboxData data: Data) -> [Data] {
        let starts = messageStarts(data)
        return starts.indices.map { i in
            extract(data, from: starts[i], to: i + 1 < starts.count ? starts[i + 1] : data.endIndex)
        }
    }

    /// Where each message's `From ` line starts: at the start of the data or
    /// after an empty line.
    private static func messageStarts(_ data: Data) -> [Int] {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [Int] in
            guard let base = raw.baseAddress else { return [] }
            let bytes = raw.bindMemory(to: UInt8.self)
            let from = Array("From ".utf8)
            func isFrom(_ i: Int) -> Bool {
                i + from.count <= bytes.count && (0..<from.count).allSatisfy { bytes[i + $0] == from[$0] }
            }
            var starts: [Int] = isFrom(0) ? [0] : []
            var i = 0
            while i < bytes.count, let found = memchr(base + i, 10, bytes.count - i) {
                let newline = base.distance(to: UnsafeRawPointer(found))
                if newline + 1 < bytes.count, bytes[newline + 1] == 10, isFrom(newline + 2) { starts.append(newline + 2) }
                i = newline + 1
            }
            return starts.map { data.startIndex + $0 }
        }
    }

    /// Where `needle` occurs in `data`, in order.
    private static func offsets(of needle: Data, in data: Data) -> [Int] {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [Int] in
            needle.withUnsafeBytes { (pattern: UnsafeRawBufferPointer) -> [Int] in
                guard let base = raw.baseAddress, let patternBase = pattern.baseAddress else { return [] }
                let first = Int32(pattern[0])
                var hits: [Int] = []
                var i = 0
                while i + pattern.count <= raw.count, let found = memchr(base + i, first, raw.count - i) {
                    let offset = base.distance(to: UnsafeRawPointer(found))
                    guard offset + pattern.count <= raw.count else { break }
                    if memcmp(found, patternBase, pattern.count) == 0 { hits.append(data.startIndex + offset) }
                    i = offset + 1
                }
                return hits
            }
        }
    }

    /// The message whose `From ` line starts at `start`, up to `end` (the next
    /// separator line or the end of the file).
    private static func extract(_ data: Data, from start: Int, to end: Int) -> Data {
        let newline = UInt8(ascii: "\n")
        let bodyStart = data[start..<end].firstIndex(of: newline).map { $0 + 1 } ?? end
        var message = data[bodyStart..<end]
        // The empty line that ends the message (before the next `From ` line).
        if message.count >= 2, message.last == newline, message[message.endIndex - 2] == newline {
            message = message.dropLast()
        }
        guard message.first == UInt8(ascii: ">") || message.range(of: Data("\n>".utf8)) != nil else {
            return Data(message)
        }
        let lines = message.split(separator: newline, omittingEmptySubsequences: false)
        return Data(lines.map(unescaped).joined(separator: [newline]))
    }

    /// The file's bytes, or `nil` when there is no file.
    private static func read(_ path: String) throws(MailError) -> Data? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(what: path, reason: error.localizedDescription)
        }
    }

    /// The line with one `>` removed when it is `>…>From `.
    private static func unescaped(_ line: Data.SubSequence) -> Data.SubSequence {
        let quote = UInt8(ascii: ">")
        guard line.first == quote else { return line }
        let rest = line.drop { $0 == quote }
        return rest.starts(with: "From ".utf8) ? line.dropFirst() : line
    }
}
