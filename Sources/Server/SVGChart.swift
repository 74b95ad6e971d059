import Foundation

/// A horizontal bar chart drawn as SVG on the server: one row per bar, its
/// length the value's share of the row's scale (never past the full width), a
/// mark where the target lies, and a `<title>` on every row for screen readers
/// and tooltips. Pure: text in, text out; every text is XML-escaped.
struct SVGChart: Sendable {
    struct Bar: Sendable {
        /// Short label left of the bar ("CT01").
        var label: String
        /// What a screen reader says of the row; also the tooltip.
        var title: String
        /// The value drawn; `nil` draws no bar.
        var value: Double?
        /// The value that fills the whole width.
        var scale: Double
        /// Where the target mark stands, on the same scale.
        var target: Double?
        /// The text right of the bar ("60% / ≥ 80%").
        var caption: String
        /// The CSS class of the bar (its colour).
        var style: String
    }

    var title: String
    var bars: [Bar]

    /// Widths of the label column, the bar track and the caption column, and the row height.
    static let labelWidth = 70.0
    static let trackWidth = 420.0
    static let captionWidth = 230.0
    static let rowHeight = 30.0
    static let barHeight = 18.0
    static var width: Double { labelWidth + trackWidth + captionWidth }

    /// The length of a bar: proportional to its value, 0 for none or a
    /// negative value, the full track for a value at or past its scale.
    static func length(_ value: Double?, scale: Double) -> Double {
        guard let value, value.isFinite, scale > 0, value > 0 else { return 0 }
        return trackWidth * min(value / scale, 1)
    }

    var height: Double { Self.rowHeight * Double(bars.count) + 10 }

    func render() -> String {
        let e = Self.escape
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="chart-title" \
            viewBox="0 0 \(Self.number(Self.width)) \(Self.number(height))" width="100%" \
            style="max-width:\(Self.number(Self.width))px">
            <title id="chart-title">\(e(title))</title>

            """
        for (index, bar) in bars.enumerated() {
            let top = Self.rowHeight * Double(index) + 5
            let barTop = top + (Self.rowHeight - Self.barHeight) / 2
            let textY = top + Self.rowHeight / 2 + 5
            svg += "<g class=\"\(e(bar.style))\"><title>\(e(bar.title))</title>\n"
            svg += "<text x=\"0\" y=\"\(Self.number(textY))\">\(e(bar.label))</text>\n"
            svg += "<rect class=\"track\" x=\"\(Self.number(Self.labelWidth))\" y=\"\(Self.number(barTop))\" "
                + "width=\"\(Self.number(Self.trackWidth))\" height=\"\(Self.number(Self.barHeight))\"/>\n"
            let length = Self.length(bar.value, scale: bar.scale)
            if length > 0 {
                svg += "<rect class=\"bar\" x=\"\(Self.number(Self.labelWidth))\" y=\"\(Self.number(barTop))\" "
                    + "width=\"\(Self.number(length))\" height=\"\(Self.number(Self.barHeight))\"/>\n"
            }
            if let target = bar.target {
                let x = Self.labelWidth + Self.length(target, scale: bar.scale)
                svg += "<line class=\"target\" x1=\"\(Self.number(x))\" y1=\"\(Self.number(barTop - 3))\" "
                    + "x2=\"\(Self.number(x))\" y2=\"\(Self.number(barTop + Self.barHeight + 3))\"/>\n"
            }
            svg += "<text x=\"\(Self.number(Self.labelWidth + Self.trackWidth + 8))\" y=\"\(Self.number(textY))\">"
                + "\(e(bar.caption))</text>\n</g>\n"
        }
        return svg + "</svg>"
    }

    /// Escapes text for XML content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A coordinate with at most two decimals, without a trailing ".0".
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }
}
