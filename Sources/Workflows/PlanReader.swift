import Foundation
import RoDomain
import Yams

/// Reads values out of a composed YAML document, collecting every fault with
/// its exact place instead of stopping at the first, so that one run of
/// `ro plan check` shows all of them.
final class PlanReader {
    /// A node and the path that led to it (`tasks[3].deadline`).
    struct Value {
        let node: Node
        let path: String
        func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    }

    let file: String
    private(set) var issues: [PlanIssue] = []
    private(set) var warnings: [PlanWarning] = []

    init(file: String) { self.file = file }

    func location(_ node: Node?, _ path: String) -> PlanLocation {
        PlanLocation(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, field: path.isEmpty ? "(tệp)" : path)
    }

    func fail(_ value: Value, _ message: String) {
        issues.append(PlanIssue(location: location(value.node, value.path), message: message))
    }

    func fail(at node: Node?, _ path: String, _ message: String) {
        issues.append(PlanIssue(location: location(node, path), message: message))
    }

    func warn(_ value: Value, _ message: String) {
        warnings.append(PlanWarning(location: location(value.node, value.path), message: message))
    }

    /// The fields of a mapping; a field not in `allowed` is a fault (a typo
    /// would otherwise be silently ignored).
    func fields(_ value: Value, allowed: [String]) -> [String: Value]? {
        guard let mapping = value.node.mapping else {
            fail(value, "cần một bảng các trường (mapping)")
            return nil
        }
        var result: [String: Value] = [:]
        for (keyNode, child) in mapping {
            guard let key = keyNode.scalar?.string else {
                fail(at: keyNode, value.path, "tên trường phải là chữ")
                continue
            }
            let path = value.child(key)
            guard allowed.contains(key) else {
                fail(at: keyNode, path, "trường '\(key)' không có trong định dạng (có thể: \(allowed.joined(separator: ", ")))")
                continue
            }
            result[key] = Value(node: child, path: path)
        }
        return result
    }

    /// A required field: its absence is a fault at the mapping that lacks it.
    func required(_ fields: [String: Value], _ key: String, in parent: Value) -> Value? {
        if let value = fields[key] { return value }
        fail(at: parent.node, parent.child(key), "thiếu trường bắt buộc '\(key)'")
        return nil
    }

    func scalar(_ value: Value?) -> String? {
        guard let value else { return nil }
        guard let scalar = value.node.scalar else {
            fail(value, "cần một giá trị đơn (chữ hoặc số)")
            return nil
        }
        return scalar.string
    }

    /// Free text, checked like every text people type (``Text``).
    func text(_ value: Value?, limit: Int, singleLine: Bool = true) -> String? {
        guard let value, let raw = scalar(value) else { return nil }
        do {
            let text = singleLine
                ? try Text.singleLine(raw, field: value.path, limit: limit)
                : try Text.multiLine(raw, field: value.path, limit: limit)
            if Placeholder.isPlaceholder(text) { warn(value, "chưa rõ: \(text)") }
            return text
        } catch {
            fail(value, error.message)
            return nil
        }
    }

    func int(_ value: Value?, in range: ClosedRange<Int>) -> Int? {
        guard let value, let raw = scalar(value) else { return nil }
        guard let number = Int(raw.trimmingCharacters(in: .whitespaces)), range.contains(number) else {
            fail(value, "cần một số nguyên từ \(range.lowerBound) đến \(range.upperBound), không phải '\(raw)'")
            return nil
        }
        return number
    }

    func list(_ value: Value?) -> [Value]? {
        guard let value else { return nil }
        guard let sequence = value.node.sequence else {
            fail(value, "cần một danh sách")
            return nil
        }
        return sequence.enumerated().map { Value(node: $1, path: "\(value.path)[\($0 + 1)]") }
    }

    func identifier<T: Identifier>(_ value: Value?, as: T.Type) -> T? {
        guard let value, let raw = scalar(value) else { return nil }
        do { return try T.parse(raw) } catch {
            fail(value, error.message)
            return nil
        }
    }

    func oneOf<T: RawRepresentable & CaseIterable>(_ value: Value?, _: T.Type) -> T? where T.RawValue == String {
        guard let value, let raw = scalar(value) else { return nil }
        guard let result = T(rawValue: raw) else {
            fail(value, "'\(raw)' không hợp lệ (chọn: \(T.allCases.map(\.rawValue).joined(separator: ", ")))")
            return nil
        }
        return result
    }

    /// An email address, or a ``Placeholder`` (warned about, and left out).
    func email(_ value: Value) -> String? {
        guard let raw = scalar(value) else { return nil }
        if Placeholder.isPlaceholder(raw) {
            warn(value, "chưa rõ địa chỉ email: \(raw)")
            return nil
        }
        do { return try Email.parse(raw) } catch {
            fail(value, error.message)
            return nil
        }
    }
}
