/// `\password [USER]` (psql 18's exec_command_password): the new password is asked twice with
/// echo off, then set as PQchangePassword does (Connection.changePassword): hashed by libpq on
/// the client and sent as `ALTER USER ... PASSWORD '<hash>'`, which ECHO_HIDDEN does not show.
/// With Entra sign-in this sets a PostgreSQL password, which the token sign-in does not use.
extension MetaCommands {
    func password(_ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        var user = arguments.next(.sqlIdentifier)?.text
        if user == nil {
            guard let result = session.runHidden("SELECT CURRENT_USER"), let name = result.value(row: 0, column: 0) else {
                return .failed
            }
            user = name
        }
        guard let user, let connection = session.connection else { return .failed }
        let script = session.currentInput.flatMap { $0.readsStandardInput ? $0 : nil }
        let prompt = HiddenPrompt { script.map { $0.readLine() } ?? Self.readStandardInputLine() }
        guard case .line(let first) = prompt.ask("Enter new password for user \"\(user)\": "),
              case .line(let second) = prompt.ask("Enter it again: ") else {
            return .failed
        }
        guard first == second else {
            session.error("Passwords didn't match.", at: location)
            return .failed
        }
        guard let result = connection.changePassword(user: user, password: first) else {
            session.report(connection.errorMessage, at: location)
            return .failed
        }
        if result.status == .error {
            session.report(result.errorMessage, at: location)
            return .failed
        }
        return .ok
    }
}
