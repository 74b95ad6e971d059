import Foundation
import RoDomain
import RoEventStore
import RoHandlers

/// The exit codes of `ro`, documented in the README.
enum ExitStatus: Int32 {
    case ok = 0
    /// Unknown flag, missing argument, an argument rule broken.
    case usage = 64
    /// Input that cannot be read: a date, a period, a number, empty or too long text, invalid UTF-8.
    case dataError = 65
    /// An unknown task, user or unit.
    case notFound = 66
    /// The workflow refuses it: wrong role, wrong state.
    case ruleViolation = 67
    /// `ro verify` found the hash chain broken.
    case integrity = 68
    /// `ro remind`: the sendmail program cannot be run, or some reminders of the
    /// pass could not be sent (each is listed and recorded).
    case unavailable = 69
    /// The store is missing, not a Rõ store, newer than this binary, or failing.
    case storeError = 74
    /// Another writer changed the same data, or a command id was reused.
    case conflict = 75
}

/// A failure of `ro`: one line for the person at the terminal and an exit status.
struct Failure: Error {
    var message: String
    var status: ExitStatus

    init(_ message: String, _ status: ExitStatus) {
        self.message = message
        self.status = status
    }

    init(_ error: InputError) { self.init(error.message, .dataError) }

    init(_ rejection: Rejection) { self.init(rejection.message, rejection.isNotFound ? .notFound : .ruleViolation) }

    init(_ error: StoreError) {
        switch error {
        case .conflict, .commandIDReused: self.init(error.message, .conflict)
        default: self.init(error.message, .storeError)
        }
    }

    init(_ error: CommandError) {
        switch error {
        case .rejected(let rejection): self.init(rejection)
        case .store(let store): self.init(store)
        }
    }
}

/// Runs `body`, turning the typed errors of the lower layers into ``Failure``s.
@discardableResult
func failing<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as InputError {
        throw Failure(error)
    } catch let error as Rejection {
        throw Failure(error)
    } catch let error as StoreError {
        throw Failure(error)
    } catch let error as CommandError {
        throw Failure(error)
    }
}
