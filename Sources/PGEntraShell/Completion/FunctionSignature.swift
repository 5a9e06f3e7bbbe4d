/// A routine as the select list completes it past psql (issue 14 item 4, as pgcli users expect
/// it): its name as `quote_ident` gives it and its identity arguments
/// (`pg_get_function_identity_arguments`), read from one `name(arguments)` string. Tab puts
/// in `name(`, ready for the arguments; a listing shows each overload's whole signature, so the
/// argument types are there to read when they are needed.
struct FunctionSignature: Hashable {
    /// The name, quoted as SQL needs it.
    let name: String
    /// `name(arguments)`, as listed.
    let text: String

    /// nil for a string with no `(` after its name.
    init?(_ text: String) {
        // The name ends at the first `(` outside double quotes (a doubled quote toggles twice).
        var quoted = false
        for index in text.indices {
            switch text[index] {
            case "\"": quoted.toggle()
            case "(" where !quoted:
                name = String(text[..<index])
                self.text = text
                return
            default: break
            }
        }
        return nil
    }

    /// What Tab puts in for it.
    var insertion: String { name + "(" }
}
