import Foundation

/// Wall time of `body`, the best of `repeats` runs (the least disturbed by
/// other work on a shared machine).
func best(of repeats: Int = 3, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<repeats { times.append(try time(body)) }
    return times.min()!
}

/// A fresh directory for one benchmark's files.
func scratch() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("ro-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The peak resident memory of this process so far, in MB (VmHWM).
func peakResidentMB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kB = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kB / 1024
}

/// Percentiles of a list of durations (nearest rank).
func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))]
}
