import Testing
@testable import RoMail
