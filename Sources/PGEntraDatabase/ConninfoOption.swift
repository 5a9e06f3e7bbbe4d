import CLibpq

/// One entry of the PQconninfoOption arrays libpq hands out (PQconndefaults, PQconninfoParse,
/// PQconninfo), read into Swift once, so that each caller walks values rather than C pointers.
struct ConninfoOption {
    let keyword: String
    /// Nil when the option has no value.
    let value: String?
    /// The environment variable libpq reads for it (`PGHOST` for `host`), if any.
    let environmentName: String?

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
}
