import Crypto
import Foundation
import RoDomain
import Yams

/// A plan file: YAML in the format Workflows/README.md documents.
public struct PlanFile: Sendable {
    /// The format version this binary reads (`ro_plan: 1`).
    public static let formatVersion = 1

    public var plan: Plan
    public var warnings: [PlanWarning]
    /// SHA-256 of the file's bytes, in hex.
    public var digest: String

    /// Reads and validates a plan file. Any fault refuses the whole file.
    public static func read(path: String) throws(PlanFileError) -> PlanFile {
        try parse(try contents(path), file: path)
    }

    /// Parses and validates plan text; `file` names it in messages.
    public static func parse(_ data: Data, file: String) throws(PlanFileError) -> PlanFile {
        let here = PlanLocation(file: file, line: 1, column: 1, field: "(tệp)")
        let root = try root(of: data, file: file)
        let reader = PlanReader(file: file)
        let plan = PlanSections(reader).plan(PlanReader.Value(node: root, path: ""))
        guard reader.issues.isEmpty, let plan else {
            throw PlanFileError(issues: reader.issues.isEmpty
                ? [PlanIssue(location: here, message: "kế hoạch không hợp lệ")] : reader.issues)
        }
        let digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        return PlanFile(plan: plan, warnings: reader.warnings, digest: digest)
    }

    /// A YAML syntax error, at the place libyaml names.
    static func yamlIssue(_ error: any Error, file: String) -> PlanIssue {
        func at(_ mark: Mark, _ problem: String) -> PlanIssue {
            PlanIssue(location: PlanLocation(file: file, line: mark.line, column: mark.column, field: "(cú pháp YAML)"),
                      message: "lỗi cú pháp YAML: \(problem)")
        }
        switch error as? YamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return at(mark, problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return at(context.mark, "trường lặp lại: \(duplicates.joined(separator: ", "))")
        default:
            return PlanIssue(
                location: PlanLocation(file: file, line: 1, column: 1, field: "(cú pháp YAML)"),
                message: "lỗi cú pháp YAML: \(error)")
        }
    }
}

extension PlanFile {
    /// A file's bytes, or the fault of a file that cannot be read. Shared by the
    /// files Rõ reads in this YAML dialect (plans, the working-day calendar).
    static func contents(_ path: String) throws(PlanFileError) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PlanFileError(issues: [PlanIssue(
                location: PlanLocation(file: path, line: 1, column: 1, field: "(tệp)"), message: "không đọc được tệp")])
        }
        return data
    }

    /// The YAML node tree of a file's bytes: UTF-8, not empty, well formed.
    static func root(of data: Data, file: String) throws(PlanFileError) -> Node {
        let here = PlanLocation(file: file, line: 1, column: 1, field: "(tệp)")
        guard let text = String(data: data, encoding: .utf8) else {
            throw PlanFileError(issues: [PlanIssue(location: here, message: "tệp không phải UTF-8 hợp lệ")])
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw PlanFileError(issues: [PlanIssue(location: here, message: "tệp trống")])
            }
            return node
        } catch let error as PlanFileError {
            throw error
        } catch {
            throw PlanFileError(issues: [yamlIssue(error, file: file)])
        }
    }
}
