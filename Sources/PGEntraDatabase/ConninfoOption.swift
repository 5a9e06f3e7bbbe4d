import CLibpq

/// One entry of the PQconninfoOption arrays libpq hands out (PQconndefaults, PQconninfoParse,
/// PQconninfo), read into Swift once, so that each caller walks values rather than C pointers.
struct ConninfoOption {
    let keyword: String
    /// Nil when the option has no value.
    let value: String?
    /// The environment variable libpq reads for it (`PGHOST` for `host`), if any.
    let environmentName: String?

    /// libpq's message when PQconninfoParse refuses a connection string, as libpq wrote it.
    struct ParseFailure: Error {
        let message: String
    }

    /// The entries of `options`, up to its terminating one; the caller still frees the array.
    static func list(_ options: UnsafeMutablePointer<PQconninfoOption>) -> [ConninfoOption] {
        var list: [ConninfoOption] = []
        var option = options
        while let keyword = option.pointee.keyword {
            list.append(ConninfoOption(
                keyword: String(cString: keyword), value: option.pointee.val.map { String(cString: $0) },
                environmentName: option.pointee.envvar.map { String(cString: $0) }))
            option += 1
        }
        return list
    }

    /// The keywords of `options` that have a value.
    static func values(_ options: [ConninfoOption]) -> [String: String] {
        var values: [String: String] = [:]
        for option in options {
            if let value = option.value { values[option.keyword] = value }
        }
        return values
    }

    /// The keywords of `options` that have a value; the caller still frees the array.
    static func values(_ options: UnsafeMutablePointer<PQconninfoOption>) -> [String: String] {
        values(list(options))
    }

    /// Every keyword libpq's PQconninfoParse finds in `conninfo` (`key=value` pairs or a URI)
    /// that has a value: the one parse behind both the token's target (ConnectionTarget) and
    /// the resolved parameters (ConnectionParameters.resolve).
    static func parse(_ conninfo: String) throws(ParseFailure) -> [String: String] {
        var error: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &error) else {
            let message = error.map { String(cString: $0) } ?? "out of memory"
            PQfreemem(error)
            throw ParseFailure(message: message)
        }
        defer { PQconninfoFree(options) }
        return values(options)
    }
}
