/// `\restrict KEY` and `\unrestrict KEY` (psql 18's exec_command_restrict and
/// exec_command_unrestrict, the fix for CVE-2025-8714): pg_dump brackets a plain dump with them
/// and a random key, so that nothing a server returns into the dump (an object name, a comment)
/// can run a meta-command such as `\!` when the dump is restored. SQL still runs while
/// restricted; every meta-command except `\unrestrict` is refused.
extension MetaCommands {
    /// psql 18's exec_command checks this before it looks at the command's name (an unknown
    /// name, or one in a branch that does not run, gets the same message), and HandleSlashCmds
    /// then drops the rest of the line as after any failed command.
    func refuseWhileRestricted(_ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        session.error("backslash commands are restricted; only \\unrestrict is allowed", at: location)
        arguments.discardRest()
        return .failed
    }

    /// The key is one ordinary argument (quotes and variables work, unquoted trailing
    /// semicolons go, extra arguments are warned about); an empty one counts as missing. psql
    /// does not check its characters: pg_dump makes it alphanumeric.
    func restrict(_ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        guard let key = arguments.nextPattern()?.text, !key.isEmpty else {
            session.error("\\restrict: missing required argument", at: location)
            return .failed
        }
        session.restrictKey = key
        return .ok
    }

    /// The key is the rest of the line as typed (MetaCommandArgument's whole-line mode: no
    /// quotes, variables or backquotes), compared by its UTF-8 bytes, not by Unicode equivalence.
    func unrestrict(_ arguments: inout ArgumentReader, at location: ScriptLocation?) -> Outcome {
        // psql reads the key with psql_scan_slash_option(OT_WHOLE_LINE, semicolon = true), which
        // drops trailing semicolons and whitespace (`\unrestrict KEY ;` works).
        guard let key = arguments.next(.wholeLine, strippingSemicolons: true)?.text else {
            session.error("\\unrestrict: missing required argument", at: location)
            return .failed
        }
        guard let expected = session.restrictKey else {
            session.error("\\unrestrict: not currently in restricted mode", at: location)
            return .failed
        }
        guard Array(key.utf8) == Array(expected.utf8) else {
            session.error("\\unrestrict: wrong key", at: location)
            return .failed
        }
        session.restrictKey = nil
        return .ok
    }
}
