import Foundation
import Testing

@testable import RoDomain

@Suite("Free text people type")
struct TextTests {
    static let field = "tên nhiệm vụ"

    @Test func textIsTrimmed() throws {
        #expect(try Text.singleLine("  Tập huấn kỹ năng số \n", field: Self.field, limit: 50) == "Tập huấn kỹ năng số")
        #expect(try Text.multiLine("\n Dòng 1\nDòng 2 \n\n", field: Self.field, limit: 50) == "Dòng 1\nDòng 2")
    }

    @Test(arguments: ["", "   ", "\n\t \r\n"])
    func blankTextIsEmpty(raw: String) {
        #expect(throws: InputError.empty(field: Self.field)) { try Text.singleLine(raw, field: Self.field, limit: 10) }
        #expect(throws: InputError.empty(field: Self.field)) { try Text.multiLine(raw, field: Self.field, limit: 10) }
    }

    @Test func theLimitCountsCharactersNotBytes() throws {
        let vietnamese = String(repeating: "ệ", count: 10)
        #expect(vietnamese.utf8.count > 10)
        #expect(try Text.singleLine(vietnamese, field: Self.field, limit: 10) == vietnamese)
        #expect(throws: InputError.tooLong(field: Self.field, limit: 10)) {
            try Text.singleLine(vietnamese + "a", field: Self.field, limit: 10)
        }
        #expect(throws: InputError.tooLong(field: Self.field, limit: TextLimit.title)) {
            try Text.multiLine(String(repeating: "x", count: TextLimit.title + 1), field: Self.field, limit: TextLimit.title)
        }
    }

    @Test(arguments: ["Dòng 1\nDòng 2", "Dòng 1\r\nDòng 2", "Dòng 1\rDòng 2", "Tiêu đề\u{2028}Bcc: x@y"])
    func aSingleLineHasNoLineBreak(raw: String) {
        #expect(throws: InputError.multipleLines(field: Self.field)) {
            try Text.singleLine(raw, field: Self.field, limit: 100)
        }
    }

    @Test func lineBreaksAreNormalizedInMultiLineText() throws {
        #expect(try Text.multiLine("a\r\nb\rc", field: Self.field, limit: 100) == "a\nb\nc")
        #expect(try Text.multiLine("a\tb", field: Self.field, limit: 100) == "a\tb")
    }

    @Test(arguments: ["chuông\u{07}", "a\u{00}b", "esc\u{1B}[31m", "del\u{7F}", "c1\u{85}x"])
    func controlCharactersAreRefused(raw: String) {
        #expect(throws: InputError.controlCharacter(field: Self.field)) {
            try Text.multiLine(raw, field: Self.field, limit: 100)
        }
    }

    @Test func anOptionalTextMayBeAbsent() throws {
        #expect(try Text.optional(nil, field: Self.field, limit: 10) == nil)
        #expect(try Text.optional("  \n", field: Self.field, limit: 10) == nil)
        #expect(try Text.optional(" ghi chú ", field: Self.field, limit: 10) == "ghi chú")
        #expect(throws: InputError.multipleLines(field: Self.field)) {
            try Text.optional("a\nb", field: Self.field, limit: 10, singleLine: true)
        }
        #expect(try Text.optional("a\nb", field: Self.field, limit: 10) == "a\nb")
    }

    // MARK: Identifiers

    @Test(arguments: ["KH07-II.3", "vhxh", "lan.vhxh", "7", "thon_1", "a/b"])
    func identifiersAreRead(text: String) throws {
        #expect(try TaskID.parse(text).rawValue == text)
        #expect(TaskID(rawValue: text)?.description == text)
    }

    @Test(arguments: ["-vhxh", ".an", "_x", "/x", "vh xh", "văn-hóa", "đ", "a:b", "a@b", "tab\t", "ａ"])
    func malformedIdentifiersAreRefused(text: String) {
        #expect(throws: InputError.malformedIdentifier(field: UnitID.fieldName, value: text)) {
            try UnitID.parse(text)
        }
        #expect(UnitID(rawValue: text) == nil)
    }

    @Test func identifiersHaveALimitAndAreRequired() throws {
        let longest = String(repeating: "a", count: 64)
        #expect(try Login.parse(longest).rawValue == longest)
        #expect(throws: InputError.tooLong(field: Login.fieldName, limit: 64)) { try Login.parse(longest + "a") }
        #expect(throws: InputError.empty(field: "mã nhiệm vụ")) { try TaskID.parse("") }
        #expect(throws: InputError.empty(field: "mã đơn vị")) { try UnitID.parse("") }
        #expect(throws: InputError.empty(field: "tên đăng nhập")) { try Login.parse("") }
    }

    @Test func identifiersOrderAndCodeAsTheirText() throws {
        #expect(UnitID(unchecked: "congan") < UnitID(unchecked: "vhxh"))
        let data = try JSONEncoder().encode([Fx.vhxh])
        #expect(String(decoding: data, as: UTF8.self) == #"["vhxh"]"#)
        #expect(try JSONDecoder().decode([UnitID].self, from: data) == [Fx.vhxh])
        #expect(Login.system.rawValue == "system")
        #expect(Actor.system.role == .admin)
    }

    // MARK: Roles

    @Test func rolesAreReadWhateverTheCase() throws {
        #expect(try Role.parse("leader") == .leader)
        #expect(try Role.parse("Officer") == .officer)
        #expect(try Role.parse("AUDITOR") == .auditor)
        #expect(throws: InputError.unknownRole(value: "chủ tịch")) { try Role.parse("chủ tịch") }
    }

    @Test func anOfficerBelongsToOneUnit() {
        #expect(Fx.officer.isOfficer(of: Fx.vhxh))
        #expect(!Fx.officer.isOfficer(of: Fx.yte))
        #expect(!Actor(login: Login(unchecked: "x"), role: .leader, unit: Fx.vhxh).isOfficer(of: Fx.vhxh))
    }
}
