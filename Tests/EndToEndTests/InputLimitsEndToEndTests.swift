import Foundation
import Testing

/// Text at and over its documented limit (counted in characters, not bytes),
/// empty text, control characters, invalid UTF-8 anywhere on the command line,
/// and numbers that cannot be read.
@Suite("ro end to end: input limits")
struct InputLimitsEndToEndTests {
    func store() throws -> RoRunner {
        let ro = try RoRunner()
        try ro.seed()
        try ro.assignAndAccept()
        return ro
    }

    let report = ["report", "KH07-1", "--period", "2026-11", "--as", "lan", "--summary"]

    @Test func limitsCountCharactersNotBytes() throws {
        let ro = try store()
        // "ệ" is three bytes in UTF-8: 4,000 of them are 12,000 bytes and still within the limit.
        try ro.expectRefusal(report + [String(repeating: "ệ", count: 4_001)], 65, "nội dung báo cáo dài quá 4000 ký tự")
        try ro.expectRefusal(
            ["assign", "KH07-2", "--title", String(repeating: "Đ", count: 501), "--lead", "vp", "--as", "chutich"], 65,
            "tên nhiệm vụ dài quá 500 ký tự")
        try ro.expectRefusal(
            ["unit", "add", "ca", "--name", String(repeating: "ư", count: 201), "--as", "admin"], 65, "tên đơn vị dài quá 200 ký tự")
        try ro.expectRefusal(
            ["cancel", "KH07-1", "--reason", String(repeating: "ơ", count: 1_001), "--as", "chutich"], 65, "lý do dài quá 1000 ký tự")

        let summary = String(repeating: "ệ", count: 4_000)
        try ro.expectSuccess(report + [summary])
        try ro.expectSuccess(["assign", "KH07-2", "--title", String(repeating: "Đ", count: 500), "--lead", "vp", "--as", "chutich"])
        let show = try ro.jsonObject(["task", "show", "KH07-1"])
        #expect((show["reports"] as? [[String: Any]])?.first?["summary"] as? String == summary)
        #expect(try ro.jsonObject(["task", "show", "KH07-2"])["title"] as? String == String(repeating: "Đ", count: 500))
    }

    @Test func aSummaryMayHaveSeveralLinesButNoControlCharacters() throws {
        let ro = try store()
        try ro.expectRefusal(report + ["Chuông\u{07}báo"], 65, "nội dung báo cáo chứa ký tự điều khiển không hợp lệ")
        try ro.expectRefusal(report + ["Xóa\u{1B}[2J"], 65, "ký tự điều khiển")
        try ro.expectRefusal(
            ["assign", "KH07-2", "--title", "Dòng một\r\nDòng hai", "--lead", "vp", "--as", "chutich"], 65, "một dòng")
        try ro.expectSuccess(report + ["1. Hội nghị tại thôn 1\n2. Hội nghị tại thôn 2"])
        let payload = try ro.jsonArray(["history", "KH07-1"]).last?["payload"] as? [String: Any]
        #expect(payload?["summary"] as? String == "1. Hội nghị tại thôn 1\n2. Hội nghị tại thôn 2")
    }

    @Test func emptyRequiredTextIsRefused() throws {
        let ro = try store()
        try ro.expectRefusal(report + [""], 65, "nội dung báo cáo không được để trống")
        try ro.expectRefusal(report + [" \n\t "], 65, "nội dung báo cáo không được để trống")
        try ro.expectRefusal(["assign", "KH07-2", "--title", "", "--lead", "vp", "--as", "chutich"], 65, "tên nhiệm vụ không được để trống")
        try ro.expectRefusal(["decline", "KH07-1", "--reason", "  ", "--as", "lan"], 65, "lý do không được để trống")
        try ro.expectRefusal(["unit", "add", "ca", "--name", "", "--as", "admin"], 65, "tên đơn vị không được để trống")
        try ro.expectRefusal(["user", "add", "hoa", "--name", " ", "--role", "leader", "--as", "admin"], 65, "họ tên không được để trống")
    }

    /// Raw bytes cannot travel in a Swift String: the shell's printf puts them on the command line.
    @Test func invalidUTF8AnywhereOnTheCommandLineIsRefusedWithItsPlace() throws {
        let ro = try store()
        let cases: [(script: String, argument: Int)] = [
            (#""$RO" "$(printf 'rep\377')" KH07-1 --period 2026-11 --summary x --as lan"#, 1),
            (#""$RO" accept "$(printf 'KH07-\2771')" --as lan"#, 2),
            (#""$RO" accept KH07-1 --as "$(printf 'l\341n')""#, 4),
            (#""$RO" report KH07-1 --period 2026-11 --summary "$(printf 'Thi\341\272\277u \300\200')" --as lan"#, 6),
            (#""$RO" assign KH07-2 --title "$(printf 'T\303')" --lead vp --as chutich"#, 4),
            (#""$RO" cancel KH07-1 --as chutich --reason "$(printf '\355\240\200')""#, 6),
        ]
        for (script, argument) in cases {
            let result = try ro.expectShellRefusal(script, 65, "tham số thứ \(argument) không phải UTF-8 hợp lệ")
            #expect(result.stderr == "ro: tham số thứ \(argument) không phải UTF-8 hợp lệ\n", "\(script)")
        }
        // The same command with valid UTF-8 goes through.
        let valid = try ro.runShell(#""$RO" report KH07-1 --period 2026-11 --summary "$(printf 'Thi\341\272\277u')" --as lan"#)
        #expect(valid.status == 0, "\(valid.stderr)")
        let entry = try ro.jsonArray(["history", "KH07-1"]).last
        #expect(entry?["text"] as? String == "Báo cáo kỳ 2026-11 lần 1: Thiếu")
    }

    @Test func numbersOutOfRangeAreDataErrors() throws {
        let ro = try store()
        try ro.expectRefusal(report + ["x", "--percent", "101"], 65, "0–100")
        try ro.expectRefusal(report + ["x", "--indicator", "CT01"], 65, "cần dạng MÃ=GIÁ_TRỊ")
        try ro.expectRefusal(report + ["x", "--indicator", "CT01=nan"], 65, "không phải là số")
    }

    /// README: 65 is for "a number that cannot be read", in Vietnamese.
    @Test func unreadableNumbersAreDataErrors() throws {
        let ro = try store()
        for command in [
            report + ["x", "--percent", "nhiều"],
            ["approve", "KH07-1", "--period", "2026-11", "--revision", "hai", "--as", "chutich"],
            ["indicators", "--year", "năm nay"],
        ] {
            let result = try ro.run(command)
            #expect(result.stderr.hasPrefix("ro: ") && result.stderr.split(separator: "\n").count == 1, "\(command)")
            #expect(result.status == 65, "\(command): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("không phải là số"), "\(command): \(result.stderr)")
        }
    }
}
