/// One fuzz target (issue 11): a name for `scripts/fuzz`, seeds taken from the unit tests, and
/// a body that takes any bytes and must neither crash nor hang. Every input that ever broke a
/// body is kept under Fuzz/Regressions/NAME, and the unit tests replay them and the seeds
/// (FuzzRegressionTests), so a fixed crash stays fixed without the fuzzing build.
public struct FuzzTarget: Sendable {
    /// The directory name under Fuzz/Regressions and the argument to `scripts/fuzz`.
    public let name: String
    /// What the target exercises, for `pgentra-fuzz --list`.
    public let summary: String
    /// Inputs in the target's own format (`FuzzInput`), each from a unit test's vector.
    public let seeds: [[UInt8]]
    /// Makes the body once per process; `scratch` is an empty private directory the body may
    /// use for files, removed by the caller afterwards.
    let prepare: @Sendable (_ scratch: String) -> @Sendable ([UInt8]) -> Void

    /// The body, ready to run many inputs.
    public func body(scratch: String) -> @Sendable ([UInt8]) -> Void {
        prepare(scratch)
    }

    /// Every target, in the order `scripts/fuzz` runs them.
    public static let all: [FuzzTarget] = [
        .jwt, .json, .tokenResponse, .tokenCache, .arguments, .connectionString, .statements, .proxyProtocol,
    ]

    public static func named(_ name: String) -> FuzzTarget? {
        all.first { $0.name == name }
    }
}
