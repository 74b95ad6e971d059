import Foundation

/// One figure of the run: Rõ's value beside the raw limit and the peer
/// measured in the same run, and the target it is held to.
struct Figure: Encodable {
    var name: String
    /// "commands/s", "events/s", "ms", "MB", "s".
    var unit: String
    /// For rates; for times and sizes, lower is better.
    var higherIsBetter: Bool
    var ro: Double
    var limit: Double?
    var peer: Double?
    /// The target in words, e.g. "≥ 90% of the limit".
    var target: String
    var met: Bool?

    /// Rõ as a fraction of the limit (for rates: 0.9 is 90% of what bare SQLite does).
    var ratioToLimit: Double? { limit.map { higherIsBetter ? ro / $0 : $0 / ro } }
    /// How many times better than the peer Rõ is (above 1: ahead).
    var ratioToPeer: Double? { peer.map { higherIsBetter ? ro / $0 : $0 / ro } }

    enum CodingKeys: String, CodingKey {
        case name, unit, ro, limit, peer, target, met
        case ratioToLimit = "ratio_to_limit", ratioToPeer = "ratio_to_peer"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(unit, forKey: .unit)
        try c.encode(ro, forKey: .ro)
        try c.encode(limit, forKey: .limit)
        try c.encode(peer, forKey: .peer)
        try c.encode(target, forKey: .target)
        try c.encode(met, forKey: .met)
        try c.encode(ratioToLimit, forKey: .ratioToLimit)
        try c.encode(ratioToPeer, forKey: .ratioToPeer)
    }
}

/// The run's figures as a table for people and as JSON for programs.
enum Report {
    static func table(_ figures: [Figure]) -> String {
        let header = ["figure", "unit", "Rõ", "limit", "peer", "Rõ/limit", "Rõ vs peer", "target", ""]
        let rows = figures.map { f in
            [
                f.name, f.unit, number(f.ro), f.limit.map(number) ?? "–", f.peer.map(number) ?? "–",
                f.ratioToLimit.map { String(format: "%.2f", $0) } ?? "–",
                f.ratioToPeer.map { String(format: "%.1f×", $0) } ?? "–", f.target,
                f.met.map { $0 ? "met" : "MISSED" } ?? "",
            ]
        }
        let widths = header.indices.map { i in ([header] + rows).map { $0[i].count }.max()! }
        return ([header] + rows).map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    static func number(_ value: Double) -> String {
        switch value {
        case 100...: String(format: "%.0f", value)
        case 1..<100: String(format: "%.2f", value)
        default: String(format: "%.3f", value)
        }
    }

    static func json(_ figures: [Figure], machine: [String: String]) -> String {
        struct Run: Encodable {
            var machine: [String: String]
            var figures: [Figure]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(Run(machine: machine, figures: figures)), as: UTF8.self)
    }
}
