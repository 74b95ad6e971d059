import Foundation

/// Placeholder: replaced by the mail module.
public enum RoMailPlaceholder {}
