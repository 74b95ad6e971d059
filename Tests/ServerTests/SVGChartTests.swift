import Foundation
import Testing

@testable import RoServer

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The bar chart as a pure function: geometry and escaping.
@Suite struct SVGChartTests {
    static func bar(_ label: String = "CT01", value: Double?, scale: Double = 100, target: Double? = nil) -> SVGChart.Bar {
        SVGChart.Bar(
            label: label, title: "\(label): tiêu đề", value: value, scale: scale, target: target, caption: "chú thích",
            style: "met")
    }

    @Test func aBarsLengthIsProportionalToItsValue() {
        let track = SVGChart.trackWidth
        #expect(SVGChart.length(25, scale: 100) == track / 4)
        #expect(SVGChart.length(50, scale: 100) == track / 2)
        #expect(SVGChart.length(6, scale: 8) == track * 0.75)
        #expect(SVGChart.length(50, scale: 100) == 2 * SVGChart.length(25, scale: 100))
    }

    @Test func aBarNeverPassesTheFullWidthNorGoesBelowZero() {
        let track = SVGChart.trackWidth
        #expect(SVGChart.length(100, scale: 100) == track)
        #expect(SVGChart.length(150, scale: 100) == track)
        #expect(SVGChart.length(1e300, scale: 1) == track)
        #expect(SVGChart.length(-5, scale: 100) == 0)
        #expect(SVGChart.length(nil, scale: 100) == 0)
        #expect(SVGChart.length(5, scale: 0) == 0)
        #expect(SVGChart.length(.nan, scale: 100) == 0)
        #expect(SVGChart.length(.infinity, scale: 100) == 0)
    }

    @Test func theDrawingPlacesBarsRowsAndTargetMarks() {
        let chart = SVGChart(title: "Biểu đồ", bars: [
            Self.bar("CT01", value: 30, scale: 60, target: 45),
            Self.bar("CT02", value: nil, target: 80),
            Self.bar("CT03", value: 250, scale: 100),
        ])
        let svg = chart.render()
        // Row 1: half the 420-unit track, target at three quarters (70 + 315).
        #expect(svg.contains(#"<rect class="bar" x="70" y="11" width="210" height="18"/>"#))
        #expect(svg.contains(#"<line class="target" x1="385" y1="8" x2="385" y2="32"/>"#))
        // Row 2: no value, no bar; the target mark at 80% of the track.
        #expect(svg.contains(#"<line class="target" x1="406" y1="38" x2="406" y2="62"/>"#))
        // Row 3: capped at the track's end.
        #expect(svg.contains(#"<rect class="bar" x="70" y="71" width="420" height="18"/>"#))
        #expect(svg.components(separatedBy: #"<rect class="bar""#).count - 1 == 2)
        #expect(svg.components(separatedBy: #"<rect class="track""#).count - 1 == 3)
        #expect(svg.contains(#"viewBox="0 0 720 100""#))
    }

    @Test func everyRowHasATitleAndTheChartIsLabelled() {
        let svg = SVGChart(title: "Tiến độ chỉ tiêu năm 2026", bars: [Self.bar(value: 1), Self.bar("CT02", value: 2)]).render()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains(#"role="img" aria-labelledby="chart-title""#))
        #expect(svg.contains(#"<title id="chart-title">Tiến độ chỉ tiêu năm 2026</title>"#))
        #expect(svg.contains("<g class=\"met\"><title>CT01: tiêu đề</title>"))
        #expect(svg.contains("<g class=\"met\"><title>CT02: tiêu đề</title>"))
        #expect(svg.components(separatedBy: "<title").count - 1 == 3)
    }

    @Test func textIsEscapedAndVietnameseKeptIntact() {
        #expect(SVGChart.escape(#"Tỷ lệ <b> & "x" 'y'"#) == "Tỷ lệ &lt;b&gt; &amp; &quot;x&quot; &#39;y&#39;")
        #expect(SVGChart.escape("Đạt mức cao của tỉnh") == "Đạt mức cao của tỉnh")
        #expect(SVGChart.escape("&amp;") == "&amp;amp;")
        let hostile = SVGChart.Bar(
            label: "<script>", title: "A & B </title><script>", value: 10, scale: 100, target: nil,
            caption: #"" onload="x"#, style: #"met" onclick="x"#)
        let svg = SVGChart(title: "Chỉ tiêu <năm> 2026", bars: [hostile]).render()
        #expect(!svg.contains("<script>"))
        #expect(!svg.contains(#"" onload="#) && !svg.contains(#"" onclick="#))
        #expect(svg.contains("<title>A &amp; B &lt;/title&gt;&lt;script&gt;</title>"))
        #expect(svg.contains("Chỉ tiêu &lt;năm&gt; 2026"))
    }

    #if canImport(FoundationXML) || canImport(Darwin)
    @Test func theDrawingIsWellFormedXML() {
        let bars = [Self.bar("A & <B>", value: 40, target: 50), Self.bar(#""Ơ""#, value: nil)]
        let svg = SVGChart(title: "Tỷ lệ & “số” <%>", bars: bars).render()
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    }
    #endif

    @Test func coordinatesAreWrittenShort() {
        #expect(SVGChart.number(420) == "420")
        #expect(SVGChart.number(105.5) == "105.5")
        #expect(SVGChart.number(1.0 / 3.0) == "0.33")
    }
}

/// CSV as spreadsheets read it: RFC 4180 quoting, CRLF, BOM, no live formulas.
@Suite struct CSVTests {
    @Test func fieldsAreQuotedOnlyWhenTheyMustBe() {
        #expect(CSV.field("Phòng Văn hóa – Xã hội") == "Phòng Văn hóa – Xã hội")
        #expect(CSV.field("") == "")
        #expect(CSV.field("a,b") == #""a,b""#)
        #expect(CSV.field(#"nói "có""#) == #""nói ""có""""#)
        #expect(CSV.field("dòng 1\ndòng 2") == "\"dòng 1\ndòng 2\"")
        #expect(CSV.field("dòng 1\r\ndòng 2") == "\"dòng 1\r\ndòng 2\"")
        #expect(CSV.field("a\rb") == "\"a\rb\"")
    }

    @Test(arguments: ["=1+1", "+84 912 345 678", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"])
    func aCellAFormulaWouldStartIsDefused(_ text: String) {
        let field = CSV.field(text)
        let unquoted = field.hasPrefix("\"") ? String(field.dropFirst()) : field
        #expect(unquoted.hasPrefix("'" + String(text.unicodeScalars.first!)))
    }

    @Test func aDefusedFormulaIsStillQuotedWhereItMustBe() {
        #expect(CSV.field(#"=HYPERLINK("http://x","y")"#) == #""'=HYPERLINK(""http://x"",""y"")""#)
        #expect(CSV.field("=1+1") == "'=1+1")
        // Only a leading sign counts.
        #expect(CSV.field("a=b-c+d@e") == "a=b-c+d@e")
        #expect(CSV.field(" =1") == " =1")
    }

    @Test func theDocumentStartsWithABOMAndEndsEveryLineWithCRLF() {
        let text = CSV.document([["STT", "Nhiệm vụ"], ["1", "Tuyên truyền, vận động"]])
        #expect(Array(text.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(text.dropFirst()) == "STT,Nhiệm vụ\r\n1,\"Tuyên truyền, vận động\"\r\n")
        #expect(CSVReader.records(String(text.dropFirst())) == [["STT", "Nhiệm vụ"], ["1", "Tuyên truyền, vận động"]])
    }
}
