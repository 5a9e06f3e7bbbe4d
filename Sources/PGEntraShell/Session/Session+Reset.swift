import PGEntraDatabase

/// psql's CheckConnection for the terminal (psql-compat.md §7, cli.md "Refresh on reconnect"):
/// after a command finds the connection gone, connect again with the same parameters through
/// the Connector, which asks the token provider (a fresh token when the old one is due).
/// Variables and settings stay; the failed statement is not sent again.
extension Session {
    func resetConnection(_ lost: Connection) {
        output.flush()
        diagnostics("The connection to the server was lost. Attempting reset: ")
        do throws(ConnectionError) {
            let fresh = try connector.connect(lost.parameters)
            connection = fresh
            attach(fresh)
            diagnostics("Succeeded.\n")
        } catch {
            // `\c` reconnects with these later; until then the prompt shows `!?>`.
            lastOptions = lost.options
            connection = nil
            diagnostics("Failed.\n")
        }
    }
}
