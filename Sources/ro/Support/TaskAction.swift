import ArgumentParser
import Foundation
import RoDomain
import RoHandlers

/// A subcommand that carries out one command on one task: it reads its
/// arguments into a ``TaskCommand``, and the rest is the same for all.
protocol TaskAction: ParsableCommand {
    var store: StoreOptions { get }
    var actor: ActorOptions { get }
    var task: String { get }
    /// The command, from the arguments; throws a ``Failure`` for input that cannot be read.
    func command() throws -> TaskCommand
    /// The sentence printed when it is done, in Vietnamese.
    func done(_ task: TaskID) -> String
}

extension TaskAction {
    func run() throws {
        let id = try Read.task(task)
        let command = try command()
        let context = try actor.context()
        let handler = try store.handler()
        let outcome = try failing { try handler.execute(command, on: id, context: context) }
        try failing { try handler.store.catchUp() }
        Output.written(outcome, context: context, json: actor.json, done: done(id))
    }
}
