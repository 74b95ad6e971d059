import Foundation
import RoDomain
import RoWorkflows
import Testing
import TestSupport

/// What the tests of the real plan files share.
enum RealPlan {
    /// Reads a plan file; a fault fails the test with every issue listed.
    static func load(_ path: String) throws -> PlanFile {
        do {
            return try PlanFile.read(path: path)
        } catch {
            Issue.record("\(error.issues.map(\.description).joined(separator: "\n"))")
            throw error
        }
    }

    /// Line breaks and runs of spaces as one space, diacritics composed: the
    /// seeds' paragraphs are broken across lines and pages.
    static func collapsed(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func task(_ code: String, in plan: Plan) throws -> Plan.Task {
        try #require(plan.tasks.first { $0.code == code }, "no task \(code)")
    }

    static func indicator(_ id: String, in plan: Plan) throws -> Indicator {
        try #require(plan.indicators.first { $0.id == id }, "no indicator \(id)")
    }
}
