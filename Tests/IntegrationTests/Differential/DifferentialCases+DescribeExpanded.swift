/// Differential cases for psql 18's `x` suffix on the `\d` commands (command.c exec_command_d:
/// an `x` anywhere after `\d` and the next character expands this command's output), and for
/// patterns read without their trailing semicolons.
extension DifferentialCase {
    static let describeExpanded: [DifferentialCase] = [
        .init("describe expanded relation lists", ["-c", "\\dtx", "-c", "\\dvx", "-c", "\\dmx", "-c", "\\dix items*", "-c", "\\dsx", "-c", "\\dEx",
                                                   "-c", "\\dtvx", "-c", "\\dSx pg_class"]),
        .init("describe expanded relation details stay aligned", ["-c", "\\d+x items", "-c", "\\dx+x plpgsql", "-c", "\\dSx myseq"]),
        .init("describe expanded sequence", ["-c", "\\d+x myseq", "-c", "\\x", "-c", "\\d myseq"]),
        .init("describe expanded other listings", ["-c", "\\dnx+ extra", "-c", "\\dux nosuchrole", "-c", "\\dgx nosuchrole", "-c", "\\dbx pg_default",
                                                   "-c", "\\dTx posint", "-c", "\\dfx int4pl", "-c", "\\dxx", "-c", "\\dx+x plpgsql", "-c", "\\lx postgres"]),
        .init("describe expanded ignores other letters", ["-c", "\\dtz items", "-c", "\\dtq", "-c", "\\dxq", "-c", "\\dbz pg_global",
                                                          "-c", "\\dgq nosuchrole", "-c", "\\dSt items"]),
        .init("describe expanded invalid forms", ["-c", "\\dfz", "-c", "\\dfxz", "-c", "\\dxx nosuch", "-c", "\\dx+x nosuch"]),
        .init("describe expanded invalid form stops exec", ["-c", "\\dfz"], mode: .exec),
        .init("describe patterns drop trailing semicolons", ["-c", "\\dt items;", "-c", "\\dt items;;", "-c", "\\dt 'items;'",
                                                             "-c", "\\df int4pl int4;", "-c", "\\dAc btree int4;"]),
    ]
}
