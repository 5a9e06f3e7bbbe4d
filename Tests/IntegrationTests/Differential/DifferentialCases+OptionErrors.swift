/// Differential cases for bad command-line options: psql prints glibc getopt_long's own messages
/// (after argv[0], which the comparison maps to pgentra's) and then its `Try "psql --help"` hint,
/// and exits 1; getopt_long takes a unique prefix of a long option, and an ambiguous one lists
/// the candidates in psql's long_options order. An option that needs an argument is given last
/// (`overrides`), after the connection options that would otherwise be taken as its value.
extension DifferentialCase {
    static let optionErrors: [DifferentialCase] = [
        DifferentialCase("option errors: unrecognized long option", ["--x"]),
        DifferentialCase("option errors: unrecognized long option with a value", ["--nosuch=1", "-c", "select 1"]),
        DifferentialCase("option errors: invalid short option", ["-Z"]),
        DifferentialCase("option errors: invalid short option in a cluster", ["-AZt"]),
        DifferentialCase("option errors: short option requires an argument", [], overrides: ["-c"]),
        DifferentialCase("option errors: long option requires an argument", [], overrides: ["--file"]),
        DifferentialCase("option errors: abbreviated long option requires an argument", [], overrides: ["--comm"]),
        DifferentialCase("option errors: long option allows no argument", ["--echo-all=1"]),
        DifferentialCase("option errors: abbreviated long option allows no argument", ["--cs=yes"]),
        DifferentialCase("option errors: ambiguous prefix", ["--ec"]),
        DifferentialCase("option errors: ambiguous prefix with a value", ["--no-p=1"]),
        DifferentialCase("option errors: ambiguous prefix of two names of different options", ["--v", "x=1"]),
        DifferentialCase("option errors: unique prefixes are the options", [
            "--comm", "select 1 as a, 2 as b", "--tuples", "--no-a", "--field-separator=;", "--var", "x=1",
        ]),
        DifferentialCase("option errors: help inside a cluster prints only the hint", ["-?x"]),
        DifferentialCase("option errors: unknown help topic prints only the hint", ["--help=nosuch"]),
        DifferentialCase("option errors: exec reports a bad option alike", ["--bogus"], mode: .exec),
    ]
}
