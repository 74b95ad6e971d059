import Foundation

/// Files of this repository, for tests that read the real plans.
public enum Repository {
    /// The repository's root folder (the one holding Package.swift).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file below the root: `Repository.path("Workflows/nhon-trach-2026.yaml")`.
    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The seeds the plans were written from, beside the repository (`../shared/seeds`), if present.
    public static func seed(_ prefix: String) -> String? {
        let folder = root.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.first { $0.hasPrefix(prefix) }.flatMap {
            try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
        }
    }
}
